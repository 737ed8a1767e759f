// Result model: spellings used by reporters, ID splitting, counts and the exit code rule.
#include "scim/conformance/model.hpp"

#include <gtest/gtest.h>

namespace scim::conf {
namespace {

TEST(Model, LevelSpellingsRoundTripCaseInsensitively) {
  EXPECT_EQ(to_string(Level::Must), "MUST");
  EXPECT_EQ(to_string(Level::Should), "SHOULD");
  EXPECT_EQ(to_string(Level::May), "MAY");
  EXPECT_EQ(parse_level("should"), Level::Should);
  EXPECT_EQ(parse_level("May"), Level::May);
  EXPECT_FALSE(parse_level("OPTIONAL").has_value());
}

TEST(Model, OutcomeSpellings) {
  EXPECT_EQ(to_string(Outcome::Passed), "passed");
  EXPECT_EQ(to_string(Outcome::Failed), "failed");
  EXPECT_EQ(to_string(Outcome::Warning), "warning");
  EXPECT_EQ(to_string(Outcome::Skipped), "skipped");
  EXPECT_EQ(to_string(Outcome::Error), "error");
}

TEST(Model, SpecAndSectionComeFromTheId) {
  CheckInfo info;
  info.id = "rfc7644/3.4.2.2/eq-is-case-insensitive";
  EXPECT_EQ(info.spec(), "rfc7644");
  EXPECT_EQ(info.section(), "3.4.2.2");
}

RunResult with(std::initializer_list<Outcome> outcomes) {
  RunResult run;
  for (auto o : outcomes) {
    CheckResult r;
    r.outcome = o;
    run.results.push_back(r);
  }
  return run;
}

TEST(Model, ExitCodeIsZeroWithOnlyPassesWarningsAndSkips) {
  const auto run = with({Outcome::Passed, Outcome::Warning, Outcome::Skipped});
  EXPECT_EQ(run.exit_code(), 0);
  EXPECT_EQ(run.count(Outcome::Warning), 1u);
}

TEST(Model, ExitCodeIsOneOnAFailedMustOrAnError) {
  EXPECT_EQ(with({Outcome::Passed, Outcome::Failed}).exit_code(), 1);
  EXPECT_EQ(with({Outcome::Passed, Outcome::Error}).exit_code(), 1);
}

}  // namespace
}  // namespace scim::conf
