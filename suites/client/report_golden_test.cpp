// Golden-file tests of a client report: golden/session.json is a grading session the reference
// server recorded (a connector's mistakes and the profiles' rules broken, captured by
// golden/capture.sh and normalised: fixed clock, port, ids and ETags), graded as the admin API
// grades it; each reporter's output must match golden/ byte for byte, as the server report's must
// (reports/tests/golden_test.cpp). After an intended change, regenerate with
//   SCIM_UPDATE_GOLDEN=1 build/ci/bin/client_checks_tests --gtest_filter='ClientReportGolden*'
// and review the diff.
#include <gtest/gtest.h>

#include <sstream>

#include "golden_files.hpp"
#include "scim/reports/reporter.hpp"
#include "scim/suites/client/grading.hpp"

namespace scim::suites::client {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(SCIM_CLIENT_GOLDEN_DIR);

conf::RunResult graded() {
  const auto text = reports::testing::read_file(kGolden / "session.json");
  return grade_session(nlohmann::json::parse(text), "scim-reference-server");
}

void expect_golden(const reports::Reporter& reporter, const std::string& file) {
  std::ostringstream out;
  reporter.write(graded(), out);
  reports::testing::expect_golden_text(kGolden / file, out.str());
}

TEST(ClientReportGolden, Junit) {
  expect_golden(*reports::make_junit_reporter(), "junit.xml");
}
TEST(ClientReportGolden, Html) {
  expect_golden(*reports::make_html_reporter(), "report.html");
}
TEST(ClientReportGolden, Json) {
  expect_golden(*reports::make_json_reporter(), "results.json");
}
TEST(ClientReportGolden, Markdown) {
  expect_golden(*reports::make_markdown_reporter(), "summary.md");
}

// The fixture is what the goldens claim it is: a failing verdict with RFC and profile findings.
TEST(ClientReportGolden, TheSessionHasRfcAndProfileFindings) {
  const auto run = graded();
  EXPECT_EQ(run.exit_code(), 1);
  EXPECT_EQ(run.profile, "interop,ipsie-al1");
  std::set<std::string> failed;
  for (const auto& r : run.results) {
    if (r.outcome == conf::Outcome::Failed) failed.insert(r.info.spec());
  }
  EXPECT_EQ(failed, (std::set<std::string>{"client-rfc7643", "client-rfc7644", "client-interop",
                                           "client-ipsie-al1"}));
}

}  // namespace
}  // namespace scim::suites::client
