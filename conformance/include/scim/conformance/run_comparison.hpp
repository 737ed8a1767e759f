// The comparison of two runs (`scim-conformance diff OLD NEW`, `run --compare OLD`): what
// regressed, what was fixed, which checks appeared or disappeared, which changed outcome in another
// way, and which got markedly slower or faster. Computed by core/comparison.hpp, rendered by the
// reporters; only values here.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace scim::conf {

struct CheckChange {
  std::string id;
  std::string title;
  std::string level;   // "MUST", "SHOULD", "MAY"
  std::string before;  // outcome in the old run ("" when the check was not in it)
  std::string after;   // outcome in the new run ("" when the check is not in it)
  std::chrono::microseconds before_duration{0};
  std::chrono::microseconds after_duration{0};
  std::string message;  // the new run's message (the old one's for disappeared checks)
};

struct RunComparison {
  std::string baseline;                  // what the old run was: "FILE (TARGET, STARTED)"
  std::vector<CheckChange> regressions;  // passed -> failed or error
  std::vector<CheckChange> fixes;        // failed, error or warning -> passed
  std::vector<CheckChange> changed;      // every other outcome change (e.g. passed -> warning)
  std::vector<CheckChange> appeared;     // in the new run only
  std::vector<CheckChange> disappeared;  // in the old run only
  std::vector<CheckChange> slower;       // ran in both, duration grew beyond the threshold
  std::vector<CheckChange> faster;       // ran in both, duration shrank beyond the threshold
  double duration_ratio = 0.5;           // the thresholds this comparison was made with
  std::chrono::microseconds duration_floor{0};

  bool has_regressions() const { return !regressions.empty(); }
  bool empty() const {
    return regressions.empty() && fixes.empty() && changed.empty() && appeared.empty() &&
           disappeared.empty() && slower.empty() && faster.empty();
  }
};

}  // namespace scim::conf
