// Text hygiene for reports: whatever a (possibly hostile) server sent must become valid UTF-8,
// XML-safe where it goes into XML, and bounded in size. Limits are documented in docs/reports.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scim::reports {

// Per-field limits so one huge response cannot blow up a report (bytes, before escaping).
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;  // each request/response body
inline constexpr std::size_t kMaxTextBytes = 16 * 1024;  // message, expected, actual, headers
inline constexpr std::size_t kMaxExchangesPerCheck = 50;

// Replaces every invalid UTF-8 sequence (overlongs, surrogates, truncations) with U+FFFD.
std::string valid_utf8(std::string_view text);

// valid_utf8, then replaces code points XML 1.0 forbids (C0 controls except TAB/LF/CR, U+FFFE,
// U+FFFF) with U+FFFD, so the JUnit file stays well formed whatever the server sent.
std::string xml_safe(std::string_view text);

// Keeps at most `limit` bytes without splitting a UTF-8 sequence; appends a visible note with
// the number of bytes left out. Output is valid UTF-8.
std::string clip(std::string_view text, std::size_t limit);

}  // namespace scim::reports
