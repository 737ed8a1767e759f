// Golden-file tests: each reporter's output for sample_run() must match reports/tests/golden/
// byte for byte, which also proves the output is deterministic. After an intended change,
// regenerate with:  SCIM_UPDATE_GOLDEN=1 build/dev/bin/reports_tests --gtest_filter='Golden*'
// and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sample_run.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

std::string render(const Reporter& reporter, const conf::RunResult& run) {
  std::ostringstream out;
  reporter.write(run, out);
  return out.str();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// "line N: golden <...> / actual <...>" for the first difference, so a failure stays readable.
std::string first_difference(const std::string& golden, const std::string& actual) {
  std::istringstream g(golden);
  std::istringstream a(actual);
  std::string gl;
  std::string al;
  for (int line = 1;; ++line) {
    const bool gok = static_cast<bool>(std::getline(g, gl));
    const bool aok = static_cast<bool>(std::getline(a, al));
    if (!gok && !aok) return "no line differs (trailing bytes differ)";
    if (gok != aok || gl != al) {
      return "line " + std::to_string(line) + ":\n  golden: " + (gok ? gl : "<end>") +
             "\n  actual: " + (aok ? al : "<end>");
    }
  }
}

void expect_golden(const Reporter& reporter, const std::string& file) {
  const auto path = std::filesystem::path(SCIM_REPORTS_GOLDEN_DIR) / file;
  const auto actual = render(reporter, testing::sample_run());
  const char* update = std::getenv("SCIM_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing; run with SCIM_UPDATE_GOLDEN=1";
  const auto golden = read_file(path);
  EXPECT_TRUE(golden == actual) << path << " differs at " << first_difference(golden, actual)
                                << "\nIf intended, regenerate with SCIM_UPDATE_GOLDEN=1.";
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
