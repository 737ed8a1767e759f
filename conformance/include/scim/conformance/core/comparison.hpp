// Computes a RunComparison (run_comparison.hpp) from two runs, matched by check ID. Outcomes are
// the targets' raw outcomes: an expectation (--expect) never hides a regression.
#pragma once

#include <chrono>

#include "scim/conformance/model.hpp"

namespace scim::conf {

struct CompareOptions {
  // A duration change is reported when it is at least `duration_ratio` of the old duration
  // (0.5 = 50 %) and at least `duration_floor` in absolute terms, so millisecond noise on fast
  // checks stays out of the report.
  double duration_ratio = 0.5;
  std::chrono::microseconds duration_floor{std::chrono::milliseconds(100)};
};

RunComparison compare_runs(const RunResult& before, const RunResult& after,
                           const CompareOptions& options = {});

}  // namespace scim::conf
