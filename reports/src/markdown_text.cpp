// Markdown escaping helpers (see markdown_text.hpp).
#include "scim/reports/markdown_text.hpp"

#include <algorithm>

#include "scim/reports/text.hpp"

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

// CommonMark §2.4: any ASCII punctuation may be backslash-escaped. These start emphasis, code,
// links, table cells or strikethrough anywhere in a line...
constexpr std::string_view kInlineSpecial = "\\`*_[]|~";
// ...and these only when they open a line (headings, lists, quotes, setext underlines).
constexpr std::string_view kLineStartSpecial = "#+-=>";

// Length of a leading "123. " or "123) " marker (ordered list, CommonMark §5.2) minus the
// space, else 0.
std::size_t ordered_marker(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits >= text.size()) return 0;
  if (text[digits] != '.' && text[digits] != ')') return 0;
  const bool ends =
      digits + 1 == text.size() || text[digits + 1] == ' ' || text[digits + 1] == '\t';
  return ends ? digits + 1 : 0;
}

}  // namespace

std::string md_inline(std::string_view text) {
  const auto clean = xml_safe(text);  // also drops control characters
  const auto marker = ordered_marker(clean);
  std::string out;
  out.reserve(clean.size());
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    const bool line_start = i == 0 && kLineStartSpecial.find(c) != std::string_view::npos;
    if (line_start || (marker > 0 && i == marker - 1)) {
      out += '\\';
      out += c;
      continue;
    }
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
        if (kInlineSpecial.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
  }
  return out;
}

std::string md_code_span(std::string_view text) {
  std::string clean = xml_safe(text);
  std::replace(clean.begin(), clean.end(), '\n', ' ');
  std::replace(clean.begin(), clean.end(), '\r', ' ');
  const std::string fence(longest_backtick_run(clean) + 1, '`');
  // Padding spaces keep a leading/trailing backtick from merging with the delimiter.
  return fence + " " + clean + " " + fence;
}

std::string md_code_block(std::string_view text) {
  const auto clean = xml_safe(text);
  const std::string fence(std::max<std::size_t>(3, longest_backtick_run(clean) + 1), '`');
  std::string out = fence + "text\n" + clean;
  if (!clean.empty() && clean.back() != '\n') out += '\n';
  return out + fence + "\n";
}

}  // namespace scim::reports
