// LazyDeadline: the timeouts of options.hpp expire when they would with one timer per deadline,
// and a busy keep-alive connection arms its timer about once per the shortest timeout.
#include "scim/server/http/deadline.hpp"

#include <gtest/gtest.h>

namespace scim::http {
namespace {

using namespace std::chrono_literals;
using Clock = LazyDeadline::Clock;

TEST(LazyDeadline, FirstDeadlineArmsTheTimerAtMostCheckEveryAhead) {
  LazyDeadline d(30s);
  const Clock::time_point t0{};
  EXPECT_EQ(d.set(t0, 60s), t0 + 30s);  // idle timeout 60 s: checked after 30 s
  LazyDeadline short_one(30s);
  EXPECT_EQ(short_one.set(t0, 5s), t0 + 5s);  // a deadline inside the interval: exact
}

TEST(LazyDeadline, LaterDeadlinesNeedNoRearm) {
  LazyDeadline d(30s);
  const Clock::time_point t0{};
  ASSERT_TRUE(d.set(t0, 60s));
  // Requests on the keep-alive connection: read (30 s), write (30 s), idle (60 s) deadlines,
  // each set later than the last and so at or after the pending expiry (t0 + 30 s).
  for (int i = 1; i <= 1000; ++i) {
    const auto now = t0 + i * 1ms;
    EXPECT_FALSE(d.set(now, 30s)) << i;
    EXPECT_FALSE(d.set(now, 30s)) << i;
    EXPECT_FALSE(d.set(now, 60s)) << i;
  }
}

TEST(LazyDeadline, EarlierDeadlineRearmsAtIt) {
  LazyDeadline d(30s);
  const Clock::time_point t0{};
  ASSERT_TRUE(d.set(t0, 30s));
  EXPECT_EQ(d.set(t0 + 1s, 1s), t0 + 2s);  // the lingering close's 1 s
}

TEST(LazyDeadline, TimerFiringBeforeTheDeadlineRearmsForIt) {
  LazyDeadline d(30s);
  const Clock::time_point t0{};
  ASSERT_EQ(d.set(t0, 30s), t0 + 30s);
  ASSERT_FALSE(d.set(t0 + 20s, 60s));  // idle from t0 + 20 s: deadline t0 + 80 s
  auto first = d.fired(t0 + 30s);
  EXPECT_FALSE(first.expired);
  EXPECT_EQ(first.rearm_at, t0 + 60s);
  auto second = d.fired(t0 + 60s);
  EXPECT_FALSE(second.expired);
  EXPECT_EQ(second.rearm_at, t0 + 80s);  // never past the deadline
  auto third = d.fired(t0 + 80s);
  EXPECT_TRUE(third.expired);  // exactly at the deadline, as one timer per deadline would
  EXPECT_FALSE(third.rearm_at);
  EXPECT_FALSE(d.active());
}

TEST(LazyDeadline, ClearedDeadlineNeverExpiresAndTheNextSetArms) {
  LazyDeadline d(30s);
  const Clock::time_point t0{};
  ASSERT_TRUE(d.set(t0, 1s));
  d.clear();
  auto fired = d.fired(t0 + 1s);
  EXPECT_FALSE(fired.expired);
  EXPECT_FALSE(fired.rearm_at);  // no timer pending now
  EXPECT_EQ(d.set(t0 + 2s, 60s), t0 + 32s);
}

TEST(LazyDeadline, ATimerThatFiredLateStillExpiresTheDeadline) {
  LazyDeadline d(500ms);
  const Clock::time_point t0{};
  ASSERT_EQ(d.set(t0, 500ms), t0 + 500ms);   // read timeout 500 ms (http_server_test)
  EXPECT_TRUE(d.fired(t0 + 700ms).expired);  // a loaded machine ran the handler late
}

TEST(LazyDeadline, CheckEveryIsAtLeastOneMillisecond) {
  LazyDeadline d(0ms);
  const Clock::time_point t0{};
  EXPECT_EQ(d.set(t0, 10s), t0 + 1ms);
}

}  // namespace
}  // namespace scim::http
