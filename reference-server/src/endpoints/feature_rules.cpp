// Rules of the optional features (see feature_rules.hpp).
#include "scim/server/endpoints/feature_rules.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/ast.hpp"

namespace scim::server {
namespace {

std::string operator_of(const engine::FilterNode& node) {
  using K = engine::FilterNode::Kind;
  switch (node.kind) {
    case K::And:
      return "and";
    case K::Or:
      return "or";
    case K::Not:
      return "not";
    case K::Present:
      return "pr";
    case K::Compare:
      return std::string(engine::to_string(node.op));
    case K::ValuePath:
      return {};  // allowed when the operators inside it are
  }
  return {};
}

const std::string* first_refused(const engine::FilterNode& node,
                                 const std::vector<std::string>& allowed, std::string& scratch) {
  scratch = operator_of(node);
  if (!scratch.empty() && std::none_of(allowed.begin(), allowed.end(),
                                       [&](const auto& a) { return iequals(a, scratch); }))
    return &scratch;
  for (const auto& child : node.children) {
    if (const auto* refused = first_refused(*child, allowed, scratch)) return refused;
  }
  return nullptr;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

std::optional<ScimError> unsupported_filter_operator(const engine::Filter& filter,
                                                     const std::vector<std::string>& allowed) {
  if (allowed.empty()) return std::nullopt;
  std::string scratch;
  const std::string* refused = first_refused(filter.root(), allowed, scratch);
  if (refused == nullptr) return std::nullopt;
  return invalid_filter(
      "the filter operator \"" + *refused +
      "\" is not supported by this service provider (supported: " + joined(allowed) + ")");
}

std::optional<ScimError> refused_nesting(const Context& ctx, const ResourceType& type,
                                         const nlohmann::json& resource) {
  if (ctx.config.features.nested_groups) return std::nullopt;
  const auto members = resource.find("members");
  if (members == resource.end() || !members->is_array()) return std::nullopt;
  for (std::size_t i = 0; i < members->size(); ++i) {
    const auto& m = (*members)[i];
    const auto value = m.is_object() ? m.find("value") : m.end();
    if (!m.is_object() || value == m.end() || !value->is_string()) continue;
    const auto actual = ctx.store.type_of(value->get<std::string>());
    const bool group_by_type = m.contains("type") && m["type"].is_string() &&
                               iequals(m["type"].get<std::string>(), type.name);
    if ((actual && iequals(*actual, type.id)) || group_by_type) {
      return invalid_value("members[" + std::to_string(i) + "]: nested groups are not supported " +
                           "by this service provider (a " + type.name +
                           " cannot be a member of a " + type.name + ")");
    }
  }
  return std::nullopt;
}

std::optional<ScimError> refused_filter(const Context& ctx) {
  if (ctx.config.features.filter) return std::nullopt;
  ctx.variant("no-filter");
  return invalid_filter(
      "filtering is not supported by this service provider (filter.supported is false, RFC 7644 "
      "§3.4.2.2): list without \"filter\"");
}

std::optional<ScimError> refused_patch(const Context& ctx) {
  if (ctx.config.features.patch) return std::nullopt;
  ctx.variant("no-patch");
  return http_error(501,
                    "PATCH is not supported by this service provider (patch.supported is false, "
                    "RFC 7644 §3.5.2); replace the resource with PUT");
}

std::optional<ScimError> refused_password_change(const Context& ctx, const nlohmann::json& current,
                                                 const nlohmann::json& next) {
  if (ctx.config.features.change_password || !next.is_object()) return std::nullopt;
  const auto after = next.find("password");
  if (after == next.end()) return std::nullopt;
  const auto before = current.is_object() ? current.find("password") : current.end();
  if (current.is_object() && before != current.end() && *before == *after) return std::nullopt;
  ctx.variant("no-change-password");
  return http_error(501,
                    "changing a password is not supported by this service provider "
                    "(changePassword.supported is false, RFC 7643 §5); a password can be set "
                    "when the resource is created");
}

}  // namespace scim::server
