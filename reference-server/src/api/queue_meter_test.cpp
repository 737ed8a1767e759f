// QueueMeter: counts, and reports a full queue once per episode.
#include "scim/server/api/queue_meter.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace scim::server {
namespace {

TEST(QueueMeter, CountsAndReportsOncePerFullEpisode) {
  std::vector<std::string> lines;
  QueueMeter meter("jobs", 2, [&](std::string_view line) { lines.emplace_back(line); });
  meter.on_accepted();
  meter.on_accepted();
  for (int i = 0; i < 5; ++i) meter.on_refused();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "jobs: full (capacity 2); refusing or dropping items until it has room");
  EXPECT_TRUE(meter.counters().full);
  meter.on_accepted();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "jobs: has room again after refusing 5 items in all");
  meter.on_refused();
  auto c = meter.counters();
  EXPECT_EQ(c.name, "jobs");
  EXPECT_EQ(c.capacity, 2u);
  EXPECT_EQ(c.accepted, 3u);
  EXPECT_EQ(c.refused, 6u);
  EXPECT_EQ(c.full_episodes, 2u);
  EXPECT_EQ(lines.size(), 3u);
}

}  // namespace
}  // namespace scim::server
