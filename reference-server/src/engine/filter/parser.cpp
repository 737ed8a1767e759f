// Recursive-descent parser for RFC 7644 §3.4.2.2 (Figure 1) with the precedence the RFC orders:
// grouping, then not > and > or, then attribute operators. Depth is checked before every descent,
// so a 10 000-deep filter fails at depth `max_depth` without deep recursion.
#include <utility>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/filter/lexer.hpp"
#include "scim/server/engine/filter/resolve.hpp"

namespace scim::engine {
namespace {

using Node = std::unique_ptr<FilterNode>;
using NodeResult = Result<Node>;

std::optional<CompareOp> parse_operator(std::string_view word) {
  static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
      {"eq", CompareOp::Eq}, {"ne", CompareOp::Ne}, {"co", CompareOp::Co},
      {"sw", CompareOp::Sw}, {"ew", CompareOp::Ew}, {"gt", CompareOp::Gt},
      {"ge", CompareOp::Ge}, {"lt", CompareOp::Lt}, {"le", CompareOp::Le}};
  for (const auto& [name, op] : kOps)
    if (iequals(word, name)) return op;
  return std::nullopt;
}

bool is_operator_word(std::string_view word) {
  return parse_operator(word).has_value() || iequals(word, "pr");
}

class Parser {
 public:
  Parser(std::string_view text, FilterScope scope, const FilterOptions& options)
      : lexer_(text), scope_(std::move(scope)), limits_(options.limits) {}

  NodeResult parse_all() {
    auto root = parse_or(0);
    if (!root) return root;
    if (peek().kind != FilterToken::Kind::End) {
      return error(peek().kind == FilterToken::Kind::RParen ? "unbalanced ')'"
                   : peek().kind == FilterToken::Kind::RBracket
                       ? "unbalanced ']'"
                       : "unexpected \"" + std::string(peek().text) +
                             "\"; expected \"and\", \"or\" or the end of the filter");
    }
    return root;
  }

 private:
  // Two tokens of lookahead, lexed on demand.
  const FilterToken& peek(std::size_t ahead = 0) {
    while (buffered_ <= ahead) lookahead_[buffered_++] = lexer_.lex();
    return lookahead_[ahead];
  }
  FilterToken next() {
    const FilterToken t = peek();
    lookahead_[0] = lookahead_[1];
    --buffered_;
    return t;
  }
  bool peek_word(std::string_view word) {
    return peek().kind == FilterToken::Kind::Word && iequals(peek().text, word);
  }
  ScimError error(const std::string& what) { return error_at(peek().offset, what); }
  // A lexical error (unterminated string, control character) explains any parse failure that
  // follows it, so it wins over the parser's own message.
  ScimError error_at(std::size_t offset, const std::string& what) const {
    if (lexer_.error()) return *lexer_.error();
    return invalid_filter(what + " " + describe_position(scope_.text, offset));
  }

  // Checked before every descent: recursion depth is bounded by max_depth, whatever the input.
  Status<> enter(std::size_t depth) {
    if (depth >= limits_.max_depth) {
      return error("filter nests deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    return Ok{};
  }

  NodeResult parse_or(std::size_t depth) { return parse_chain(depth, "or", FilterNode::Kind::Or); }
  NodeResult parse_and(std::size_t depth) {
    return parse_chain(depth, "and", FilterNode::Kind::And);
  }

  // logExp chains: "a and b and c" becomes one n-ary node (iterative, no recursion per term).
  NodeResult parse_chain(std::size_t depth, std::string_view keyword, FilterNode::Kind kind) {
    const bool is_or = kind == FilterNode::Kind::Or;
    auto first = is_or ? parse_and(depth) : parse_unary(depth);
    if (!first || !peek_word(keyword)) return first;
    auto chain = std::make_unique<FilterNode>();
    chain->kind = kind;
    chain->offset = (*first)->offset;
    chain->children.push_back(std::move(*first));
    while (peek_word(keyword)) {
      next();
      auto operand = is_or ? parse_and(depth) : parse_unary(depth);
      if (!operand) return operand;
      chain->children.push_back(std::move(*operand));
    }
    return NodeResult(std::move(chain));
  }

  NodeResult parse_unary(std::size_t depth) {
    const FilterToken t = peek();
    switch (t.kind) {
      case FilterToken::Kind::LParen:
        return parse_group(depth, false);
      case FilterToken::Kind::Word:
        if (iequals(t.text, "not") && peek(1).kind == FilterToken::Kind::LParen) {
          return parse_group(depth, true);
        }
        if (auto s = check_keyword(t); !s) return s.error();
        return parse_attr_expr(depth);
      case FilterToken::Kind::End:
        return error("unexpected end of filter; expected an attribute path, \"(\" or \"not\"");
      default:
        return error("unexpected \"" + std::string(t.text) +
                     "\"; expected an attribute path, \"(\" or \"not\"");
    }
  }

  // A keyword where an attribute path belongs ("or or", "not x eq 1") is an error, unless an
  // operator follows: then it is an attribute that happens to be called "not", "and" or "or".
  Status<> check_keyword(const FilterToken& t) {
    const bool is_not = iequals(t.text, "not");
    if (!is_not && !iequals(t.text, "and") && !iequals(t.text, "or")) return Ok{};
    if (peek(1).kind == FilterToken::Kind::Word && is_operator_word(peek(1).text)) return Ok{};
    if (is_not) return error_at(peek(1).offset, "\"not\" must be followed by \"(\"");
    return error_at(t.offset, "unexpected \"" + std::string(t.text) +
                                  "\"; expected an attribute path, \"(\" or \"not\"");
  }

  // "(" FILTER ")" and "not" "(" FILTER ")".
  NodeResult parse_group(std::size_t depth, bool negate) {
    const std::size_t offset = peek().offset;
    if (auto s = enter(depth); !s) return s.error();
    if (negate) next();  // "not"
    next();              // "("
    auto inner = parse_or(depth + 1);
    if (!inner) return inner;
    if (peek().kind != FilterToken::Kind::RParen) {
      return error("expected \")\" to close the \"(\" at offset " + std::to_string(offset));
    }
    next();
    if (!negate) return inner;
    auto node = std::make_unique<FilterNode>();
    node->kind = FilterNode::Kind::Not;
    node->offset = offset;
    node->children.push_back(std::move(*inner));
    return NodeResult(std::move(node));
  }

  Status<> count_term(std::size_t offset) {
    if (++terms_ > limits_.max_terms) {
      return error_at(offset, "filter has more than " + std::to_string(limits_.max_terms) +
                                  " attribute expressions");
    }
    return Ok{};
  }

  NodeResult parse_attr_expr(std::size_t depth) {
    const FilterToken path = next();
    if (auto s = count_term(path.offset); !s) return s.error();
    auto attr = resolve_filter_attribute(scope_, path.text, path.offset);
    if (!attr) return attr.error();
    if (peek().kind == FilterToken::Kind::LBracket)
      return parse_value_path(std::move(*attr), path, depth);
    return parse_comparison(std::move(*attr), path);
  }

  // The operator and literal after an attribute path: `eq "x"`, `pr`.
  NodeResult parse_comparison(AttrRef attr, const FilterToken& path) {
    const FilterToken op = next();
    if (op.kind != FilterToken::Kind::Word) {
      return error_at(op.offset, "expected an operator after \"" + std::string(path.text) + "\"");
    }
    auto node = std::make_unique<FilterNode>();
    node->offset = path.offset;
    node->attr = std::move(attr);
    if (iequals(op.text, "pr")) {
      node->kind = FilterNode::Kind::Present;
      return NodeResult(std::move(node));
    }
    const auto cmp = parse_operator(op.text);
    if (!cmp) {
      return error_at(op.offset, "the operator \"" + std::string(op.text) +
                                     "\" is not supported; expected eq, ne, co, sw, ew, gt, ge, "
                                     "lt, le or pr");
    }
    node->kind = FilterNode::Kind::Compare;
    node->op = *cmp;
    auto value = parse_literal();
    if (!value) return value.error();
    auto literal = check_comparison(scope_, node->attr, *cmp, std::move(*value), op.offset);
    if (!literal) return literal.error();
    node->literal = std::move(*literal);
    return NodeResult(std::move(node));
  }

  // compValue = false / null / true / number / string, decoded by the JSON parser (RFC 7159).
  Result<nlohmann::json> parse_literal() {
    const FilterToken t = next();
    if (t.kind != FilterToken::Kind::String && t.kind != FilterToken::Kind::Word) {
      return error_at(
          t.offset, "expected a value (a string in double quotes, a number, true, false or null)");
    }
    auto value = nlohmann::json::parse(t.text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded() || value.is_object() || value.is_array()) {
      return error_at(t.offset, t.kind == FilterToken::Kind::String
                                    ? "malformed string literal"
                                    : "\"" + std::string(t.text) +
                                          "\" is not a value (strings need double quotes; "
                                          "true, false and null are lower case)");
    }
    return value;
  }

  // valuePath = attrPath "[" valFilter "]"
  NodeResult parse_value_path(AttrRef parent, const FilterToken& path, std::size_t depth) {
    if (scope_.parent || scope_.parent_unknown) {
      return error("value filters cannot be nested inside a value filter");
    }
    if (auto s = enter(depth); !s) return s.error();
    if (auto s = check_value_path_parent(scope_, parent, path.offset); !s) return s.error();
    const std::size_t open = next().offset;  // "["
    scope_.parent = parent.target;
    scope_.parent_unknown = parent.target == nullptr;
    auto inner = parse_or(depth + 1);
    if (inner && peek().kind != FilterToken::Kind::RBracket) {
      inner = error("expected \"]\" to close the \"[\" at offset " + std::to_string(open));
    }
    if (inner) next();  // "]"
    if (inner && is_sub_attribute_tail()) inner = tail_error();
    scope_.parent = nullptr;
    scope_.parent_unknown = false;
    if (!inner) return inner;
    auto node = std::make_unique<FilterNode>();
    node->kind = FilterNode::Kind::ValuePath;
    node->offset = path.offset;
    node->attr = std::move(parent);
    node->children.push_back(std::move(*inner));
    return NodeResult(std::move(node));
  }

  // `emails[type eq "work"].value eq "x"`: a ".subAttr" word right after "]".
  bool is_sub_attribute_tail() {
    return peek().kind == FilterToken::Kind::Word && peek().text.size() > 1 &&
           peek().text[0] == '.';
  }

  // §3.4.2.2: a valuePath is a complete attribute expression; nothing may follow its "]".
  ScimError tail_error() {
    return error("\"" + std::string(peek().text) +
                 "\" may not follow a value filter \"[...]\" in a filter (RFC 7644 §3.4.2.2); "
                 "move the comparison inside the brackets");
  }

  FilterLexer lexer_;
  FilterToken lookahead_[2];
  std::size_t buffered_ = 0;
  FilterScope scope_;
  const FilterLimits& limits_;
  std::size_t terms_ = 0;
};

Result<Filter> run_parser(std::string_view text, FilterScope scope, const FilterOptions& options) {
  if (text.size() > options.limits.max_length) {
    return invalid_filter("filter is longer than " + std::to_string(options.limits.max_length) +
                          " characters " + describe_position(text, options.limits.max_length));
  }
  scope.text = text;
  Parser parser(text, std::move(scope), options);
  auto root = parser.parse_all();
  if (!root) return root.error();
  return Filter(std::shared_ptr<const FilterNode>(std::move(*root)));
}

}  // namespace

Result<Filter> parse_filter(std::string_view text, const Registry& registry,
                            const ResourceType& type, const FilterOptions& options) {
  FilterScope scope;
  scope.registry = &registry;
  scope.type = &type;
  scope.schema_urns = &registry.schema_urns();
  scope.reject_unknown = options.reject_unknown_attributes;
  return run_parser(text, std::move(scope), options);
}

Result<Filter> parse_value_filter(std::string_view text, const Registry& registry,
                                  const ResourceType& type, const Attribute& parent,
                                  const FilterOptions& options) {
  FilterScope scope;
  scope.registry = &registry;
  scope.type = &type;
  scope.parent = &parent;
  scope.reject_unknown = options.reject_unknown_attributes;
  return run_parser(text, std::move(scope), options);
}

}  // namespace scim::engine
