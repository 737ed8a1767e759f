// Grading: MUST failures fail, SHOULD/MAY failures warn, forced (unadvertised) checks only warn,
// skips and harness errors keep their reasons, and no exception escapes.
#include "scim/conformance/core/grading.hpp"

#include <gtest/gtest.h>

#include "scim/conformance/context.hpp"

namespace scim::conf {
namespace {

CheckResult graded(const std::function<void()>& body, Level level, bool forced = false) {
  CheckResult r;
  grade(body, level, forced, r);
  return r;
}

const auto kFails = [] { throw CheckFailed{"status wrong", "HTTP 400", "HTTP 200"}; };

TEST(Grading, ReturningPasses) {
  EXPECT_EQ(graded([] {}, Level::Must).outcome, Outcome::Passed);
}

TEST(Grading, BrokenMustFailsWithExpectedAndActual) {
  const auto r = graded(kFails, Level::Must);
  EXPECT_EQ(r.outcome, Outcome::Failed);
  EXPECT_EQ(r.message, "status wrong");
  EXPECT_EQ(r.expected, "HTTP 400");
  EXPECT_EQ(r.actual, "HTTP 200");
}

TEST(Grading, BrokenShouldOrMayWarns) {
  EXPECT_EQ(graded(kFails, Level::Should).outcome, Outcome::Warning);
  EXPECT_EQ(graded(kFails, Level::May).outcome, Outcome::Warning);
}

TEST(Grading, ForceOptionalDowngradesMustFailuresToWarnings) {
  EXPECT_EQ(graded(kFails, Level::Must, /*forced=*/true).outcome, Outcome::Warning);
  EXPECT_EQ(grade_failure(Level::Must, false), Outcome::Failed);
}

TEST(Grading, SkipKeepsReason) {
  const auto r = graded([] { throw CheckSkipped{"no Groups endpoint"}; }, Level::Must);
  EXPECT_EQ(r.outcome, Outcome::Skipped);
  EXPECT_EQ(r.message, "no Groups endpoint");
}

TEST(Grading, HarnessErrorsAndStrayExceptionsAreErrors) {
  EXPECT_EQ(graded([] { throw CheckError{"fixture"}; }, Level::Should).outcome, Outcome::Error);
  const auto r = graded([] { throw std::out_of_range("vector"); }, Level::May);
  EXPECT_EQ(r.outcome, Outcome::Error);
  EXPECT_NE(r.message.find("vector"), std::string::npos);
  EXPECT_EQ(graded([] { throw 42; }, Level::Must).outcome, Outcome::Error);
}

TEST(Grading, MissingCapabilitiesAreListed) {
  Capabilities caps;
  caps.patch = true;
  CheckInfo info;
  info.capabilities = {"patch", "bulk", "sort"};
  EXPECT_EQ(missing_capabilities(info, caps), (std::vector<std::string>{"bulk", "sort"}));
}

}  // namespace
}  // namespace scim::conf
