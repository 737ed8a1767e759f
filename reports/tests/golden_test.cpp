// Golden-file tests: each reporter's output for sample_run() must match reports/tests/golden/
// byte for byte, which also proves the output is deterministic. After an intended change,
// regenerate with:  SCIM_UPDATE_GOLDEN=1 build/dev/bin/reports_tests --gtest_filter='Golden*'
// and review the diff.
#include <gtest/gtest.h>

#include <sstream>

#include "golden_files.hpp"
#include "sample_run.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

std::string render(const Reporter& reporter, const conf::RunResult& run) {
  std::ostringstream out;
  reporter.write(run, out);
  return out.str();
}

void expect_golden(const Reporter& reporter, const std::string& file) {
  testing::expect_golden_text(std::filesystem::path(SCIM_REPORTS_GOLDEN_DIR) / file,
                              render(reporter, testing::sample_run()));
}

TEST(Golden, Junit) {
  expect_golden(*make_junit_reporter(), "junit.xml");
}
TEST(Golden, Html) {
  expect_golden(*make_html_reporter(), "report.html");
}
TEST(Golden, Json) {
  expect_golden(*make_json_reporter(), "results.json");
}
TEST(Golden, Markdown) {
  expect_golden(*make_markdown_reporter(), "summary.md");
}

TEST(Golden, RenderingTwiceGivesIdenticalOutput) {
  const std::unique_ptr<Reporter> reporters[] = {make_junit_reporter(), make_html_reporter(),
                                                 make_json_reporter(), make_markdown_reporter()};
  for (const auto& reporter : reporters) {
    EXPECT_EQ(render(*reporter, testing::sample_run()), render(*reporter, testing::sample_run()))
        << reporter->name();
  }
}

}  // namespace
}  // namespace scim::reports
