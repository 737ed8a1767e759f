// Check ID validation and the glob matcher used by --only/--exclude.
#include "scim/conformance/check_id.hpp"

#include <vector>

namespace scim::conf {
namespace {

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Lower-case alphanumerics in hyphen-separated words: "eq-is-case-insensitive".
bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    if (c == '-' && prev == '-') return false;
    if (c != '-' && !is_lower_alnum(c)) return false;
    prev = c;
  }
  return true;
}

// Dotted digits: "3", "3.4.2.2". Sequence numbers never appear here, only RFC section numbers.
bool is_section(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  char prev = 0;
  for (char c : s) {
    if (c == '.' && prev == '.') return false;
    if (c != '.' && (c < '0' || c > '9')) return false;
    prev = c;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    parts.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

}  // namespace

std::string check_id_problem(std::string_view id) {
  if (id.size() > 200) return "check ID longer than 200 characters";
  const auto parts = split(id, '/');
  if (parts.size() != 3) return "check ID must have the form spec/section/slug";
  if (!is_slug(parts[0])) return "spec must be lower-case letters, digits and hyphens";
  if (!is_section(parts[1])) return "section must be dotted digits such as 3.4.2.2";
  if (!is_slug(parts[2])) return "slug must be lower-case letters, digits and single hyphens";
  return {};
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matcher with one backtrack point: linear in practice, no recursion on hostile input.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace scim::conf
