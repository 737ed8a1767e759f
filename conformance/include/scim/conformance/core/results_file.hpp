// Reads a results file (`run --json FILE`, reports/results.schema.json, format version 1) back
// into a RunResult, as far as comparing runs needs it: target, profile, start time and, per check,
// ID, title, level, outcome, message and duration. Exchanges are not read back.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "scim/conformance/model.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf {

// A results file with transcripts of a large run is tens of megabytes; beyond this it is refused.
inline constexpr std::size_t kMaxResultsFileBytes = 256 * 1024 * 1024;

// The run, or why the text is not a version-1 results file ("checks[3].outcome: unknown outcome
// 'maybe'").
Result<RunResult, std::string> read_results_json(std::string_view text);

}  // namespace scim::conf
