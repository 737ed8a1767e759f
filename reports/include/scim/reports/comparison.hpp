// Renderings of a run comparison (scim/conformance/run_comparison.hpp): plain text for terminals
// and JUnit system-out, Markdown for job summaries, JSON for machines. `diff` prints one of them;
// the run's reports embed them with --compare. Lists are bounded (kMaxComparisonRows each, then
// "and N more"); the JSON is complete.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "scim/conformance/model.hpp"

namespace scim::reports {

inline constexpr std::size_t kMaxComparisonRows = 200;

std::string comparison_text(const conf::RunComparison& comparison);
std::string comparison_markdown(const conf::RunComparison& comparison);
nlohmann::json comparison_json(const conf::RunComparison& comparison);
std::string comparison_json_text(const conf::RunComparison& comparison);  // pretty, newline

// The parts in the order every rendering shows them: title and the list.
struct ComparisonPart {
  const char* title;  // "Regressions", "Fixes", ...
  const char* key;    // JSON member: "regressions", "fixes", ...
  const std::vector<conf::CheckChange>* changes;
};
std::vector<ComparisonPart> comparison_parts(const conf::RunComparison& comparison);

// "passed → failed", "new: failed", "gone (was passed)", "120 ms → 480 ms".
std::string change_summary(const conf::CheckChange& change, const char* key);

}  // namespace scim::reports
