// Glob matching by dynamic programming over (pattern token, text position): one row of booleans
// per token, so hostile patterns such as "*a*a*a*a*b" cost the same as plain ones.
#include "scim/server/admin/glob.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace scim::admin {
namespace {

enum class Kind { Char, One, Segment, Any };
struct Token {
  Kind kind = Kind::Char;
  char c = 0;
};

std::vector<Token> tokenize(std::string_view pattern) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '*') {
      const bool twice = i + 1 < pattern.size() && pattern[i + 1] == '*';
      out.push_back({twice ? Kind::Any : Kind::Segment, 0});
      if (twice) ++i;
    } else if (pattern[i] == '?') {
      out.push_back({Kind::One, 0});
    } else {
      out.push_back({Kind::Char, pattern[i]});
    }
  }
  return out;
}

char fold(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  if (pattern.size() > kMaxGlobLength) return false;
  const auto tokens = tokenize(pattern);
  // row[j]: the tokens so far match text[0, j).
  std::vector<char> row(text.size() + 1, 0), next(text.size() + 1, 0);
  row[0] = 1;
  for (const Token& t : tokens) {
    std::fill(next.begin(), next.end(), 0);
    for (std::size_t j = 0; j <= text.size(); ++j) {
      const bool star = t.kind == Kind::Any || t.kind == Kind::Segment;
      if (star) {
        // Zero characters, or one more character than a match one shorter.
        const bool more = j > 0 && next[j - 1] && (t.kind == Kind::Any || text[j - 1] != '/');
        next[j] = row[j] || more;
        continue;
      }
      if (j == 0 || !row[j - 1]) continue;
      const char c = text[j - 1];
      next[j] = t.kind == Kind::One ? c != '/' : fold(c) == fold(t.c);
    }
    row.swap(next);
  }
  return row[text.size()] != 0;
}

}  // namespace scim::admin
