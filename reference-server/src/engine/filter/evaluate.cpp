// Filter evaluation (RFC 7644 §3.4.2.2): a multi-valued attribute matches when any value matches;
// unknown or unassigned attributes have no value; value paths apply their filter to one element
// at a time. Recursion follows the AST, whose depth the parser bounded.
#include <algorithm>

#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/filter/compare.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/filter/json.hpp"

namespace scim::engine {
namespace {

// Calls `pred` on each value of `v` (each element when `v` is an array); true when any holds.
template <class Pred>
bool any_of_values(const nlohmann::json& v, const Pred& pred) {
  if (!v.is_array()) return pred(v);
  return std::any_of(v.begin(), v.end(), [&](const nlohmann::json& e) { return pred(e); });
}

// The attribute's JSON inside `root` (the resource, or one element inside a value path).
const nlohmann::json* locate(const nlohmann::json& root, const AttrRef& attr) {
  const nlohmann::json* holder = &root;
  if (!attr.extension_urn.empty()) holder = find_member(root, attr.extension_urn);
  return holder ? find_member(*holder, attr.name) : nullptr;
}

// True when `pred` holds for any value the reference designates: the attribute's values, or the
// sub-attribute's values across every element of a (multi-valued) complex attribute.
template <class Pred>
bool any_value(const nlohmann::json& root, const AttrRef& attr, const Pred& pred) {
  const nlohmann::json* v = locate(root, attr);
  if (!v) return false;
  if (attr.sub_name.empty()) return any_of_values(*v, pred);
  return any_of_values(*v, [&](const nlohmann::json& element) {
    const nlohmann::json* sub = find_member(element, attr.sub_name);
    return sub && any_of_values(*sub, pred);
  });
}

bool present(const nlohmann::json& root, const AttrRef& attr) {
  return any_value(root, attr, [](const nlohmann::json& v) { return has_value(v); });
}

bool compare(const FilterNode& n, const nlohmann::json& root) {
  if (!n.attr.target) return false;  // unknown attribute: no value
  if (n.literal.json.is_null()) {
    // RFC 7643 §2.5: null means unassigned, so "eq null" is "not pr" and "ne null" is "pr".
    return present(root, n.attr) == (n.op == CompareOp::Ne);
  }
  return any_value(root, n.attr, [&](const nlohmann::json& v) {
    return compare_value(v, n.op, n.literal, *n.attr.target);
  });
}

bool eval(const FilterNode& n, const nlohmann::json& root);

bool value_path(const FilterNode& n, const nlohmann::json& root) {
  if (!n.attr.target) return false;
  const nlohmann::json* v = locate(root, n.attr);
  if (!v) return false;
  const FilterNode& inner = *n.children.front();
  return any_of_values(*v, [&](const nlohmann::json& element) {
    return element.is_object() && eval(inner, element);
  });
}

bool eval(const FilterNode& n, const nlohmann::json& root) {
  switch (n.kind) {
    case FilterNode::Kind::And:
      return std::all_of(n.children.begin(), n.children.end(),
                         [&](const auto& c) { return eval(*c, root); });
    case FilterNode::Kind::Or:
      return std::any_of(n.children.begin(), n.children.end(),
                         [&](const auto& c) { return eval(*c, root); });
    case FilterNode::Kind::Not:
      return !eval(*n.children.front(), root);
    case FilterNode::Kind::Present:
      return n.attr.target && present(root, n.attr);
    case FilterNode::Kind::Compare:
      return compare(n, root);
    case FilterNode::Kind::ValuePath:
      return value_path(n, root);
  }
  return false;
}

}  // namespace

bool matches(const Filter& filter, const nlohmann::json& node) {
  if (!node.is_object()) return false;
  return eval(filter.root(), node);
}

}  // namespace scim::engine
