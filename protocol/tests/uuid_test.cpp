// Version 4 UUIDs (RFC 4122 §4.4): textual format, version and variant bits, and uniqueness.
#include "scim/protocol/uuid.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace scim {
namespace {

TEST(UuidV4, HasTheRfc4122TextFormatWithVersionAndVariantBits) {
  // §3: 8-4-4-4-12 hex; §4.1.3: version nibble 4; §4.1.1: variant bits 10 (8, 9, a or b).
  const std::regex format("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  for (int i = 0; i < 1000; ++i) {
    const std::string id = new_uuid_v4();
    ASSERT_EQ(id.size(), 36u);
    EXPECT_TRUE(std::regex_match(id, format)) << id;
  }
}

TEST(UuidV4, TenThousandAreDistinct) {
  std::unordered_set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(new_uuid_v4());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(UuidV4, RandomBitsVary) {
  // Every non-fixed hex position takes more than one value across samples (not a constant).
  std::string first = new_uuid_v4();
  std::vector<bool> varied(first.size(), false);
  for (int i = 0; i < 200; ++i) {
    const std::string id = new_uuid_v4();
    for (std::size_t p = 0; p < id.size(); ++p) varied[p] = varied[p] || id[p] != first[p];
  }
  for (std::size_t p = 0; p < first.size(); ++p) {
    const bool fixed = first[p] == '-' || p == 14;  // dashes and the version nibble
    EXPECT_EQ(varied[p], !fixed) << "position " << p;
  }
}

// The pool hands out the same format; across several refills of its buffer (256 ids each), from
// several threads at once, no id repeats.
TEST(UuidPool, SameFormatAndDistinctAcrossRefillsAndThreads) {
  const std::regex format("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  UuidPool pool;
  std::vector<std::vector<std::string>> ids(4);
  std::vector<std::thread> threads;
  for (auto& mine : ids) {
    threads.emplace_back([&pool, &mine] {
      for (int i = 0; i < 1000; ++i) mine.push_back(pool.next());
    });
  }
  for (auto& t : threads) t.join();
  std::unordered_set<std::string> seen;
  for (const auto& mine : ids) {
    for (const auto& id : mine) {
      EXPECT_TRUE(std::regex_match(id, format)) << id;
      seen.insert(id);
    }
  }
  EXPECT_EQ(seen.size(), 4000u);
}

}  // namespace
}  // namespace scim
