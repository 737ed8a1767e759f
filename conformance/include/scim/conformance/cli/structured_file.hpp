// The runner's own input files (--expect, --targets) as a JSON document: JSON (nlohmann_json), or
// YAML (yaml-cpp, Debian's libyaml-cpp) when the file name ends in .yaml or .yml. YAML scalars
// become JSON strings (every member these files define is a string), so `expires: 2026-06-30`
// stays the text it looks like. Bounded: nesting deeper than kMaxStructuredDepth is refused
// before the YAML parser (which recurses) sees it.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scim/protocol/result.hpp"

namespace scim::conf::cli {

inline constexpr std::size_t kMaxStructuredDepth = 32;

bool is_yaml_path(std::string_view path);

// The document, or why not ("line 3, column 5: illegal map value").
Result<nlohmann::json, std::string> parse_structured(std::string_view text, std::string_view path);

}  // namespace scim::conf::cli
