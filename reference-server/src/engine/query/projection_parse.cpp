// Parsing the "attributes" / "excludedAttributes" parameters (RFC 7644 §3.4.2.5, §3.9): comma
// separated attribute paths in standard notation (§3.10), mutually exclusive.

#include "scim/server/engine/query/query.hpp"

namespace scim::engine {
namespace {

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// An empty or blank parameter ("attributes=") is treated as absent.
bool given(const std::optional<std::string>& p) {
  return p && !trim(*p).empty();
}

Result<std::vector<std::string_view>> split_names(std::string_view list, std::string_view param) {
  std::vector<std::string_view> names;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view name = trim(list.substr(0, comma));
    if (!name.empty()) {
      if (names.size() == kMaxProjectionNames) {
        return invalid_value(std::string(param) + " lists more than " +
                             std::to_string(kMaxProjectionNames) + " attribute names");
      }
      names.push_back(name);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return names;
}

// Malformed names are 400 invalidPath; well-formed names the type does not define are ignored,
// since the RFC does not make them an error and clients send names for optional extensions.
Result<std::vector<ResolvedAttribute>> resolve_names(std::string_view list, std::string_view param,
                                                     const Registry& registry,
                                                     const ResourceType& type) {
  auto names = split_names(list, param);
  if (!names) return names.error();
  const auto& urns = registry.schema_urns();
  std::vector<ResolvedAttribute> out;
  for (const auto name : *names) {
    auto path = parse_attribute_path(name, urns);
    if (!path) {
      return invalid_path(std::string(param) + ": " + path.error().detail);
    }
    auto resolved = registry.resolve(type, *path);
    if (resolved) out.push_back(std::move(*resolved));
  }
  return out;
}

}  // namespace

Result<Projection> parse_projection(const std::optional<std::string>& attributes,
                                    const std::optional<std::string>& excluded_attributes,
                                    const Registry& registry, const ResourceType& type) {
  Projection p;
  const bool has_attributes = given(attributes);
  const bool has_excluded = given(excluded_attributes);
  if (has_attributes && has_excluded) {
    // §3.9: "either of the mutually exclusive URL query parameters".
    return invalid_syntax(
        "attributes and excludedAttributes are mutually exclusive (RFC 7644 §3.9); send one");
  }
  if (has_attributes) {
    auto list = resolve_names(*attributes, "attributes", registry, type);
    if (!list) return list.error();
    p.attributes = std::move(*list);
    p.attributes_given = true;
  } else if (has_excluded) {
    auto list = resolve_names(*excluded_attributes, "excludedAttributes", registry, type);
    if (!list) return list.error();
    p.excluded = std::move(*list);
  }
  return p;
}

}  // namespace scim::engine
