// Slow and waiting clients against the scim-reference-server binary (docs/reliability.md):
//   - slowloris connections (a request head that never ends) and slow readers (pipelined
//     requests whose answers are never read) do not starve an ordinary client: every one of its
//     requests is answered while all the slow clients are still held, and the slowloris
//     connections get 408 once the read timeout passes;
//   - RFC 8936 §2.5 long polls wait off the I/O thread: with one I/O thread and eight polls
//     waiting, ordinary requests are still answered at once; a ninth waiting request finds the
//     bounded pool full and gets 503 with Retry-After.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>

#include "scim/server/testing/elapsed.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::test {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Sanitized builds run several times slower (SCIM_TEST_TIMEOUT_SCALE, cmake/ScimTargets.cmake).
constexpr long kScale = SCIM_TEST_TIMEOUT_SCALE;

// The latency in ms of each of `n` ordinary requests made one after another; each must be 200.
std::vector<long> latencies_of(HttpClient& client, const std::string& url, int n) {
  std::vector<long> out;
  for (int i = 0; i < n; ++i) {
    const auto start = Clock::now();
    auto r = client.get(url);
    EXPECT_EQ(r.status, 200) << "ordinary request " << i << ": " << r.error << r.body;
    out.push_back(ms_since(start));
  }
  return out;
}

long slowest_of(HttpClient& client, const std::string& url, int n) {
  const auto all = latencies_of(client, url, n);
  return *std::max_element(all.begin(), all.end());
}

long median(std::vector<long> values) {
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

// Proves non-starvation by counting, not by a latency bound that a loaded machine can break: the
// slow clients' read and write timeouts (600 s) are far beyond the test, so a server that gave them
// its two I/O threads could answer no ordinary request before the client's own timeout (5 s), and
// every slowloris connection is checked to be still open and unanswered after the answers.
// The latencies are printed against a baseline measured on the same server before the slow
// clients came.
TEST(SlowClients, SlowlorisAndSlowReadersDoNotStarveOthers) {
  const std::string held = "600";  // s: never reached by the test (the server allows 3600)
  ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--token", "secret", "--threads", "2",
                                            "--read-timeout", held, "--write-timeout", held});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  const std::string url = server.url() + "/ServiceProviderConfig";
  HttpClient client;
  client.set_bearer("secret");
  client.set_timeout_ms(5'000 * kScale);
  constexpr int kOrdinary = 20;
  const auto baseline = latencies_of(client, url, kOrdinary);
  constexpr int kSlowloris = 100;
  constexpr int kSlowReaders = 20;
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < kSlowloris; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server.url()));
    ASSERT_TRUE(slow.back()->send("GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nX-Slow: "));
  }
  std::string pipelined;
  for (int i = 0; i < 500; ++i) {
    pipelined += "GET /scim/v2/Schemas HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer secret\r\n\r\n";
  }
  std::vector<std::unique_ptr<RawConnection>> readers;
  for (int i = 0; i < kSlowReaders; ++i) {
    // A small receive window, so that the server's writes block once its send buffer is full
    // (about 2 MB measured): without it, all 500 answers (21 MB) fit in the loopback buffers
    // and the reader would never hold a write.
    readers.push_back(std::make_unique<RawConnection>(server.url(), 8 * 1024));
    ASSERT_TRUE(readers.back()->send(pipelined));  // and never read the answers
  }
  const auto loaded = latencies_of(client, url, kOrdinary);
  int still_held = 0;
  for (auto& c : slow) still_held += c->open_and_silent() ? 1 : 0;
  EXPECT_EQ(still_held, kSlowloris) << "the slowloris connections were not held throughout";
  std::cout << "slow clients: " << kSlowloris << " slowloris + " << kSlowReaders
            << " slow readers held; " << kOrdinary << " ordinary requests, median "
            << median(loaded) << " ms, slowest " << *std::max_element(loaded.begin(), loaded.end())
            << " ms (before the slow clients: " << median(baseline) << " ms, "
            << *std::max_element(baseline.begin(), baseline.end()) << " ms)\n";
}

// A request head that never ends is cut at the read timeout, counted from its first byte, with
// 408 (RFC 9110 §15.5.9), and not before it.
TEST(SlowClients, SlowlorisIsAnswered408AtTheReadTimeout) {
  ServerProcess server(SCIM_SERVER_BINARY,
                       {"--port", "0", "--token", "secret", "--read-timeout", "1"});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  RawConnection slowloris(server.url());
  const auto start = Clock::now();
  ASSERT_TRUE(slowloris.send("GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nX-Slow: "));
  const std::string answer = slowloris.receive_until_close(10'000 * kScale);
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer.substr(0, 200);
  EXPECT_GE(ms_since(start), 950);
}

HttpResult long_poll(const std::string& url) {
  HttpClient client;
  client.set_bearer("secret");
  client.set_timeout_ms(20'000);
  return client.request("POST", url + "/Feeds/default/poll", "{}",
                        {"Content-Type: application/json"});
}

TEST(SlowClients, WaitingPollsDoNotHoldTheIoThread) {
  constexpr int kPolls = 8;
  ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--token", "secret", "--threads", "1",
                                            "--poll-max-wait", "3", "--poll-max-long-polls", "16",
                                            "--max-waiting-requests", std::to_string(kPolls)});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  const auto start = Clock::now();
  std::vector<std::future<HttpResult>> polls;
  for (int i = 0; i < kPolls; ++i) {
    polls.push_back(std::async(std::launch::async, long_poll, server.url()));
  }
  std::this_thread::sleep_for(500ms);  // every poll is waiting now (they wait 3 s)
  HttpClient client;
  client.set_bearer("secret");
  const long slowest = slowest_of(client, server.url() + "/ServiceProviderConfig", 20);
  // Held by the polls, the one I/O thread would answer nothing for 3 s (--poll-max-wait).
  EXPECT_LT(slowest, 1500) << "an ordinary request waited behind long polls";
  auto refused = long_poll(server.url());
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.header("retry-after"), "1");
  for (auto& p : polls) {
    auto r = p.get();
    EXPECT_EQ(r.status, 200) << r.error << r.body;
    EXPECT_EQ(r.json()["sets"], json::object());
  }
  const long waited = ms_since(start);
  EXPECT_GE(waited, 2900);  // they really waited for --poll-max-wait
  std::cout << "long polls: " << kPolls << " waiting on 1 I/O thread; slowest of 20 ordinary "
            << "requests " << slowest << " ms; poll " << kPolls + 1 << " got 503\n";
}

}  // namespace
}  // namespace scim::test
