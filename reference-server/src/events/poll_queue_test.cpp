// Poll queue semantics of RFC 8936 §2.2-§2.5: ack, setErrs, maxEvents, returnImmediately, long
// poll, redelivery of unacknowledged SETs, bounded retention.
#include "scim/server/events/poll_queue.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace scim::events {
namespace {

using namespace std::chrono_literals;

struct FakeClock {
  std::chrono::steady_clock::time_point now = std::chrono::steady_clock::time_point{} + 1h;
  PollQueue::Clock fn() {
    return [this] { return now; };
  }
};

PollRequest immediate() {
  PollRequest r;
  r.return_immediately = true;
  return r;
}

std::vector<std::string> jtis(const PollResult& r) {
  std::vector<std::string> out;
  for (const auto& [jti, jwt] : r.sets) out.push_back(jti);
  return out;
}

TEST(PollQueue, Rfc8936Section2_4_1PollOnlyReturnsOldestFirst) {
  PollQueue q;
  q.publish("a", "A");
  q.publish("b", "B");
  auto r = q.poll(immediate(), 0ms);
  EXPECT_EQ(jtis(r), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.sets[0].second, "A");
  EXPECT_FALSE(r.more_available);
}

TEST(PollQueue, Section2_2MaxEventsLimitsAndSetsMoreAvailable) {
  PollQueue q;
  for (auto j : {"a", "b", "c"}) q.publish(j, j);
  PollRequest req = immediate();
  req.max_events = 2;
  auto r = q.poll(req, 0ms);
  EXPECT_EQ(jtis(r), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(r.more_available);
}

TEST(PollQueue, Section2_4_2AcknowledgeOnlyReturnsNothingAndReleases) {
  PollQueue q;
  q.publish("a", "A");
  q.publish("b", "B");
  (void)q.poll(immediate(), 0ms);
  PollRequest ack = immediate();
  ack.ack = {"a", "b", "unknown-jti"};
  ack.max_events = 0;
  auto r = q.poll(ack, 0ms);
  EXPECT_TRUE(r.sets.empty());
  EXPECT_EQ(q.size(), 0u);
  EXPECT_EQ(q.counters().acknowledged, 2u);
}

TEST(PollQueue, UnacknowledgedSetsAreRedeliveredAfterDelay) {
  FakeClock clock;
  PollQueueLimits limits;
  limits.redelivery_after = 10s;
  PollQueue q(limits, clock.fn());
  q.publish("a", "A");
  EXPECT_EQ(jtis(q.poll(immediate(), 0ms)), std::vector<std::string>{"a"});
  EXPECT_TRUE(q.poll(immediate(), 0ms).sets.empty());  // handed out, not yet due again
  clock.now += 11s;
  EXPECT_EQ(jtis(q.poll(immediate(), 0ms)), std::vector<std::string>{"a"});
  EXPECT_EQ(q.counters().redelivered, 1u);
}

TEST(PollQueue, Section2_4_4SetErrsReleaseAndAreRecorded) {
  PollQueue q;
  q.publish("a", "A");
  PollRequest req = immediate();
  req.set_errs["a"] = {"authentication_failed", "bad key"};
  (void)q.poll(req, 0ms);
  EXPECT_EQ(q.size(), 0u);
  EXPECT_EQ(q.counters().errors_reported, 1u);
  ASSERT_EQ(q.recent_errors().size(), 1u);
  EXPECT_EQ(q.recent_errors()[0], "a: authentication_failed: bad key");
}

TEST(PollQueue, FullQueueDropsOldestAndCounts) {
  PollQueueLimits limits;
  limits.max_entries = 2;
  PollQueue q(limits);
  for (auto j : {"a", "b", "c"}) q.publish(j, j);
  EXPECT_EQ(q.counters().dropped_full, 1u);
  EXPECT_EQ(jtis(q.poll(immediate(), 0ms)), (std::vector<std::string>{"b", "c"}));
}

TEST(PollQueue, OldSetsExpire) {
  FakeClock clock;
  PollQueueLimits limits;
  limits.max_age = 60s;
  PollQueue q(limits, clock.fn());
  q.publish("a", "A");
  clock.now += 61s;
  q.publish("b", "B");
  EXPECT_EQ(jtis(q.poll(immediate(), 0ms)), std::vector<std::string>{"b"});
  EXPECT_EQ(q.counters().expired, 1u);
}

TEST(PollQueue, DuplicateJtiIsPublishedOnce) {
  PollQueue q;
  q.publish("a", "A");
  q.publish("a", "A");
  EXPECT_EQ(q.size(), 1u);
}

// The index by jti and the entries stay one: in a full queue a held jti is not published again
// and evicts nothing; an evicted one is gone from the index (its ack is a no-op, RFC 8936 §2.4)
// and may be published anew; acks reach the SETs kept.
TEST(PollQueue, AFullQueueKeepsItsIndexInStep) {
  PollQueueLimits limits;
  limits.max_entries = 2;
  PollQueue q(limits);
  for (auto j : {"a", "b"}) q.publish(j, j);
  q.publish("b", "again");
  EXPECT_EQ(q.counters().dropped_full, 0u);
  EXPECT_EQ(q.counters().published, 2u);
  q.publish("c", "C");  // evicts "a"
  PollRequest ack = immediate();
  ack.ack = {"a", "b"};
  auto r = q.poll(ack, 0ms);
  EXPECT_EQ(jtis(r), std::vector<std::string>{"c"});
  EXPECT_EQ(q.counters().acknowledged, 1u);  // "a" was no longer held
  q.publish("a", "A2");                      // not held: a SET again
  r = q.poll(immediate(), 0ms);
  EXPECT_EQ(jtis(r), std::vector<std::string>{"a"});  // "c" waits for its redelivery delay
  EXPECT_EQ(r.sets[0].second, "A2");
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(q.counters().dropped_full, 1u);

  PollQueue none(PollQueueLimits{.max_entries = 0});
  none.publish("a", "A");
  none.publish("a", "A");
  EXPECT_EQ(none.size(), 0u);
  EXPECT_EQ(none.counters().dropped_full, 2u);
}

TEST(PollQueue, Section2_5LongPollWaitsForPublication) {
  PollQueue q;
  std::thread publisher([&] {
    std::this_thread::sleep_for(50ms);
    q.publish("late", "L");
  });
  const auto start = std::chrono::steady_clock::now();
  auto r = q.poll(PollRequest{}, 5s);
  publisher.join();
  EXPECT_EQ(jtis(r), std::vector<std::string>{"late"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

TEST(PollQueue, LongPollTimesOutEmptyAndCloseWakesWaiters) {
  PollQueue q;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(q.poll(PollRequest{}, 60ms).sets.empty());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
  std::thread closer([&] {
    std::this_thread::sleep_for(30ms);
    q.close();
  });
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(q.poll(PollRequest{}, 10s).sets.empty());
  closer.join();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
}

}  // namespace
}  // namespace scim::events
