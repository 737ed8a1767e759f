// Fixture cleanup order and robustness.
#include "scim/conformance/core/fixtures.hpp"

#include <gtest/gtest.h>

namespace scim::conf {
namespace {

TEST(Fixtures, CleanupDeletesNewestFirst) {
  FixtureTracker t;
  t.track("/Users/1");
  t.track("/Groups/2");
  t.track("/Users/3");
  std::vector<std::string> order;
  const auto left = t.cleanup([&](const std::string& l) {
    order.push_back(l);
    return 204;
  });
  EXPECT_EQ(order, (std::vector<std::string>{"/Users/3", "/Groups/2", "/Users/1"}));
  EXPECT_TRUE(left.empty());
  EXPECT_TRUE(t.tracked().empty());
}

TEST(Fixtures, NotFoundCountsAsGoneAndFailuresAreLeftovers) {
  FixtureTracker t;
  t.track("/Users/1");
  t.track("/Users/2");
  t.track("/Users/3");
  const auto left = t.cleanup([](const std::string& l) {
    if (l == "/Users/1") return 404;
    if (l == "/Users/2") return 500;
    return 0;  // no answer
  });
  EXPECT_EQ(left, (std::vector<std::string>{"/Users/2", "/Users/3"}));
}

TEST(Fixtures, ExceptionDuringOneDeleteDoesNotStopTheOthers) {
  FixtureTracker t;
  t.track("/Users/1");
  t.track("/Users/2");
  int calls = 0;
  const auto left = t.cleanup([&](const std::string& l) -> int {
    ++calls;
    if (l == "/Users/2") throw std::runtime_error("boom");
    return 200;
  });
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(left, std::vector<std::string>{"/Users/2"});
}

TEST(Fixtures, UntrackAndDuplicatesAndLimit) {
  FixtureTracker t;
  t.track("/Users/1");
  t.track("/Users/1");
  t.untrack("/Users/1");
  EXPECT_TRUE(t.tracked().empty());
  for (std::size_t i = 0; i < FixtureTracker::kMaxTracked; ++i) {
    ASSERT_TRUE(t.track("/Users/" + std::to_string(i)));
  }
  EXPECT_FALSE(t.track("/Users/one-too-many"));
}

}  // namespace
}  // namespace scim::conf
