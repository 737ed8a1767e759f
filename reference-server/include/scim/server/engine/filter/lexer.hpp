// Tokenizer for RFC 7644 §3.4.2.2 filters: brackets, parentheses, JSON string literals and
// "words" (attribute paths, operators, keywords, number/true/false/null literals). Words are
// classified by the parser, since the grammar position decides what a word is. Tokens are produced
// on demand, so a hostile filter costs no memory beyond the parser's bounded lookahead.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "scim/protocol/error.hpp"

namespace scim::engine {

struct FilterToken {
  enum class Kind { Word, String, LParen, RParen, LBracket, RBracket, End, Error };
  Kind kind = Kind::End;
  std::string_view text;  // the raw slice of the filter (String: including the quotes)
  std::size_t offset = 0;
};

class FilterLexer {
 public:
  explicit FilterLexer(std::string_view text) : text_(text) {}
  // The next token. After the input ends, End forever. On an unterminated string literal or a
  // control character: an Error token, and error() holds the 400 invalidFilter to report.
  FilterToken lex();
  const std::optional<ScimError>& error() const { return error_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::optional<ScimError> error_;
};

// "at offset 17 (near 'eq')": the position part of every filter error detail.
std::string describe_position(std::string_view filter, std::size_t offset);

}  // namespace scim::engine
