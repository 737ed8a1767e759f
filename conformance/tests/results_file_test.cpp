// Reading results files back (core/results_file.hpp).
#include "scim/conformance/core/results_file.hpp"

#include <gtest/gtest.h>

namespace scim::conf {
namespace {

TEST(ResultsFile, ReadsWhatComparisonNeeds) {
  const auto run = read_results_json(R"({"version": "1", "target": "http://t/scim/v2",
      "profile": "", "startedAt": "2026-01-01T00:00:00Z", "extra": {"ignored": true},
      "checks": [{"id": "rfc7644/3.3/create", "title": "Create", "level": "SHOULD",
                  "outcome": "warning", "message": "m", "durationUs": 1500, "exchanges": []}]})");
  ASSERT_TRUE(run.ok()) << run.error();
  EXPECT_EQ(run->target, "http://t/scim/v2");
  EXPECT_EQ(run->started_at, "2026-01-01T00:00:00Z");
  ASSERT_EQ(run->results.size(), 1u);
  const auto& r = run->results[0];
  EXPECT_EQ(r.info.id, "rfc7644/3.3/create");
  EXPECT_EQ(r.info.level, Level::Should);
  EXPECT_EQ(r.outcome, Outcome::Warning);
  EXPECT_EQ(r.duration.count(), 1500);
}

TEST(ResultsFile, NamesWhatIsWrong) {
  const auto error = [](const std::string& text) {
    auto run = read_results_json(text);
    return run.ok() ? std::string("(accepted)") : run.error();
  };
  EXPECT_EQ(error(R"({"version": "2", "checks": []})"),
            "not a scim-conformance results file of format version 1");
  EXPECT_EQ(error("[]"), "not a JSON object");
  EXPECT_EQ(error(R"({"version": "1"})"), "checks: not an array");
  EXPECT_EQ(error(R"({"version": "1", "checks": [{"id": "a/1/b", "outcome": "maybe"}]})"),
            "checks[0].outcome: unknown outcome 'maybe'");
  EXPECT_EQ(error(R"({"version": "1", "checks": [{"id": "a/1/b", "outcome": "passed"},
                                                  {"id": "a/1/b", "outcome": "failed"}]})"),
            "checks[1]: duplicate id a/1/b");
  EXPECT_EQ(error(R"({"version": "1", "checks": [{"id": "a/1/b", "outcome": "passed",
                                                   "durationUs": -1}]})"),
            "checks[0].durationUs: not a non-negative integer");
}

}  // namespace
}  // namespace scim::conf
