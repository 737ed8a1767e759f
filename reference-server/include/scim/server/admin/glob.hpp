// Path globs of the control plane: the journal's path filter and the faults' path patterns.
// "*" matches any run of characters within one path segment, "**" any run across segments, "?"
// one character other than '/'; everything else matches itself, ASCII case-insensitively
// (SCIM endpoint names are case-insensitive, RFC 7644 §3.1 examples use both cases).
#pragma once

#include <cstddef>
#include <string_view>

namespace scim::admin {

inline constexpr std::size_t kMaxGlobLength = 256;

// True when `text` matches `pattern`. Runs in O(|pattern| x |text|) time, never backtracks
// exponentially; patterns longer than kMaxGlobLength never match (the admin API refuses them).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace scim::admin
