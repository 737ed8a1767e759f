// Targets file parsing (targets_file.hpp).
#include "scim/conformance/cli/targets_file.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "scim/conformance/cli/structured_file.hpp"

namespace scim::conf::cli {
namespace {

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || name == "." || name == "..") return false;
  for (const unsigned char c : name) {
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

std::string relative_to(const std::string& file, const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  const auto slash = file.rfind('/');
  return slash == std::string::npos ? path : file.substr(0, slash + 1) + path;
}

Result<TargetSpec, std::string> target_of(const nlohmann::json& item, const std::string& file) {
  if (!item.is_object()) return std::string("not an object");
  TargetSpec t;
  for (const auto& [key, value] : item.items()) {
    std::string* field = key == "name"       ? &t.name
                         : key == "baseUrl"  ? &t.base_url
                         : key == "tokenEnv" ? &t.token_env
                         : key == "profile"  ? &t.profile
                         : key == "expect"   ? &t.expect
                                             : nullptr;
    if (field == nullptr)
      return "unknown member '" + key + "' (allowed: name, baseUrl, tokenEnv, profile, expect)";
    if (!value.is_string()) return key + ": not a string";
    *field = value.get<std::string>();
  }
  if (!valid_name(t.name))
    return "name: '" + t.name + "' must be 1-64 characters of A-Z a-z 0-9 . _ -";
  if (!t.base_url.starts_with("http://") && !t.base_url.starts_with("https://"))
    return std::string("baseUrl: must start with http:// or https://");
  t.expect = relative_to(file, t.expect);
  return t;
}

}  // namespace

Result<std::vector<TargetSpec>, std::string> parse_targets(std::string_view text,
                                                           const std::string& file) {
  if (text.size() > kMaxTargetsFileBytes) return std::string("larger than 1 MiB");
  const auto parsed = parse_structured(text, file);
  if (!parsed) return parsed.error();
  const auto& doc = *parsed;
  const auto list = doc.is_object() ? doc.find("targets") : doc.end();
  if (!doc.is_object() || list == doc.end() || !list->is_array() || list->empty())
    return std::string(R"(expected an object {"targets": [...]} with at least one target)");
  if (list->size() > kMaxTargets) return "more than " + std::to_string(kMaxTargets) + " targets";
  std::vector<TargetSpec> out;
  std::set<std::string> names;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto target = target_of((*list)[i], file);
    const auto where = "targets[" + std::to_string(i) + "]";
    if (!target) return where + ": " + target.error();
    if (!names.insert(target->name).second) return where + ": duplicate name " + target->name;
    out.push_back(std::move(*target));
  }
  return out;
}

}  // namespace scim::conf::cli
