// The observability options from flags and the config file (see config_observe.hpp).
#include "scim/server/app/config_observe.hpp"

#include <CLI/CLI.hpp>

namespace scim::app {
namespace {

const std::map<std::string, observe::MetricsAuth> kMetricsAuth = {
    {"none", observe::MetricsAuth::None}, {"admin", observe::MetricsAuth::Admin}};
const std::map<std::string, observe::LogFormat> kLogFormats = {{"text", observe::LogFormat::Text},
                                                               {"json", observe::LogFormat::Json}};
const std::vector<std::string> kLogLevels = {"trace", "debug",    "info", "warn",
                                             "error", "critical", "off"};

// The log's flags: --log-format, --log-level, --no-access-log.
void register_log_flags(CLI::App& app, observe::LogOptions& log) {
  app.add_option("--log-format", log.format, "Log lines as text (default) or json, on stderr")
      ->transform(CLI::CheckedTransformer(kLogFormats, CLI::ignore_case));
  app.add_option("--log-level", log.level,
                 "trace, debug, info (default: one access line per request), warn, error, "
                 "critical or off")
      ->check(CLI::IsMember(kLogLevels));
  app.add_flag_callback(
      "--no-access-log", [&log] { log.access_log = false; }, "No access-log lines");
}

}  // namespace

void register_observe_flags(CLI::App& app, observe::ObserveOptions& o) {
  app.add_option("--metrics-auth", o.metrics_auth,
                 "Who may GET /metrics: none (public, default) or admin (an --admin-token)")
      ->transform(CLI::CheckedTransformer(kMetricsAuth, CLI::ignore_case));
  app.add_flag_callback(
      "--no-metrics", [&o] { o.metrics = false; }, "Serve no /metrics and count nothing");
  app.add_option("--metrics-max-series", o.limits.max_series_per_family,
                 "Series per metric family; beyond, samples go to an 'overflow' series")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  register_log_flags(app, o.log);
}

std::map<std::string, ConfigKeySetter> observe_config_keys(observe::ObserveOptions& o) {
  using json = nlohmann::json;
  return {
      {"metrics",
       [&o](const json& v) -> Status<std::string> {
         if (!v.is_boolean()) return Unexpected{std::string("expected true or false")};
         o.metrics = v.get<bool>();
         return Ok{};
       }},
      {"metricsAuth",
       [&o](const json& v) -> Status<std::string> {
         auto it = v.is_string() ? kMetricsAuth.find(v.get<std::string>()) : kMetricsAuth.end();
         if (it == kMetricsAuth.end()) return Unexpected{std::string("expected none or admin")};
         o.metrics_auth = it->second;
         return Ok{};
       }},
      {"metricsMaxSeries",
       [&o](const json& v) -> Status<std::string> {
         if (!v.is_number_unsigned() || v.get<std::uint64_t>() == 0) {
           return Unexpected{std::string("expected a positive integer")};
         }
         o.limits.max_series_per_family = v.get<std::size_t>();
         return Ok{};
       }},
      {"logFormat",
       [&o](const json& v) -> Status<std::string> {
         auto it = v.is_string() ? kLogFormats.find(v.get<std::string>()) : kLogFormats.end();
         if (it == kLogFormats.end()) return Unexpected{std::string("expected text or json")};
         o.log.format = it->second;
         return Ok{};
       }},
      {"logLevel",
       [&o](const json& v) -> Status<std::string> {
         if (!v.is_string() || !observe::parse_log_level(v.get<std::string>())) {
           return Unexpected{
               std::string("expected trace, debug, info, warn, error, critical or off")};
         }
         o.log.level = v.get<std::string>();
         return Ok{};
       }},
      {"accessLog",
       [&o](const json& v) -> Status<std::string> {
         if (!v.is_boolean()) return Unexpected{std::string("expected true or false")};
         o.log.access_log = v.get<bool>();
         return Ok{};
       }},
  };
}

}  // namespace scim::app
