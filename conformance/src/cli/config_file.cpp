// --config parsing.
#include "scim/conformance/cli/config_file.hpp"

#include <set>

#include "scim/conformance/json_limits.hpp"

namespace scim::conf::cli {
namespace {

const std::set<std::string>& known_keys() {
  static const std::set<std::string> kKeys = {"base-url",
                                              "token",
                                              "basic",
                                              "header",
                                              "oauth-token-url",
                                              "oauth-client-id",
                                              "oauth-client-secret",
                                              "oauth-issuer",
                                              "oauth-key",
                                              "oauth-key-id",
                                              "oauth-scope",
                                              "only",
                                              "exclude",
                                              "tags",
                                              "level",
                                              "jobs",
                                              "timeout",
                                              "check-timeout",
                                              "profile",
                                              "force-optional",
                                              "keep",
                                              "junit",
                                              "html",
                                              "json",
                                              "md",
                                              "verbose",
                                              "insecure",
                                              "ca-cert",
                                              "color",
                                              "receiver-port",
                                              "poll-feed",
                                              "expect",
                                              "update-expect",
                                              "fail-on-unexpected-pass",
                                              "compare",
                                              "duration-threshold",
                                              "duration-floor",
                                              "targets",
                                              "report-dir",
                                              "target-jobs"};
  return kKeys;
}

Result<std::string, std::string> scalar(const std::string& key, const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return Unexpected{"config key \"" + key + "\": expected a string, number or boolean"};
}

}  // namespace

Result<ConfigValues, std::string> read_config(const std::string& text) {
  const auto doc = parse_json_limited(text, 8);
  if (!doc || !doc->is_object()) return Unexpected{std::string("config is not a JSON object")};
  ConfigValues values;
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    if (!known_keys().contains(it.key())) {
      return Unexpected{"unknown config key \"" + it.key() + "\""};
    }
    auto& out = values[it.key()];
    const auto items = it.value().is_array() ? it.value() : nlohmann::json::array({it.value()});
    for (const auto& item : items) {
      auto value = scalar(it.key(), item);
      if (!value) return Unexpected{value.error()};
      out.push_back(std::move(*value));
    }
  }
  return values;
}

}  // namespace scim::conf::cli
