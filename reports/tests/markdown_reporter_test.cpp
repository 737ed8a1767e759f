// Markdown reporter: the CI job summary shows verdict, counts, failures with expected/actual and
// sections, and target-controlled text cannot become markup (GitHub renders HTML in summaries).
#include <gtest/gtest.h>

#include <sstream>

#include "sample_run.hpp"
#include "scim/reports/markdown_text.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

std::string render_markdown(const conf::RunResult& run) {
  std::ostringstream out;
  make_markdown_reporter()->write(run, out);
  return out.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(MarkdownReporter, VerdictAndCountsTable) {
  const auto md = render_markdown(testing::sample_run());
  EXPECT_EQ(md.rfind("# SCIM conformance: ❌ FAIL\n", 0), 0u);
  EXPECT_TRUE(contains(md, "| failed | 2 | 0 | 0 | 2 |\n"));
  EXPECT_TRUE(contains(md, "| warning | 0 | 2 | 0 | 2 |\n"));
  EXPECT_TRUE(contains(md, "| **total** | 9 | 2 | 1 | 12 |\n"));
  EXPECT_EQ(render_markdown(testing::passing_run()).rfind("# SCIM conformance: ✅ PASS\n", 0), 0u);
}

// Issue 13: the summary opens with the failures grouped by root cause, most consequential first,
// each saying whom its sentence binds and what depends on it; the counts and sections follow.
TEST(MarkdownReporter, OpensWithFailuresByRootCauseMostConsequentialFirst) {
  const auto md = render_markdown(testing::sample_run());
  const auto causes = md.find("## Failures by root cause (6)");
  ASSERT_NE(causes, std::string::npos);
  EXPECT_LT(causes, md.find("| Outcome | MUST |")) << "causes come before the counts table";
  EXPECT_LT(causes, md.find("## By section"));
  const auto first = md.find("### 1. ❌ failed: rfc7644/3.4.2.2/unknown-operator-is-invalid-filter");
  ASSERT_NE(first, std::string::npos) << md;
  EXPECT_TRUE(contains(md, "**MUST: binds the service provider**"));
  EXPECT_TRUE(contains(md, "**2 checks depend on it** (skipped): ` rfc7644/3.4.2.2/ne-excludes"));
  EXPECT_TRUE(contains(md, "Expected:\n\n```text\nHTTP 400 with scimType \"invalidFilter\""));
  EXPECT_TRUE(contains(md, "Actual:\n\n```text\nHTTP 200 with a ListResponse of 1 resource\n```"));
  EXPECT_TRUE(contains(md, "error: cannot create a User fixture: could not create fixture User"));
  EXPECT_TRUE(contains(md, "**2 checks could not be judged**"));
  EXPECT_TRUE(contains(md, "the sentence binds the client"));
  EXPECT_TRUE(contains(md, "## Skipped (3)"));
  EXPECT_TRUE(contains(md, "## Run notes"));
}

TEST(MarkdownReporter, SectionTableInNaturalOrder) {
  const auto md = render_markdown(testing::sample_run());
  const auto s37 = md.find("| rfc7644 §3.7 | 0 | 0 | 0 | 1 | 0 |");
  const auto s310 = md.find("| rfc7644 §3.10 | 1 | 0 | 0 | 0 | 0 |");
  ASSERT_NE(s37, std::string::npos);
  ASSERT_NE(s310, std::string::npos);
  EXPECT_LT(s37, s310);
}

TEST(MarkdownReporter, TargetTextCannotInjectMarkup) {
  const auto md = render_markdown(testing::sample_run());
  EXPECT_FALSE(contains(md, "<script>")) << "raw markup from the target reached the summary";
  EXPECT_FALSE(contains(md, "<b>"));
  EXPECT_TRUE(contains(md, "&lt;b&gt;bold&lt;/b&gt; \\| pipe \\`tick\\`"));
  EXPECT_FALSE(contains(md, testing::kSecretToken));
}

TEST(MarkdownText, FencesOutgrowBacktickRunsInTheContent) {
  EXPECT_EQ(md_code_block("a ```` b"), "`````text\na ```` b\n`````\n");
  EXPECT_EQ(md_code_span("x`y"), "`` x`y ``");
  EXPECT_EQ(md_inline("a|b\nc"), "a\\|b c");
}

// CommonMark §4.2 (headings), §5.2 (list items): only meaningful where a line starts.
TEST(MarkdownText, LineStartMarkersAreEscapedOnlyAtTheStart) {
  EXPECT_EQ(md_inline("# not a heading"), "\\# not a heading");
  EXPECT_EQ(md_inline("1. not a list"), "1\\. not a list");
  EXPECT_EQ(md_inline("- x"), "\\- x");
  EXPECT_EQ(md_inline("v1.2-rc #3"), "v1.2-rc #3");
  EXPECT_EQ(md_inline(std::string("a\x01"
                                  "b")),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(MarkdownReporter, DetailsAreCappedForStepSummaryLimits) {
  auto run = testing::passing_run();
  auto failed = testing::sample_run().results[2];
  for (int i = 0; i < 60; ++i) {
    failed.info.id = "rfc7644/3.12/failure-" + std::to_string(i);  // 60 distinct root causes
    run.results.push_back(failed);
  }
  const auto md = render_markdown(run);
  EXPECT_TRUE(contains(md, "## Failures by root cause (60)"));
  EXPECT_TRUE(contains(md, "### 50. "));
  EXPECT_FALSE(contains(md, "### 51. "));
  EXPECT_TRUE(contains(md, "_10 more causes not shown; see the HTML report._"));
}

}  // namespace
}  // namespace scim::reports
