// Markdown escaping helpers (see markdown_text.hpp).
#include "markdown_text.hpp"

#include <algorithm>

#include "text.hpp"

namespace scim::reports {
namespace {

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// CommonMark §2.4: any ASCII punctuation may be backslash-escaped.
constexpr std::string_view kPunctuation = "\\`*_{}[]()#+-.!|~";

}  // namespace

std::string md_inline(std::string_view text) {
  const auto clean = valid_utf8(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        if (kPunctuation.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
  }
  return out;
}

std::string md_code_span(std::string_view text) {
  std::string clean = valid_utf8(text);
  std::replace(clean.begin(), clean.end(), '\n', ' ');
  std::replace(clean.begin(), clean.end(), '\r', ' ');
  const std::string fence(longest_backtick_run(clean) + 1, '`');
  // Padding spaces keep a leading/trailing backtick from merging with the delimiter.
  return fence + " " + clean + " " + fence;
}

std::string md_code_block(std::string_view text) {
  const auto clean = valid_utf8(text);
  const std::string fence(std::max<std::size_t>(3, longest_backtick_run(clean) + 1), '`');
  std::string out = fence + "text\n" + clean;
  if (!clean.empty() && clean.back() != '\n') out += '\n';
  return out + fence + "\n";
}

}  // namespace scim::reports
