// Markdown escaping for the CI job summary. GitHub renders inline HTML in step summaries, so text
// from the target must never reach the page as markup: inline text is entity- and
// backslash-escaped, verbatim text goes into fences longer than any backtick run inside it.
#pragma once

#include <string>
#include <string_view>

namespace scim::reports {

// Inline text (one line): HTML-special characters become entities, Markdown punctuation is
// backslash-escaped, line breaks become spaces. Also safe inside table cells.
std::string md_inline(std::string_view text);

// `code` span with a delimiter that cannot be closed by the content.
std::string md_code_span(std::string_view text);

// Fenced block (```text ... ```), fence longer than the longest backtick run in the content.
std::string md_code_block(std::string_view text);

}  // namespace scim::reports
