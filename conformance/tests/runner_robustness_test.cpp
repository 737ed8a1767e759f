// The runner against endpoints that misbehave (docs/reliability.md): one that hangs, resets
// connections, answers HTML, invalid JSON, gigantic bodies or endless redirects, or tarpits.
// scim-conformance runs as a child process against MisbehavingServer. For each misbehaviour it
// must exit normally (1: the run has errors) within its timeouts, report `error` with the reason
// for every check that met the misbehaviour (never `failed`), and write a bounded report.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "misbehaving_server.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::conf::test {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Expectation {
  Misbehaviour how;
  const char* name;
  const char* reason;  // part of every affected check's message
  // The runner's --timeout. 2 s makes the hang and tarpit cases quick; the 64 MiB case gets more
  // so that the size limit, not the clock, ends its transfers on a loaded or sanitized machine.
  int timeout_s = 2;
};

class RunnerRobustness : public ::testing::TestWithParam<Expectation> {};

// The checks whose requests went beyond discovery (the ones that met the misbehaviour).
bool touched_endpoint(const json& check) {
  for (const auto& ex : check.value("exchanges", json::array())) {
    const std::string url = ex.value("url", "");
    if (url.find("/ServiceProviderConfig") == std::string::npos &&
        url.find("/ResourceTypes") == std::string::npos &&
        url.find("/Schemas") == std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST_P(RunnerRobustness, ReportsAnErrorPerAffectedCheckWithinItsTimeouts) {
  const Expectation e = GetParam();
  MisbehavingServer server(e.how);
  const auto report =
      std::filesystem::temp_directory_path() /
      ("robustness-" + std::string(e.name) + "-" + std::to_string(::getpid()) + ".json");
  const auto start = Clock::now();
  // Request timeout 2 s (see Expectation), check timeout 3x that, 8 checks at once: 21
  // create/read/delete checks.
  auto run = scim::test::run_to_completion(SCIM_CONFORMANCE_BINARY,
                                           {"run",
                                            "--base-url",
                                            server.base_url(),
                                            "--token",
                                            "t",
                                            "--only",
                                            "rfc7644/3.3/*",
                                            "--only",
                                            "rfc7644/3.4.1/*",
                                            "--only",
                                            "rfc7644/3.6/*",
                                            "--timeout",
                                            std::to_string(e.timeout_s),
                                            "--check-timeout",
                                            std::to_string(3 * e.timeout_s),
                                            "--jobs",
                                            "8",
                                            "--color",
                                            "never",
                                            "--json",
                                            report.string()},
                                           120'000);
  const auto seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_TRUE(run.exit_code.has_value()) << "the runner crashed or hung: " << run.err;
  EXPECT_EQ(*run.exit_code, 1) << run.out << run.err;
  EXPECT_LT(seconds, 60.0);
  EXPECT_GT(server.misbehaved(), 0);

  ASSERT_TRUE(std::filesystem::exists(report)) << run.out << run.err;
  EXPECT_LT(std::filesystem::file_size(report), 8u << 20) << "transcripts are not bounded";
  std::ifstream in(report);
  const json results = json::parse(in, nullptr, false);
  ASSERT_TRUE(results.is_object());
  int affected = 0;
  for (const auto& check : results.value("checks", json::array())) {
    if (!touched_endpoint(check)) continue;
    ++affected;
    const std::string id = check.value("id", "");
    EXPECT_EQ(check.value("outcome", ""), "error") << id << ": " << check.dump().substr(0, 600);
    EXPECT_NE(check.value("message", "").find(e.reason), std::string::npos)
        << id << ": " << check.value("message", "");
  }
  EXPECT_GT(affected, 5);
  std::filesystem::remove(report);
  std::cout << e.name << ": " << affected << " checks reported error in " << seconds << " s\n";
}

INSTANTIATE_TEST_SUITE_P(
    Misbehaviours, RunnerRobustness,
    ::testing::Values(Expectation{Misbehaviour::Hang, "hang", "Timeout"},
                      // curl says "Recv failure: Connection reset by peer" or "Failure when
                      // receiving data from the peer", depending on when the reset lands.
                      Expectation{Misbehaviour::Reset, "reset", "peer"},
                      Expectation{Misbehaviour::Html, "html", "text/html"},
                      Expectation{Misbehaviour::InvalidJson, "invalid-json", "not JSON"},
                      Expectation{Misbehaviour::Gigantic, "gigantic", "size limits", 20},
                      Expectation{Misbehaviour::RedirectLoop, "redirect-loop", "redirects"},
                      Expectation{Misbehaviour::Tarpit, "tarpit", "Timeout"}),
    [](const auto& info) {
      std::string name = info.param.name;
      std::erase(name, '-');
      return name;
    });

}  // namespace
}  // namespace scim::conf::test
