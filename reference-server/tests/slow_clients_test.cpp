// Slow and waiting clients against the scim-reference-server binary (docs/reliability.md):
//   - slowloris connections (a request head that never ends) and slow readers (pipelined
//     requests whose answers are never read) do not starve an ordinary client, and the
//     slowloris connections get 408 once the read timeout passes;
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

// The slowest of `n` ordinary requests made one after another, in ms.
long slowest_of(HttpClient& client, const std::string& url, int n) {
  long slowest = 0;
  for (int i = 0; i < n; ++i) {
    const auto start = Clock::now();
    auto r = client.get(url);
    EXPECT_EQ(r.status, 200) << r.error << r.body;
    slowest = std::max(slowest, ms_since(start));
  }
  return slowest;
}

TEST(SlowClients, SlowlorisAndSlowReadersDoNotStarveOthers) {
  ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--token", "secret", "--threads", "2",
                                            "--read-timeout", "2"});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
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
    readers.push_back(std::make_unique<RawConnection>(server.url()));
    readers.back()->send(pipelined);  // and never read the answers
  }
  HttpClient client;
  client.set_bearer("secret");
  const long slowest = slowest_of(client, server.url() + "/ServiceProviderConfig", 50);
  // Starved, a request would wait for the 2 s read timeout to free a thread; the bound leaves
  // room for sanitized builds on a loaded machine and still tells the two apart.
  EXPECT_LT(slowest, 1500) << "an ordinary request waited behind slow clients";
  // Slowloris connections are cut at the read timeout with 408 (RFC 9110 §15.5.9).
  std::this_thread::sleep_for(2500ms);
  const std::string answer = slow.front()->receive_until_close(3000);
  EXPECT_NE(answer.find("HTTP/1.1 408"), std::string::npos) << answer.substr(0, 200);
  std::cout << "slow clients: " << kSlowloris << " slowloris + " << kSlowReaders
            << " slow readers; slowest of 50 ordinary requests " << slowest << " ms\n";
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
