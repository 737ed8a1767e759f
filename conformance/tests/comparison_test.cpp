// Run comparison (core/comparison.hpp): outcome transitions and duration thresholds.
#include "scim/conformance/core/comparison.hpp"

#include <gtest/gtest.h>

namespace scim::conf {
namespace {

using std::chrono::milliseconds;

CheckResult timed_check(const std::string& id, Outcome outcome,
                        milliseconds duration = milliseconds(10)) {
  CheckResult r;
  r.info.id = id;
  r.outcome = outcome;
  r.duration = duration;
  return r;
}

std::vector<std::string> change_ids(const std::vector<CheckChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) out.push_back(c.id);
  return out;
}

TEST(CompareRuns, ClassifiesEveryOutcomeTransition) {
  RunResult before, after;
  before.results = {timed_check("a/1/regress", Outcome::Passed),
                    timed_check("a/1/error", Outcome::Passed),
                    timed_check("a/1/fix", Outcome::Failed),
                    timed_check("a/1/warn-fixed", Outcome::Warning),
                    timed_check("a/1/to-warning", Outcome::Passed),
                    timed_check("a/1/same", Outcome::Failed),
                    timed_check("a/1/gone", Outcome::Passed)};
  after.results = {timed_check("a/1/regress", Outcome::Failed),
                   timed_check("a/1/error", Outcome::Error),
                   timed_check("a/1/fix", Outcome::Passed),
                   timed_check("a/1/warn-fixed", Outcome::Passed),
                   timed_check("a/1/to-warning", Outcome::Warning),
                   timed_check("a/1/same", Outcome::Failed),
                   timed_check("a/1/new", Outcome::Skipped)};
  const auto c = compare_runs(before, after);
  EXPECT_EQ(change_ids(c.regressions), (std::vector<std::string>{"a/1/regress", "a/1/error"}));
  EXPECT_EQ(c.regressions[0].before, "passed");
  EXPECT_EQ(c.regressions[0].after, "failed");
  EXPECT_EQ(change_ids(c.fixes), (std::vector<std::string>{"a/1/fix", "a/1/warn-fixed"}));
  EXPECT_EQ(change_ids(c.changed), std::vector<std::string>{"a/1/to-warning"});
  EXPECT_EQ(change_ids(c.appeared), std::vector<std::string>{"a/1/new"});
  EXPECT_EQ(c.appeared[0].before, "");
  EXPECT_EQ(change_ids(c.disappeared), std::vector<std::string>{"a/1/gone"});
  EXPECT_EQ(c.disappeared[0].after, "");
  EXPECT_TRUE(c.has_regressions());
}

TEST(CompareRuns, DurationsNeedBothTheRatioAndTheFloor) {
  RunResult before, after;
  before.results = {timed_check("a/1/slow", Outcome::Passed, milliseconds(100)),
                    timed_check("a/1/noise", Outcome::Passed, milliseconds(2)),
                    timed_check("a/1/fast", Outcome::Passed, milliseconds(900)),
                    timed_check("a/1/steady", Outcome::Passed, milliseconds(1000)),
                    timed_check("a/1/skipped", Outcome::Skipped, milliseconds(0))};
  after.results = {timed_check("a/1/slow", Outcome::Passed, milliseconds(400)),
                   timed_check("a/1/noise", Outcome::Passed, milliseconds(40)),  // 20x but 38 ms
                   timed_check("a/1/fast", Outcome::Passed, milliseconds(300)),
                   timed_check("a/1/steady", Outcome::Passed, milliseconds(1400)),  // 40 %
                   timed_check("a/1/skipped", Outcome::Passed, milliseconds(500))};
  const auto c = compare_runs(before, after, {0.5, milliseconds(100)});
  EXPECT_EQ(change_ids(c.slower), std::vector<std::string>{"a/1/slow"});
  EXPECT_EQ(change_ids(c.faster), std::vector<std::string>{"a/1/fast"});
  EXPECT_FALSE(c.has_regressions());
  const auto tight = compare_runs(before, after, {0.3, milliseconds(10)});
  EXPECT_EQ(change_ids(tight.slower),
            (std::vector<std::string>{"a/1/slow", "a/1/noise", "a/1/steady"}));
}

TEST(CompareRuns, IdenticalRunsCompareEmpty) {
  RunResult run;
  run.results = {timed_check("a/1/x", Outcome::Passed), timed_check("a/1/y", Outcome::Failed)};
  EXPECT_TRUE(compare_runs(run, run).empty());
}

}  // namespace
}  // namespace scim::conf
