// Renders a client report in headless Chromium, with the server report's harness
// (reports/tests/browser_harness.hpp), and checks the DOM after report.js ran: the verdict and
// the per-profile verdicts, the failed client checks with their profile sentence, the offending
// request with its credential redacted, and the client's hostile value kept as text. The report
// is the golden one (golden/session.json graded). Skips without Chromium. Label: browser.
#include <gtest/gtest.h>

#include <sstream>

#include "browser_harness.hpp"
#include "golden_files.hpp"
#include "scim/reports/reporter.hpp"
#include "scim/suites/client/grading.hpp"

namespace scim::suites::client {
namespace {

using reports::testing::contains;

class ClientReportBrowserTest : public reports::testing::BrowserTest {
 protected:
  std::string page() override {
    const auto text =
        reports::testing::read_file(std::filesystem::path(SCIM_CLIENT_GOLDEN_DIR) / "session.json");
    std::ostringstream out;
    reports::make_html_reporter()->write(
        grade_session(nlohmann::json::parse(text), "scim-reference-server"), out);
    return out.str();
  }
};

TEST_F(ClientReportBrowserTest, PageShowsTheClientsVerdictAndFindings) {
  const auto dom = dump_dom();
  ASSERT_FALSE(dom.empty());
  EXPECT_TRUE(contains(dom, "data-ready=\"true\"")) << "report.js did not run (CSP hash?)";
  EXPECT_TRUE(contains(dom, "id=\"verdict\">FAIL</div>"));
  EXPECT_TRUE(contains(dom, "interop: FAIL")) << "the per-profile verdict";
  EXPECT_TRUE(contains(dom, "client-rfc7643/3.1/no-client-id"));
  EXPECT_TRUE(contains(dom, "client-ipsie-al1/3.2.3.5/member-op"));
  EXPECT_TRUE(contains(dom, "Clients MUST NOT use operators other than eq and and."));
  EXPECT_TRUE(contains(dom, "authorization: [redacted]")) << "the offending request, redacted";
  EXPECT_FALSE(contains(dom, "client-token")) << "the client's token reached the report";
}

TEST_F(ClientReportBrowserTest, TheClientsHostileValueStaysText) {
  const auto dom = dump_dom();
  ASSERT_FALSE(dom.empty());
  EXPECT_FALSE(contains(dom, "id=\"pwned\"")) << "the client's <img> became an element";
  EXPECT_TRUE(contains(dom, "&lt;img src=x onerror=alert(2) id=pwned&gt;"));
}

}  // namespace
}  // namespace scim::suites::client
