// Renders the HTML report in headless Chromium and checks the DOM after report.js ran: the
// verdict and the failures are visible, filtering works on load, JSON is highlighted, and the
// hostile response did not become elements. Skips when Chromium is not installed
// (SCIM_DEPS_EXTRA=browser bash ci/setup-deps.sh installs it). Label: browser.
#include <gtest/gtest.h>

#include <sstream>

#include "browser_harness.hpp"
#include "sample_run.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

using testing::contains;

class BrowserTest : public testing::BrowserTest {
 protected:
  std::string page() override {
    std::ostringstream out;
    make_html_reporter()->write(testing::sample_run(), out);
    return out.str();
  }
};

TEST_F(BrowserTest, PageShowsVerdictAndFailuresAfterScriptsRun) {
  const auto dom = dump_dom();
  ASSERT_FALSE(dom.empty());
  EXPECT_TRUE(contains(dom, "data-ready=\"true\"")) << "report.js did not run (CSP hash?)";
  EXPECT_TRUE(contains(dom, "id=\"verdict\">FAIL</div>"));
  EXPECT_TRUE(contains(dom, "Showing 12 of 12 checks"));
  // Issue 13: the page opens with the failures grouped by root cause, before the summary.
  const auto causes = dom.find("<section id=\"causes\"");
  ASSERT_NE(causes, std::string::npos);
  EXPECT_LT(causes, dom.find("<section id=\"summary\""));
  EXPECT_TRUE(contains(dom, "rfc7644/3.4.2.2/unknown-operator-is-invalid-filter"));
  EXPECT_TRUE(contains(dom, "HTTP 200 with a ListResponse of 1 resource"));
  EXPECT_TRUE(contains(dom, "<span class=\"j-key\">\"totalResults\"</span>"));
  EXPECT_TRUE(contains(dom, "class=\"part failed\""));  // coverage bars drawn
}

TEST_F(BrowserTest, HostileResponseStaysText) {
  const auto dom = dump_dom();
  ASSERT_FALSE(dom.empty());
  EXPECT_FALSE(contains(dom, "id=\"pwned\"")) << "the injected <img> became an element";
  EXPECT_FALSE(contains(dom, "<script>alert"));
  EXPECT_TRUE(contains(dom, "&lt;img src=x onerror=alert(2) id=pwned&gt;"));
}

}  // namespace
}  // namespace scim::reports
