// The gate in the reports (issue 21): expected failures and unexpected passes in JUnit, Markdown,
// HTML and JSON; the comparison renderings; the many-targets index page.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "sample_run.hpp"
#include "schema_subset.hpp"
#include "scim/reports/comparison.hpp"
#include "scim/reports/index_page.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

using conf::Expectation;
using conf::Outcome;

constexpr const char* kFilterCheck = "rfc7644/3.4.2.2/unknown-operator-is-invalid-filter";

// The sample run with its failed filter check expected, one passing check listed (an unexpected
// pass) and one expired entry.
conf::RunResult graded_run(bool unexpected_pass_fails) {
  auto run = testing::sample_run();
  for (auto& r : run.results) {
    if (r.info.id == kFilterCheck)
      r.expectation = {Expectation::ExpectedFailure, "rfc7644/3.4.2.2/*", "JIRA-12", "2030-01-31"};
    else if (r.outcome == Outcome::Passed && run.count(Expectation::UnexpectedPass) == 0)
      r.expectation = {Expectation::UnexpectedPass, r.info.id, "was broken", ""};
  }
  conf::ExpectationsReport e;
  e.file = "scim-expect.json";
  e.entries = 3;
  e.unexpected_pass_fails = unexpected_pass_fails;
  e.expired = {"rfc7644/3.14/* expired on 2026-01-01 (ETags)"};
  run.expectations = e;
  return run;
}

std::string write_with(const std::unique_ptr<Reporter>& reporter, const conf::RunResult& run) {
  std::ostringstream out;
  reporter->write(run, out);
  return out.str();
}

pugi::xml_node testcase_named(const pugi::xml_document& doc, const std::string& name) {
  return doc.select_node(("//testcase[@name='" + name + "']").c_str()).node();
}

TEST(GateJunit, AnExpectedFailureIsSkippedAndAnExpiredEntryIsAFailure) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(write_with(make_junit_reporter(), graded_run(false)).c_str()));
  const auto filter = testcase_named(doc, kFilterCheck);
  ASSERT_TRUE(filter);
  EXPECT_FALSE(filter.child("failure"));
  EXPECT_EQ(std::string(filter.child("skipped").attribute("message").value())
                .rfind("expected failure (rfc7644/3.4.2.2/*): JIRA-12", 0),
            0u);
  const auto expired = doc.select_node("//testsuite[@name='scim-conformance.expectations']").node();
  ASSERT_TRUE(expired);
  EXPECT_STREQ(expired.attribute("failures").value(), "1");
  EXPECT_STREQ(expired.child("testcase").child("failure").attribute("type").value(),
               "expired-expectation");
  // The totals count JUnit elements: the expected failure moved from failures to skipped.
  const auto root = doc.child("testsuites");
  const auto plain = testing::sample_run();
  const auto failed = plain.count(Outcome::Failed);
  EXPECT_EQ(std::stoul(root.attribute("failures").value()), failed - 1 + 1);  // + the expired one
}

TEST(GateJunit, AnUnexpectedPassFailsOnlyWhenItFailsTheGate) {
  for (bool strict : {false, true}) {
    const auto run = graded_run(strict);
    std::string id;
    for (const auto& r : run.results)
      if (r.expectation.grade == Expectation::UnexpectedPass) id = r.info.id;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(write_with(make_junit_reporter(), run).c_str()));
    const auto node = testcase_named(doc, id);
    ASSERT_TRUE(node) << id;
    EXPECT_EQ(static_cast<bool>(node.child("failure")), strict);
    EXPECT_TRUE(
        node.select_node("properties/property[@name='expectation'][@value='unexpected-pass']"));
  }
}

TEST(GateJunit, TheRunnersOwnRequestsAreASuitesSystemOut) {
  auto run = testing::sample_run();
  conf::Exchange discovery;
  discovery.method = "GET";
  discovery.url = "https://t/scim/v2/ServiceProviderConfig";
  discovery.request_headers = {{"Authorization", std::string("Bearer ") + testing::kSecretToken}};
  discovery.status = 200;
  run.run_exchanges = {discovery};
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(write_with(make_junit_reporter(), run).c_str()));
  const auto suite = doc.select_node("//testsuite[@name='scim-conformance.runner']").node();
  ASSERT_TRUE(suite);
  const std::string out = suite.child("system-out").text().get();
  EXPECT_NE(out.find("GET https://t/scim/v2/ServiceProviderConfig"), std::string::npos) << out;
  EXPECT_EQ(out.find(testing::kSecretToken), std::string::npos);
  EXPECT_STREQ(suite.attribute("tests").value(), "0");
}

TEST(GateMarkdown, ListsExpiredUnexpectedAndExpectedAndLeavesExpectedOutOfTheCauses) {
  const auto md = write_with(make_markdown_reporter(), graded_run(false));
  EXPECT_NE(md.find("## Expectations ` scim-expect.json `"), std::string::npos) << md;
  EXPECT_NE(md.find("**expired, fails the gate:** rfc7644/3.14/\\* expired"), std::string::npos)
      << md;
  EXPECT_NE(md.find("### Unexpected passes: remove the entry (1)"), std::string::npos);
  EXPECT_NE(md.find("### Expected failures (1)"), std::string::npos);
  const auto causes = md.find("## Failures by root cause");
  ASSERT_NE(causes, std::string::npos);
  EXPECT_EQ(md.substr(causes, md.find("## Expectations") - causes).find(kFilterCheck),
            std::string::npos);
}

TEST(GateHtml, BadgesTheGradedChecksAndListsThemUpFront) {
  const auto html = write_with(make_html_reporter(), graded_run(false));
  EXPECT_NE(html.find(R"(<span class="badge expected-failure">expected failure</span>)"),
            std::string::npos);
  EXPECT_NE(html.find(R"(<div class="gate expired"><h3>Expired expectations (1)</h3>)"),
            std::string::npos);
  EXPECT_NE(html.find("1 expired expectations"), std::string::npos);
}

TEST(GateJson, CarriesGradesExpectationsAndComparisonAndValidates) {
  auto run = graded_run(true);
  conf::RunComparison c;
  c.baseline = "old.json (T, S)";
  c.regressions.push_back({"a/1/x", "X", "MUST", "passed", "failed", {}, {}, "m"});
  run.comparison = c;
  const auto doc = nlohmann::json::parse(write_with(make_json_reporter(), run));
  std::ifstream in(SCIM_REPORTS_SCHEMA);
  EXPECT_EQ(testing::validate_subset(nlohmann::json::parse(in), doc), std::vector<std::string>{});
  EXPECT_EQ(doc["expectations"]["expired"].size(), 1u);
  EXPECT_EQ(doc["expectations"]["unexpectedPassFails"], true);
  EXPECT_EQ(doc["comparison"]["regressions"][0]["after"], "failed");
  EXPECT_EQ(doc["exitCode"], 1);
  bool graded = false;
  for (const auto& check : doc["checks"])
    if (check["id"] == kFilterCheck) graded = check["expectation"]["grade"] == "expected-failure";
  EXPECT_TRUE(graded);
}

conf::RunComparison sample_comparison() {
  using std::chrono::milliseconds;
  conf::RunComparison c;
  c.baseline = "old.json (https://t/scim/v2, 2026-01-01T00:00:00Z)";
  c.regressions.push_back({"rfc7644/3.14/etag", "ETag", "MUST", "passed", "error", {}, {}, "m"});
  c.fixes.push_back({"rfc7644/3.3/create", "Create", "MUST", "failed", "passed", {}, {}, ""});
  c.appeared.push_back({"rfc7644/3.9/new", "New", "SHOULD", "", "skipped", {}, {}, ""});
  c.slower.push_back({"rfc7644/3.4/list", "List", "MUST", "passed", "passed", milliseconds(120),
                      milliseconds(480), ""});
  return c;
}

TEST(ComparisonRendering, TextMarkdownAndJsonSayTheSame) {
  const auto c = sample_comparison();
  const auto text = comparison_text(c);
  EXPECT_NE(text.find("1 regressions, 1 fixes, 0 other changes, 1 new, 0 gone, 1 slower, 0 faster"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  rfc7644/3.14/etag  [MUST] passed → error\n"), std::string::npos);
  EXPECT_NE(text.find("  rfc7644/3.4/list  [MUST] 120 ms → 480 ms\n"), std::string::npos);
  EXPECT_NE(text.find("  rfc7644/3.9/new  [SHOULD] new: skipped\n"), std::string::npos);
  const auto md = comparison_markdown(c);
  EXPECT_NE(md.find("## Compared with the previous run ❌"), std::string::npos);
  EXPECT_NE(md.find("| ` rfc7644/3.3/create ` | MUST | failed → passed |"), std::string::npos)
      << md;
  const auto json = comparison_json(c);
  EXPECT_EQ(json["hasRegressions"], true);
  EXPECT_EQ(json["slower"][0]["afterDurationUs"], 480000);
  EXPECT_EQ(json["disappeared"], nlohmann::json::array());
}

conf::TargetSummary index_target(const std::string& name, int code,
                                 std::optional<conf::RunResult> run) {
  conf::TargetSummary t;
  t.name = name;
  t.base_url = "https://" + name + "/scim/v2?access_token=" + testing::kSecretToken;
  t.exit_code = code;
  t.run = std::move(run);
  t.problem = t.run ? "" : "discovery failed: cannot reach https://" + name;
  t.reports = {{"html", name + "/report.html"}};
  return t;
}

TEST(IndexPage, AMatrixOfTargetsBySectionsColouredByWorstOutcome) {
  const std::vector<conf::TargetSummary> targets = {
      index_target("acme", 1, testing::sample_run()),
      index_target("globex", 0, testing::passing_run()), index_target("down", 2, std::nullopt)};
  std::ostringstream html;
  write_index_html(targets, html);
  const auto page = html.str();
  EXPECT_NE(page.find("<title>SCIM conformance: 2 of 3 targets failing</title>"),
            std::string::npos);
  EXPECT_NE(page.find(R"(<a href="acme/report.html">acme</a>)"), std::string::npos);
  EXPECT_NE(page.find(R"(title="rfc7644.3.4.2.2">rfc7644 §3.4.2.2</th>)"), std::string::npos);
  EXPECT_NE(page.find(R"(<td class="cell failed" title="acme · rfc7644 §3.4.2.2">)"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("not run: discovery failed: cannot reach https://down"), std::string::npos);
  EXPECT_EQ(page.find(testing::kSecretToken), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);  // the CSP allows no script: none is needed
  std::ostringstream md;
  write_index_markdown(targets, md);
  EXPECT_NE(md.str().find("| globex (` globex/report.html `) | ✅ PASS |"), std::string::npos)
      << md.str();
  EXPECT_NE(md.str().find("| down | ⛔ not run: "), std::string::npos);  // no link: no report
}

TEST(IndexPage, CellClassesFollowTheWorstOutcome) {
  conf::CheckResult passed, failed, expected, warning, skipped;
  passed.outcome = Outcome::Passed;
  failed.outcome = Outcome::Failed;
  expected.outcome = Outcome::Failed;
  expected.expectation.grade = Expectation::ExpectedFailure;
  warning.outcome = Outcome::Warning;
  skipped.outcome = Outcome::Skipped;
  EXPECT_EQ(section_cell_class({&passed, &failed, &expected}), "failed");
  EXPECT_EQ(section_cell_class({&passed, &expected, &warning}), "expected");
  EXPECT_EQ(section_cell_class({&passed, &warning}), "warning");
  EXPECT_EQ(section_cell_class({&skipped, &passed}), "passed");
  EXPECT_EQ(section_cell_class({&skipped}), "skipped");
  EXPECT_EQ(section_cell_class({}), "none");
}

}  // namespace
}  // namespace scim::reports
