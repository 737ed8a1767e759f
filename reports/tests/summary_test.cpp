// Aggregation shared by the reporters: counts, verdict and section order.
#include "scim/reports/summary.hpp"

#include <gtest/gtest.h>

#include "sample_run.hpp"

namespace scim::reports {
namespace {

using conf::Level;
using conf::Outcome;

TEST(SectionLess, OrdersDottedNumbersNaturally) {
  EXPECT_TRUE(section_less("3.7", "3.10"));
  EXPECT_TRUE(section_less("3.4.2", "3.4.2.2"));
  EXPECT_TRUE(section_less("3.10", "3.10.1"));
  EXPECT_FALSE(section_less("3.10", "3.7"));
  EXPECT_FALSE(section_less("3.4", "3.4"));
  EXPECT_TRUE(section_less("2", "entra"));  // non-numeric parts compare as text
}

TEST(Summarize, CountsByOutcomeLevelAndSection) {
  const auto run = testing::sample_run();
  const auto s = summarize(run);
  EXPECT_FALSE(s.passed);
  EXPECT_EQ(s.counts.total(), 12u);
  EXPECT_EQ(s.counts.of(Outcome::Failed), 2u);
  EXPECT_EQ(s.level(Level::Must).total(), 9u);
  EXPECT_EQ(s.level(Level::Should).of(Outcome::Warning), 2u);
  ASSERT_EQ(s.sections.size(), 7u);
  EXPECT_EQ(s.sections[0].key, "rfc7643.8.7.1");
  EXPECT_EQ(s.sections[1].key, "rfc7644.3.4.2.2");
  EXPECT_EQ(s.sections[1].checks.size(), 4u);
  EXPECT_EQ(s.sections[2].key, "rfc7644.3.5.1");
  EXPECT_EQ(s.sections[5].key, "rfc7644.3.10");
}

TEST(Summarize, VerdictFollowsTheRunExitCode) {
  EXPECT_TRUE(summarize(testing::passing_run()).passed);
  auto run = testing::passing_run();
  run.results[0].outcome = Outcome::Warning;  // a broken SHOULD does not fail the run
  EXPECT_TRUE(summarize(run).passed);
  run.results[0].outcome = Outcome::Error;
  EXPECT_FALSE(summarize(run).passed);
}

// The RFC verdict beside the profile's: a profile failure fails the profile, not the RFCs.
TEST(Summarize, VerdictPerProfileBesideTheRfcVerdict) {
  auto run = testing::passing_run();
  EXPECT_EQ(summarize(run).verdicts.size(), 1u);  // no profile: only "RFC"
  run.profile = "interop";
  conf::CheckResult broken;
  broken.info.id = "interop/5.3/unknown-attribute-invalid-syntax";
  broken.outcome = Outcome::Failed;
  run.results.push_back(broken);
  const auto s = summarize(run);
  ASSERT_EQ(s.verdicts.size(), 2u);
  EXPECT_EQ(s.verdicts[0].scope, "RFC");
  EXPECT_TRUE(s.verdicts[0].passed);
  EXPECT_EQ(s.verdicts[1].scope, "interop");
  EXPECT_FALSE(s.verdicts[1].passed);
  EXPECT_EQ(s.verdicts[1].counts.total(), 1u);
  EXPECT_FALSE(s.passed);
  EXPECT_EQ(verdicts_line(s), "RFC: PASS; interop: FAIL (1 failed, 0 errors)");
}

TEST(FormatSeconds, MillisecondPrecision) {
  using namespace std::chrono_literals;
  EXPECT_EQ(format_seconds(0us), "0.000");
  EXPECT_EQ(format_seconds(1234567us), "1.234");
  EXPECT_EQ(format_seconds(-5us), "0.000");
}

}  // namespace
}  // namespace scim::reports
