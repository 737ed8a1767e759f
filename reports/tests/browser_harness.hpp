// Headless Chromium for the report browser tests (the server report's, reports/tests, and the
// client report's, suites/client): writes an HTML page to a temporary folder, lets its scripts run
// and returns the DOM they leave. Skips the test when Chromium is not installed
// (SCIM_DEPS_EXTRA=browser bash ci/setup-deps.sh installs it).
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace scim::reports::testing {

inline std::string find_chromium() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::string dirs(path);
  for (std::size_t start = 0; start <= dirs.size();) {
    auto end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
      const auto candidate = std::filesystem::path(dirs.substr(start, end - start)) / name;
      if (!candidate.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return {};
}

// Runs `command` through the shell and returns its stdout (the test controls every argument).
inline std::string run_capture(const std::string& command, int& status) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  while (auto n = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
    out.append(buffer.data(), n);
  status = ::pclose(pipe.release());
  return out;
}

// A fixture whose SetUp writes `page()` to report.html; dump_dom() renders it.
class BrowserTest : public ::testing::Test {
 protected:
  virtual std::string page() = 0;

  void SetUp() override {
    chromium_ = find_chromium();
    if (chromium_.empty()) GTEST_SKIP() << "chromium not installed (SCIM_DEPS_EXTRA=browser)";
    dir_ = std::filesystem::temp_directory_path() /
           ("scim-reports-browser-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "profile");
    std::ofstream(dir_ / "report.html") << page();
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
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
  std::filesystem::path dir_;
};

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace scim::reports::testing
