// Bounded JSON parsing for untrusted bodies: a target can answer with anything, so nesting depth
// and size are capped before nlohmann builds a document (deep nesting would otherwise cost stack
// and memory in the checks that walk it).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace scim::conf {

inline constexpr std::size_t kMaxJsonDepth = 256;
inline constexpr std::size_t kMaxJsonBytes = 32 * 1024 * 1024;

// The parsed document; nullopt when empty, not JSON, deeper than `max_depth` or too large.
std::optional<nlohmann::json> parse_json_limited(std::string_view text,
                                                 std::size_t max_depth = kMaxJsonDepth);

}  // namespace scim::conf
