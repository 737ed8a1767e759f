// Renders the HTML report in headless Chromium and checks the DOM after report.js ran: the
// verdict and the failures are visible, filtering works on load, JSON is highlighted, and the
// hostile response did not become elements. Skips when Chromium is not installed
// (SCIM_DEPS_EXTRA=browser bash ci/setup-deps.sh installs it). Label: browser.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "sample_run.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

namespace fs = std::filesystem;

std::string find_chromium() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::string dirs(path);
  for (std::size_t start = 0; start <= dirs.size();) {
    auto end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
      const auto candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (!candidate.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return {};
}

// Runs `command` through the shell and returns its stdout (the test controls every argument).
std::string run_capture(const std::string& command, int& status) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  while (auto n = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
    out.append(buffer.data(), n);
  status = ::pclose(pipe.release());
  return out;
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = find_chromium();
    if (chromium_.empty()) GTEST_SKIP() << "chromium not installed (SCIM_DEPS_EXTRA=browser)";
    dir_ = fs::temp_directory_path() / ("scim-reports-browser-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "profile");
    std::ofstream(dir_ / "report.html") << render();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  static std::string render() {
    std::ostringstream out;
    make_html_reporter()->write(testing::sample_run(), out);
    return out.str();
  }

  std::string dump_dom() {
    const std::string command =
        "'" + chromium_ +
        "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--user-data-dir='" +
        (dir_ / "profile").string() +
        "' --virtual-time-budget=5000 "
        "--dump-dom 'file://" +
        (dir_ / "report.html").string() + "' 2>/dev/null";
    int status = -1;
    auto dom = run_capture(command, status);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "chromium failed: " << status;
    return dom;
  }

  std::string chromium_;
  fs::path dir_;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

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
