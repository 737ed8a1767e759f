// Dash-free SET / transaction ids keep the v4 UUID version and variant bits (RFC 4122 §4.4).
#include "scim/server/events/ids.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace scim::events {
namespace {

TEST(Ids, RandomHexIdIsADashFreeV4Uuid) {
  const std::regex shape("^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto id = random_hex_id();
    EXPECT_TRUE(std::regex_match(id, shape)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace scim::events
