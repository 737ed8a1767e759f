// Index hints (filter.hpp): which store index can answer a filter. The store keeps O(1) hash
// indexes on the unique/identifying attributes and an ordered index on meta.lastModified, so
// "userName eq" stays cheap at a million resources (RFC 7644 §3.4.2.2 examples use both).
#include <algorithm>
#include <string_view>

#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace scim::engine {
namespace {

// Equality-indexed attributes: id and externalId (common, RFC 7643 §3.1), User userName
// (uniqueness server, §4.1.1) and Group displayName (§4.2).
bool equality_indexed(const AttrRef& a) {
  if (!a.sub_name.empty() || !a.extension_urn.empty()) return false;
  if (a.schema_urn.empty()) return a.name == "id" || a.name == "externalId";
  if (iequals(a.schema_urn, urn::kUser)) return a.name == "userName";
  if (iequals(a.schema_urn, urn::kGroup)) return a.name == "displayName";
  return false;
}

bool last_modified(const AttrRef& a) {
  return a.schema_urn.empty() && a.name == "meta" && a.sub_name == "lastModified";
}

std::optional<IndexHint::Kind> range_kind(CompareOp op) {
  switch (op) {
    case CompareOp::Gt:
      return IndexHint::Kind::GreaterThan;
    case CompareOp::Ge:
      return IndexHint::Kind::GreaterOrEqual;
    case CompareOp::Lt:
      return IndexHint::Kind::LessThan;
    case CompareOp::Le:
      return IndexHint::Kind::LessOrEqual;
    default:
      return std::nullopt;
  }
}

// The hint for a single comparison, if an index can answer it exactly.
std::optional<IndexHint> term_hint(const FilterNode& n) {
  if (n.kind != FilterNode::Kind::Compare || !n.attr.target || n.literal.json.is_null()) {
    return std::nullopt;
  }
  IndexHint hint;
  hint.value = n.literal.json;
  hint.case_exact = n.attr.target->case_exact;
  hint.exact = true;
  if (n.op == CompareOp::Eq && equality_indexed(n.attr)) {
    hint.kind = IndexHint::Kind::Equals;
    hint.attribute = n.attr.name;
    return hint;
  }
  const auto kind = range_kind(n.op);
  if (kind && last_modified(n.attr) && n.literal.instant) {
    hint.kind = *kind;
    hint.attribute = "meta.lastModified";
    hint.instant = n.literal.instant;
    return hint;
  }
  return std::nullopt;
}

// The hint of a term, or the best of an `and`'s terms: an "and" narrows to the index's
// candidates; the store re-checks the whole filter on them. Equality beats a range: it yields
// at most a handful of candidates.
std::optional<IndexHint> node_hint(const FilterNode& node) {
  if (node.kind != FilterNode::Kind::And) return term_hint(node);
  std::optional<IndexHint> best;
  for (const auto& child : node.children) {
    auto hint = term_hint(*child);
    if (!hint) continue;
    if (!best || (hint->kind == IndexHint::Kind::Equals && best->kind != IndexHint::Kind::Equals)) {
      best = std::move(hint);
    }
  }
  if (best) best->exact = false;
  return best;
}

// Whether no resource can match `node`, whatever it holds: a comparison or value path on an
// attribute the schemas do not define is false for every resource (evaluate.cpp: an unknown
// attribute has no value), an `and` with such an operand too, an `or` of them only. `pr` and
// `not` are never decided here.
bool never_matches(const FilterNode& node) {
  switch (node.kind) {
    case FilterNode::Kind::Compare:
    case FilterNode::Kind::ValuePath:
      return !node.attr.target;
    case FilterNode::Kind::And:
      return std::any_of(node.children.begin(), node.children.end(),
                         [](const auto& c) { return never_matches(*c); });
    case FilterNode::Kind::Or:
      return std::all_of(node.children.begin(), node.children.end(),
                         [](const auto& c) { return never_matches(*c); });
    default:
      return false;
  }
}

// Appends the hints of an `or`'s operands (nested `or`s included), leaving out operands no
// resource can match; false as soon as another operand has no hint, since its matches could
// then be anywhere.
bool or_hints(const FilterNode& node, std::vector<IndexHint>& out) {
  for (const auto& child : node.children) {
    if (never_matches(*child)) continue;
    if (child->kind == FilterNode::Kind::Or) {
      if (!or_hints(*child, out)) return false;
      continue;
    }
    auto hint = node_hint(*child);
    if (!hint) return false;
    hint->exact = false;
    out.push_back(std::move(*hint));
  }
  return true;
}

}  // namespace

std::optional<IndexHint> index_hint(const Filter& filter) {
  return node_hint(filter.root());
}

std::optional<std::vector<IndexHint>> index_hints_any(const Filter& filter) {
  const FilterNode& root = filter.root();
  std::vector<IndexHint> out;
  if (never_matches(root)) return out;
  if (root.kind != FilterNode::Kind::Or || !or_hints(root, out)) return std::nullopt;
  return out;
}

}  // namespace scim::engine
