// Comparison of one attribute value with a filter literal, by attribute type (RFC 7644 §3.4.2.2
// Table 3): caseExact decides string comparison, numbers compare numerically, dateTimes
// chronologically. Also the three-way orderings that sorting reuses (RFC 7644 §3.4.2.3).
#pragma once

#include <compare>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "scim/protocol/schema.hpp"
#include "scim/server/engine/filter/ast.hpp"

namespace scim::engine {

// True when the single (non-array) value `v` satisfies `v op literal` for an attribute of type
// `target`. Values of the wrong JSON type never match.
bool compare_value(const nlohmann::json& v, CompareOp op, const Literal& literal,
                   const Attribute& target);

// The Knuth-Morris-Pratt prefix table of `needle` (the form it will be compared in).
std::vector<std::size_t> build_prefix_table(std::string_view needle);

// Byte-wise (UTF-8 code point order) when case_exact, else with ASCII letters folded.
std::weak_ordering compare_text(std::string_view a, std::string_view b, bool case_exact);

// Numeric order of two JSON numbers (integers exactly, otherwise as double); nullopt unless both
// are numbers or when a NaN is involved.
std::optional<std::partial_ordering> compare_numbers(const nlohmann::json& a,
                                                     const nlohmann::json& b);

}  // namespace scim::engine
