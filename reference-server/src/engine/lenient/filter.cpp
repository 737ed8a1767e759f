// rewrite_filter: Entra ID filters groups of users with `emails[type eq "work"].value eq "x"`.
// RFC 7644 §3.4.2.2 makes a valuePath a complete attribute expression (nothing may follow "]"),
// so the comparison after "]" moves inside the brackets: `emails[type eq "work" and value eq "x"]`
// (value-path-sub-attribute): one email must satisfy both terms. An "or" at the top of the
// brackets is grouped first, `[(a or b) and value pr]`, so "and" cannot bind to its right half.
// Only a complete `.sub op value` (or `.sub pr`) after "]" is moved; anything else reaches the
// strict parser as sent, which explains what is wrong.
#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/lexer.hpp"
#include "scim/server/engine/lenient/lenient.hpp"

namespace scim::engine::lenient {

namespace {

using Kind = FilterToken::Kind;

// Every token of `text`; nullopt when the lexer fails (the strict parser reports it).
std::optional<std::vector<FilterToken>> tokenize(std::string_view text) {
  FilterLexer lexer(text);
  std::vector<FilterToken> tokens;
  for (FilterToken t = lexer.lex(); t.kind != Kind::End; t = lexer.lex()) {
    if (t.kind == Kind::Error) return std::nullopt;
    tokens.push_back(t);
  }
  return tokens;
}

bool is_operator(std::string_view word) {
  for (std::string_view op : {"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"}) {
    if (iequals(word, op)) return true;
  }
  return false;
}

// `attr[...].sub op value` starting at tokens[at]: the indexes of "[", "]" and the last token.
struct Tail {
  std::size_t open = 0;
  std::size_t close = 0;
  std::size_t last = 0;
};

std::optional<Tail> find_tail(const std::vector<FilterToken>& t, std::size_t at) {
  if (t[at].kind != Kind::Word || t[at].text[0] == '.') return std::nullopt;
  if (at + 1 >= t.size() || t[at + 1].kind != Kind::LBracket) return std::nullopt;
  std::size_t close = at + 2;
  while (close < t.size() && t[close].kind != Kind::RBracket) {
    if (t[close].kind == Kind::LBracket) return std::nullopt;  // nested: not a value path
    ++close;
  }
  const std::size_t sub = close + 1;
  const std::size_t op = close + 2;
  if (op >= t.size() || t[sub].kind != Kind::Word || t[sub].text.size() < 2 ||
      t[sub].text[0] != '.' || t[op].kind != Kind::Word || !is_operator(t[op].text)) {
    return std::nullopt;
  }
  if (iequals(t[op].text, "pr")) return Tail{at + 1, close, op};
  const std::size_t literal = op + 1;
  if (literal >= t.size() || (t[literal].kind != Kind::String && t[literal].kind != Kind::Word)) {
    return std::nullopt;
  }
  return Tail{at + 1, close, literal};
}

bool has_top_level_or(const std::vector<FilterToken>& t, std::size_t from, std::size_t to) {
  int depth = 0;
  for (std::size_t i = from; i < to; ++i) {
    if (t[i].kind == Kind::LParen) ++depth;
    if (t[i].kind == Kind::RParen) --depth;
    if (depth == 0 && t[i].kind == Kind::Word && iequals(t[i].text, "or")) return true;
  }
  return false;
}

std::size_t end_of(const FilterToken& token) {
  return token.offset + token.text.size();
}

// `[inner].sub op value` as `[inner and sub op value]`.
std::string fold(std::string_view text, const std::vector<FilterToken>& t, const Tail& tail) {
  const std::size_t inner_begin = end_of(t[tail.open]);
  std::string inner(text.substr(inner_begin, t[tail.close].offset - inner_begin));
  if (has_top_level_or(t, tail.open + 1, tail.close)) inner = "(" + inner + ")";
  std::string out = inner + " and " + std::string(t[tail.close + 1].text.substr(1));
  for (std::size_t i = tail.close + 2; i <= tail.last; ++i) out += " " + std::string(t[i].text);
  return out + "]";
}

}  // namespace

FilterRewrite rewrite_filter(std::string_view text, Mode mode, const FilterLimits& limits) {
  FilterRewrite out{std::string(text), {}};
  if (mode == Mode::Strict || text.size() > limits.max_length) return out;
  const auto tokens = tokenize(text);
  if (!tokens) return out;
  std::string rewritten;
  std::size_t copied = 0;  // text[0, copied) is in `rewritten`
  for (std::size_t i = 0; i < tokens->size(); ++i) {
    const auto tail = find_tail(*tokens, i);
    if (!tail) continue;
    const std::size_t inner_begin = end_of((*tokens)[tail->open]);
    rewritten += text.substr(copied, inner_begin - copied);
    rewritten += fold(text, *tokens, *tail);
    copied = end_of((*tokens)[tail->last]);
    i = tail->last;
  }
  if (copied == 0) return out;
  out.text = rewritten + std::string(text.substr(copied));
  out.used = {std::string(kValuePathSubAttribute)};
  return out;
}

}  // namespace scim::engine::lenient
