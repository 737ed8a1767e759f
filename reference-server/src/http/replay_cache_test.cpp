// The jti replay cache: once per jti until it expires, bounded, and full means refused.
#include "scim/server/http/replay_cache.hpp"

#include <gtest/gtest.h>

namespace scim::http {
namespace {

using std::chrono::seconds;
const ReplayCache::TimePoint t0{seconds(1'000'000)};

TEST(ReplayCache, SecondUseOfAJtiIsAReplayUntilItExpires) {
  ReplayCache cache(10);
  EXPECT_EQ(cache.remember("c\nj1", t0 + seconds(60), t0), ReplayCache::Outcome::Fresh);
  EXPECT_EQ(cache.remember("c\nj1", t0 + seconds(60), t0 + seconds(30)),
            ReplayCache::Outcome::Replayed);
  EXPECT_EQ(cache.remember("c\nj1", t0 + seconds(200), t0 + seconds(61)),
            ReplayCache::Outcome::Fresh);
}

TEST(ReplayCache, FullOfLiveEntriesRefusesAndExpiredOnesAreSwept) {
  ReplayCache cache(2);
  EXPECT_EQ(cache.remember("a", t0 + seconds(10), t0), ReplayCache::Outcome::Fresh);
  EXPECT_EQ(cache.remember("b", t0 + seconds(100), t0), ReplayCache::Outcome::Fresh);
  EXPECT_EQ(cache.remember("c", t0 + seconds(100), t0 + seconds(5)), ReplayCache::Outcome::Full);
  EXPECT_EQ(cache.size(), 2u);
  // "a" expired at t0+10: the sweep frees its slot, and "b" is still remembered.
  EXPECT_EQ(cache.remember("c", t0 + seconds(100), t0 + seconds(11)), ReplayCache::Outcome::Fresh);
  EXPECT_EQ(cache.remember("b", t0 + seconds(100), t0 + seconds(12)),
            ReplayCache::Outcome::Replayed);
}

}  // namespace
}  // namespace scim::http
