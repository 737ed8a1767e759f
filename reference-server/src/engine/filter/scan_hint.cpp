// Scan hints (filter.hpp): the substrings a match must contain, so that the store can skip a
// record without decoding it when its stored text lacks one (issue 19, scenario 4: a `co` search
// over every user). Only necessary conditions are produced; the store re-checks candidates.
#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace scim::engine {
namespace {

// RFC 7644 §3.4.2.2: which comparisons hold only when the value's text holds the literal.
// co/sw/ew compare text for every type that takes a string literal (dateTime included, see
// compare.cpp); eq compares text for strings, references and binaries, but dateTime eq compares
// instants ("...34Z" equals "...34.000Z"), so it gives no hint.
bool needs_substring(const FilterNode& n) {
  if (!n.attr.target || !n.literal.json.is_string()) return false;
  if (n.literal.json.get_ref<const std::string&>().empty()) return false;
  const AttributeType type = n.attr.target->type;
  const bool textual = type == AttributeType::String || type == AttributeType::Reference ||
                       type == AttributeType::Binary;
  switch (n.op) {
    case CompareOp::Co:
    case CompareOp::Sw:
    case CompareOp::Ew:
      return textual || type == AttributeType::DateTime;
    case CompareOp::Eq:
      return textual;
    default:
      return false;
  }
}

std::string top_level(const AttrRef& attr) {
  return attr.extension_urn.empty() ? attr.name : attr.extension_urn + ":" + attr.name;
}

// `parent`: the value path's attribute when `n` sits inside one (its terms name sub-attributes).
void collect(const FilterNode& n, const AttrRef* parent, std::vector<ScanHint>& out) {
  switch (n.kind) {
    case FilterNode::Kind::And:
      for (const auto& child : n.children) collect(*child, parent, out);
      return;
    case FilterNode::Kind::ValuePath:
      if (!parent) collect(*n.children.front(), &n.attr, out);
      return;
    case FilterNode::Kind::Compare:
      if (needs_substring(n)) {
        out.push_back({top_level(parent ? *parent : n.attr),
                       to_lower(n.literal.json.get_ref<const std::string&>())});
      }
      return;
    default:  // or, not, pr: no substring is necessary
      return;
  }
}

}  // namespace

std::vector<ScanHint> scan_hints(const Filter& filter) {
  std::vector<ScanHint> out;
  collect(filter.root(), nullptr, out);
  std::stable_sort(out.begin(), out.end(), [](const ScanHint& a, const ScanHint& b) {
    return a.needle.size() > b.needle.size();
  });
  return out;
}

}  // namespace scim::engine
