// Filter tokenizer (RFC 7644 §3.4.2.2). Never recurses and never reads past the input.
#include "scim/server/engine/filter/lexer.hpp"

namespace scim::engine {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

bool is_delimiter(char c) {
  return is_space(c) || is_control(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
}

// End (exclusive) of the string literal starting at `begin` (the opening quote); npos when the
// closing quote is missing. Escapes are skipped here and decoded later by the JSON parser.
std::size_t string_end(std::string_view s, std::size_t begin) {
  for (std::size_t i = begin + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

FilterToken::Kind punctuation(char c) {
  switch (c) {
    case '(':
      return FilterToken::Kind::LParen;
    case ')':
      return FilterToken::Kind::RParen;
    case '[':
      return FilterToken::Kind::LBracket;
    default:
      return FilterToken::Kind::RBracket;
  }
}

}  // namespace

std::string describe_position(std::string_view filter, std::size_t offset) {
  std::string out = "at offset " + std::to_string(offset);
  if (offset >= filter.size()) return out + " (end of filter)";
  // A short excerpt helps a human find the spot; control characters are not echoed.
  std::string near;
  for (std::size_t i = offset; i < filter.size() && near.size() < 20; ++i) {
    near += is_control(filter[i]) ? '?' : filter[i];
  }
  return out + " (near '" + near + "')";
}

FilterToken FilterLexer::lex() {
  while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  const std::size_t start = pos_;
  if (error_) return {FilterToken::Kind::Error, {}, start};
  if (start >= text_.size()) return {FilterToken::Kind::End, {}, text_.size()};
  const char c = text_[start];
  if (is_control(c)) {
    error_ = invalid_filter("control character in filter " + describe_position(text_, start));
    return {FilterToken::Kind::Error, {}, start};
  }
  if (c == '"') {
    const std::size_t end = string_end(text_, start);
    if (end == std::string_view::npos) {
      error_ = invalid_filter("unterminated string literal " + describe_position(text_, start));
      return {FilterToken::Kind::Error, {}, start};
    }
    pos_ = end;
    return {FilterToken::Kind::String, text_.substr(start, end - start), start};
  }
  if (c == '(' || c == ')' || c == '[' || c == ']') {
    ++pos_;
    return {punctuation(c), text_.substr(start, 1), start};
  }
  while (pos_ < text_.size() && !is_delimiter(text_[pos_])) ++pos_;
  return {FilterToken::Kind::Word, text_.substr(start, pos_ - start), start};
}

}  // namespace scim::engine
