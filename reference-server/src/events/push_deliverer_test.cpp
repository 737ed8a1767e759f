// Push deliverer (RFC 8935): 202 is success, 400 is a final rejection, other failures retry with
// backoff; the queue is bounded and never blocks; stop() is clean.
#include "scim/server/events/push_deliverer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <mutex>

namespace scim::events {
namespace {

using namespace std::chrono_literals;

// Answers from a script; then 202 forever. Can block until released to fill the queue.
class ScriptedTransport : public PushTransport {
 public:
  std::deque<PushOutcome> script;
  std::vector<std::string> received;
  std::vector<PushTarget> targets;
  std::atomic<bool> hold{false};
  std::atomic<int> entered{0};
  std::mutex mu;

  PushOutcome post(const PushTarget& target, const std::string& jwt) override {
    ++entered;
    while (hold.load()) std::this_thread::sleep_for(1ms);
    std::lock_guard lock(mu);
    received.push_back(jwt);
    targets.push_back(target);
    if (script.empty()) return {202, "", ""};
    auto out = script.front();
    script.pop_front();
    return out;
  }
};

// Waits, boundedly, until the worker is inside the transport: a fixed sleep is not enough on a
// loaded machine, where the worker may not have been scheduled yet.
bool worker_entered(const ScriptedTransport& t, int calls) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (t.entered.load() < calls) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

PushLimits fast() {
  PushLimits l;
  l.initial_backoff = 1ms;
  l.max_backoff = 4ms;
  l.max_attempts = 3;
  return l;
}

TEST(PushDeliverer, Rfc8935Section2_2AcceptedCountsAsDelivered) {
  ScriptedTransport t;
  PushDeliverer d("r1", {"http://127.0.0.1:1/events", "tok"}, t, fast());
  ASSERT_TRUE(d.enqueue("j1", "SET1"));
  ASSERT_TRUE(d.wait_idle(5s));
  EXPECT_EQ(d.counters().delivered, 1u);
  EXPECT_EQ(t.received, std::vector<std::string>{"SET1"});
  EXPECT_EQ(t.targets[0].bearer_token, "tok");
}

TEST(PushDeliverer, TransientFailuresAreRetriedWithBackoff) {
  ScriptedTransport t;
  t.script = {{0, "", "connection refused"}, {503, "", ""}};
  std::vector<std::string> logs;
  std::mutex log_mu;
  PushDeliverer d("r1", {"http://x/", ""}, t, fast(), [&](std::string_view l) {
    std::lock_guard lock(log_mu);
    logs.emplace_back(l);
  });
  d.enqueue("j1", "SET1");
  ASSERT_TRUE(d.wait_idle(5s));
  const auto c = d.counters();
  EXPECT_EQ(c.delivered, 1u);
  EXPECT_EQ(c.retried, 2u);
  EXPECT_EQ(t.received.size(), 3u);
  std::lock_guard lock(log_mu);
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_NE(logs[0].find("connection refused"), std::string::npos);
}

TEST(PushDeliverer, Section2_3BadRequestIsFinalAndErrorBodyIsLogged) {
  ScriptedTransport t;
  t.script = {{400, R"({"err":"invalid_key","description":"Key ID 12345 has been revoked."})", ""}};
  PushDeliverer d("r1", {"http://x/", ""}, t, fast());
  d.enqueue("j1", "SET1");
  ASSERT_TRUE(d.wait_idle(5s));
  const auto c = d.counters();
  EXPECT_EQ(c.rejected, 1u);
  EXPECT_EQ(c.retried, 0u);
  EXPECT_EQ(c.last_error, "HTTP 400 err=invalid_key description=Key ID 12345 has been revoked.");
}

TEST(PushDeliverer, GivesUpAfterMaxAttempts) {
  ScriptedTransport t;
  t.script = {{500, "", ""}, {500, "", ""}, {500, "", ""}};
  PushDeliverer d("r1", {"http://x/", ""}, t, fast());
  d.enqueue("j1", "SET1");
  ASSERT_TRUE(d.wait_idle(5s));
  EXPECT_EQ(d.counters().failed, 1u);
  EXPECT_EQ(d.counters().delivered, 0u);
  EXPECT_EQ(t.received.size(), 3u);
}

TEST(PushDeliverer, FullQueueDropsWithoutBlocking) {
  ScriptedTransport t;
  t.hold = true;
  PushLimits limits = fast();
  limits.queue_capacity = 2;
  PushDeliverer d("r1", {"http://x/", ""}, t, limits);
  d.enqueue("j0", "S0");
  ASSERT_TRUE(worker_entered(t, 1));  // the worker took j0 and blocks in the transport
  EXPECT_TRUE(d.enqueue("j1", "S1"));
  EXPECT_TRUE(d.enqueue("j2", "S2"));
  EXPECT_FALSE(d.enqueue("j3", "S3"));
  EXPECT_EQ(d.counters().dropped, 1u);
  t.hold = false;
  ASSERT_TRUE(d.wait_idle(5s));
  EXPECT_EQ(d.counters().delivered, 3u);
}

TEST(PushDeliverer, StopDropsQueuedAndRejectsNewWork) {
  ScriptedTransport t;
  t.hold = true;
  PushDeliverer d("r1", {"http://x/", ""}, t, fast());
  d.enqueue("j0", "S0");
  ASSERT_TRUE(worker_entered(t, 1));
  d.enqueue("j1", "S1");
  // Release the transport only once stop() has discarded j1, so the worker cannot take it first.
  std::thread release([&] {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (d.counters().dropped < 1 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(1ms);
    t.hold = false;
  });
  d.stop();
  release.join();
  EXPECT_FALSE(d.enqueue("j2", "S2"));
  EXPECT_EQ(d.counters().dropped, 2u);  // j1 discarded at stop, j2 refused
}

}  // namespace
}  // namespace scim::events
