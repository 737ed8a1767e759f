// remove-with-value: Entra ID removes group members with
// {"op":"Remove","path":"members","value":[{"value":"<id>"}]}. RFC 7644 §3.5.2.2 selects values
// with a filter, so each listed value becomes one remove whose value filter requires all of its
// sub-attributes to be equal: `members[value eq "<id>"]`, `emails[type eq "work" and value eq
// "a@x"]`. A listed value is first checked and normalised like any value (validate/value_shape):
// canonical sub-attribute names, null and readOnly sub-attributes dropped (RFC 7644 §3.5.1). A
// listed value that matches nothing removes nothing; the strict engine reports that as
// remove-unmatched-filter.
//
// When a listed value cannot be written as such a filter (it fails the value checks, nothing is
// left to compare, the attribute is not complex), the operation goes to the strict engine as
// sent, which refuses a remove with a value (400 invalidSyntax). In particular a value with nothing
// to compare never means "remove every value".
#include <string>

#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/engine/validate/value_shape.hpp"

namespace scim::engine::lenient {

namespace {

// `sub1 eq lit1 and sub2 eq lit2` for one listed value; nullopt when there is no such filter.
std::optional<std::string> equality_filter(RewriteContext& ctx, LeniencyLog& log,
                                           const PatchPath& path, const nlohmann::json& listed) {
  const Attribute& attr = *path.attribute();
  if (!attr.is_complex()) return std::nullopt;
  // The value checks of a lenient request: other values than canonicalValues are accepted.
  const ValueOptions options{ctx.limits, true, {}};
  ValueContext values{options};
  auto element = normalize_element(attr, rewrite_element(log, attr, listed),
                                   path.target.path.to_string(), values);
  if (!element || !element->is_object() || element->empty()) return std::nullopt;
  if (values.accepted_non_canonical_value) log.record(kNonCanonicalValue);
  std::string filter;
  for (const auto& [name, value] : element->items()) {
    filter += (filter.empty() ? "" : " and ") + name + " eq " + value.dump();
  }
  return filter;
}

}  // namespace

Operations rewrite_remove_with_value(RewriteContext& ctx, const PatchPath& path,
                                     const nlohmann::json& value) {
  const nlohmann::json listed = value.is_array() ? value : nlohmann::json::array({value});
  const std::string attribute = path.target.path.to_string();
  LeniencyLog used;  // merged only when the whole operation could be rewritten
  Operations out;
  for (const auto& element : listed) {
    auto filter = equality_filter(ctx, used, path, element);
    const std::string text = filter ? attribute + "[" + *filter + "]" : std::string();
    if (!filter || !parse_path(ctx, text)) {
      return {make_operation(OpKind::Remove, path.text, &value)};
    }
    out.push_back(make_operation(OpKind::Remove, text, nullptr));
  }
  used.record(kRemoveWithValue);
  ctx.log.merge(used);
  return out;
}

}  // namespace scim::engine::lenient
