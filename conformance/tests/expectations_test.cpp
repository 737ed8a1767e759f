// Expected failures (core/expectations.hpp): the file's rules, grading, expiry, the gate's exit
// code and the --update-expect baseline.
#include "scim/conformance/core/expectations.hpp"

#include <gtest/gtest.h>

namespace scim::conf {
namespace {

CheckResult expect_result(const std::string& id, Outcome outcome, Level level = Level::Must) {
  CheckResult r;
  r.info.id = id;
  r.info.level = level;
  r.outcome = outcome;
  r.message = outcome == Outcome::Passed ? "" : "got 200, expected 409";
  return r;
}

ExpectationSet parsed_set(const std::string& text) {
  auto set = parse_expectations(text);
  EXPECT_TRUE(set.ok()) << set.error();
  return set.ok() ? *set : ExpectationSet{};
}

TEST(ExpectationsFile, ParsesEntriesWithAndWithoutExpiry) {
  const auto set = parsed_set(R"({"expectations": [
      {"check": "rfc7644/3.14/*", "reason": "ETags: JIRA-12", "expires": "2026-06-30"},
      {"check": "rfc7644/3.5.2/patch-is-atomic", "reason": "vendor bug"}]})");
  ASSERT_EQ(set.entries.size(), 2u);
  EXPECT_EQ(set.entries[0].check, "rfc7644/3.14/*");
  EXPECT_EQ(set.entries[0].expires, "2026-06-30");
  EXPECT_EQ(set.entries[1].reason, "vendor bug");
  EXPECT_TRUE(set.entries[1].expires.empty());
}

TEST(ExpectationsFile, RejectsWhatWouldSilentlyChangeItsMeaning) {
  const auto error = [](const std::string& text) {
    auto set = parse_expectations(text);
    return set.ok() ? std::string("(accepted)") : set.error();
  };
  EXPECT_EQ(error(R"({"expectations": [{"check": "a", "reason": "r", "expiry": "2026-01-01"}]})"),
            "expectations[0]: unknown member 'expiry' (allowed: check, reason, expires)");
  EXPECT_EQ(error(R"({"expectations": [{"check": "a"}]})"),
            "expectations[0]: reason: missing (say why the check fails)");
  EXPECT_EQ(error(R"({"expectations": [{"reason": "r"}]})"),
            "expectations[0]: check: missing (a check ID or a glob)");
  EXPECT_EQ(error(R"({"expectations": [{"check": "a", "reason": "r", "expires": "2026-02-30"}]})"),
            "expectations[0]: expires: '2026-02-30' is not a date written YYYY-MM-DD");
  EXPECT_EQ(error(R"({"expectations": [{"check": 7, "reason": "r"}]})"),
            "expectations[0]: check: not a string");
  EXPECT_EQ(error(R"([{"check": "a", "reason": "r"}])"),
            R"(expected an object {"expectations": [...]})");
  EXPECT_EQ(error("{"), "not valid JSON");
}

TEST(ExpectationsFile, IsoDates) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2026-13-01"));
  EXPECT_FALSE(is_iso_date("2026-1-01"));
  EXPECT_FALSE(is_iso_date("2026-01-01T00:00:00Z"));
  EXPECT_EQ(utc_today().size(), 10u);
  EXPECT_TRUE(is_iso_date(utc_today()));
}

TEST(ExpectationMatcher, ExactIdWinsOverAnEarlierGlob) {
  const auto set = parsed_set(R"({"expectations": [
      {"check": "rfc7644/3.14/*", "reason": "glob"},
      {"check": "rfc7644/3.14/etag-header-on-create", "reason": "exact"}]})");
  const ExpectationMatcher m(set, "2026-01-01");
  const auto exact = m.mark(expect_result("rfc7644/3.14/etag-header-on-create", Outcome::Failed));
  EXPECT_EQ(exact.grade, Expectation::ExpectedFailure);
  EXPECT_EQ(exact.reason, "exact");
  const auto glob = m.mark(expect_result("rfc7644/3.14/if-match-stale-put-412", Outcome::Error));
  EXPECT_EQ(glob.grade, Expectation::ExpectedFailure);
  EXPECT_EQ(glob.pattern, "rfc7644/3.14/*");
  EXPECT_EQ(m.mark(expect_result("rfc7644/3.14/x", Outcome::Passed)).grade,
            Expectation::UnexpectedPass);
  EXPECT_EQ(m.mark(expect_result("rfc7644/3.14/x", Outcome::Skipped)).grade, Expectation::None);
  EXPECT_EQ(m.mark(expect_result("rfc7644/3.12/x", Outcome::Failed)).grade, Expectation::None);
}

TEST(ExpectationMatcher, AnEntryHoldsThroughItsExpiryDayAndNotAfter) {
  const auto set = parsed_set(
      R"({"expectations": [{"check": "a/1/b", "reason": "r", "expires": "2026-03-31"}]})");
  EXPECT_EQ(
      ExpectationMatcher(set, "2026-03-31").mark(expect_result("a/1/b", Outcome::Failed)).grade,
      Expectation::ExpectedFailure);
  const ExpectationMatcher after(set, "2026-04-01");
  EXPECT_EQ(after.mark(expect_result("a/1/b", Outcome::Failed)).grade, Expectation::None);
  EXPECT_EQ(after.expired(), std::vector<std::string>{"a/1/b expired on 2026-03-31 (r)"});
}

RunResult expectations_sample_run() {
  RunResult run;
  run.results = {expect_result("rfc7644/3.14/etag", Outcome::Failed),
                 expect_result("rfc7644/3.12/shape", Outcome::Passed),
                 expect_result("rfc7644/3.4/should", Outcome::Warning, Level::Should)};
  return run;
}

TEST(ApplyExpectations, AnExpectedFailureDoesNotFailTheGate) {
  auto run = expectations_sample_run();
  EXPECT_EQ(run.exit_code(), 1);
  apply_expectations(run,
                     parsed_set(R"({"expectations": [{"check": "rfc7644/3.14/*", "reason": "r"},
      {"check": "rfc9999/*", "reason": "stale"}]})"),
                     "2026-01-01", "expect.json", false);
  EXPECT_EQ(run.results[0].outcome, Outcome::Failed);  // what the target did stays
  EXPECT_EQ(run.results[0].expectation.grade, Expectation::ExpectedFailure);
  EXPECT_EQ(run.exit_code(), 0);
  ASSERT_TRUE(run.expectations.has_value());
  EXPECT_EQ(run.expectations->unused, std::vector<std::string>{"rfc9999/*"});
  EXPECT_EQ(run.expectations->entries, 2u);
}

TEST(ApplyExpectations, UnexpectedPassFailsTheGateOnlyWithTheFlag) {
  const auto set = parsed_set(R"({"expectations": [{"check": "rfc7644/3.12/shape", "reason": "r"},
      {"check": "rfc7644/3.14/etag", "reason": "r"}]})");
  auto lenient = expectations_sample_run();
  apply_expectations(lenient, set, "2026-01-01", "e.json", false);
  EXPECT_EQ(lenient.count(Expectation::UnexpectedPass), 1u);
  EXPECT_EQ(lenient.exit_code(), 0);
  auto strict = expectations_sample_run();
  apply_expectations(strict, set, "2026-01-01", "e.json", true);
  EXPECT_EQ(strict.exit_code(), 1);
}

TEST(ApplyExpectations, AnExpiredEntryFailsTheGateEvenWhenItsCheckPasses) {
  auto run = expectations_sample_run();
  apply_expectations(run, parsed_set(R"({"expectations": [
      {"check": "rfc7644/3.14/etag", "reason": "r"},
      {"check": "rfc7644/3.12/shape", "reason": "old", "expires": "2025-12-31"}]})"),
                     "2026-01-01", "e.json", false);
  EXPECT_EQ(run.results[1].expectation.grade, Expectation::None);
  EXPECT_EQ(run.expectations->expired.size(), 1u);
  EXPECT_EQ(run.exit_code(), 1);
}

TEST(BaselineExpectations, ListsFailuresKeepsWrittenAndUnjudgedEntriesNeverRenewsExpiredOnes) {
  auto run = expectations_sample_run();
  run.results.push_back(expect_result("rfc7644/3.3/create", Outcome::Error));
  run.results.push_back(expect_result("rfc7644/3.6/delete", Outcome::Failed));
  const auto set = parsed_set(R"({"expectations": [
      {"check": "rfc7644/3.14/*", "reason": "ETags: JIRA-12", "expires": "2026-06-30"},
      {"check": "rfc7644/3.6/delete", "reason": "old", "expires": "2025-01-01"},
      {"check": "rfc7644/3.12/shape", "reason": "fixed since"},
      {"check": "rfc9999/*", "reason": "not run this time"}]})");
  apply_expectations(run, set, "2026-01-01", "e.json", false);
  const auto text = baseline_expectations(run, set, "2026-01-01");
  const auto doc = nlohmann::json::parse(text);
  const auto expected = nlohmann::json::parse(R"({"expectations": [
      {"check": "rfc7644/3.14/*", "reason": "ETags: JIRA-12", "expires": "2026-06-30"},
      {"check": "rfc7644/3.3/create", "reason": "baseline 2026-01-01: error: got 200, expected 409"},
      {"check": "rfc7644/3.6/delete", "reason": "old", "expires": "2025-01-01"},
      {"check": "rfc9999/*", "reason": "not run this time"}]})");
  EXPECT_EQ(doc, expected) << text;
  // What it writes reads back.
  EXPECT_TRUE(parse_expectations(text).ok());
}

}  // namespace
}  // namespace scim::conf
