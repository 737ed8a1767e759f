// The Filter handle and its canonical text form (normalised spacing, canonical attribute names,
// minimal parentheses under RFC 7644 §3.4.2.2 precedence).
#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace scim::engine {
namespace {

void print(const FilterNode& n, std::string& out);

void print_joined(const FilterNode& n, std::string_view keyword, std::string& out) {
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    if (i > 0) out.append(" ").append(keyword).append(" ");
    const FilterNode& c = *n.children[i];
    // "and" binds tighter than "or", so only an "or" inside an "and" needs parentheses.
    const bool wrap = n.kind == FilterNode::Kind::And && c.kind == FilterNode::Kind::Or;
    if (wrap) out += '(';
    print(c, out);
    if (wrap) out += ')';
  }
}

void print(const FilterNode& n, std::string& out) {
  switch (n.kind) {
    case FilterNode::Kind::And:
      print_joined(n, "and", out);
      return;
    case FilterNode::Kind::Or:
      print_joined(n, "or", out);
      return;
    case FilterNode::Kind::Not:
      out += "not (";
      print(*n.children.front(), out);
      out += ')';
      return;
    case FilterNode::Kind::Present:
      out.append(n.attr.canonical).append(" pr");
      return;
    case FilterNode::Kind::Compare:
      out.append(n.attr.canonical).append(" ").append(to_string(n.op)).append(" ");
      out += n.literal.json.dump();
      return;
    case FilterNode::Kind::ValuePath:
      out.append(n.attr.canonical).append("[");
      print(*n.children.front(), out);
      out += ']';
      return;
  }
}

}  // namespace

std::string_view to_string(CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return "eq";
    case CompareOp::Ne:
      return "ne";
    case CompareOp::Co:
      return "co";
    case CompareOp::Sw:
      return "sw";
    case CompareOp::Ew:
      return "ew";
    case CompareOp::Gt:
      return "gt";
    case CompareOp::Ge:
      return "ge";
    case CompareOp::Lt:
      return "lt";
    case CompareOp::Le:
      return "le";
  }
  return "";
}

namespace {
// An empty "and" matches every resource: the default filter and the stand-in for a null root.
std::shared_ptr<const FilterNode> match_all() {
  auto node = std::make_shared<FilterNode>();
  node->kind = FilterNode::Kind::And;
  return node;
}
}  // namespace

Filter::Filter() : root_(match_all()) {}

Filter::Filter(std::shared_ptr<const FilterNode> root)
    : root_(root ? std::move(root) : match_all()) {}

std::string Filter::to_string() const {
  std::string out;
  print(*root_, out);
  return out;
}

}  // namespace scim::engine
