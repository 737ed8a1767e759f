// The flat hash -> sequence number multimap of the store's indexes.
#include "scim/server/store/hash_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <vector>

namespace scim::store {
namespace {

std::vector<std::uint64_t> seqs_of(const HashIndex& index, std::uint64_t hash) {
  std::vector<std::uint64_t> out;
  index.visit(hash, [&](std::uint64_t seq) {
    out.push_back(seq);
    return true;
  });
  std::sort(out.begin(), out.end());
  return out;
}

TEST(HashIndex, EmptyFindsNothingAndAllocatesNothing) {
  HashIndex index;
  EXPECT_TRUE(seqs_of(index, 42).empty());
  EXPECT_FALSE(index.erase(42, 1));
  EXPECT_EQ(index.capacity(), 0u);
}

TEST(HashIndex, EqualHashesKeepEveryEntryAndEraseOnlyTheOneNamed) {
  HashIndex index;
  index.insert(7, 1);
  index.insert(7, 2);
  index.insert(8, 3);
  index.insert(7, 4);
  EXPECT_EQ(seqs_of(index, 7), (std::vector<std::uint64_t>{1, 2, 4}));
  EXPECT_EQ(seqs_of(index, 8), (std::vector<std::uint64_t>{3}));
  EXPECT_TRUE(seqs_of(index, 9).empty());
  EXPECT_TRUE(index.erase(7, 2));
  EXPECT_FALSE(index.erase(7, 2));
  EXPECT_FALSE(index.erase(8, 1));  // the sequence number is held under another hash
  EXPECT_EQ(seqs_of(index, 7), (std::vector<std::uint64_t>{1, 4}));
  EXPECT_EQ(seqs_of(index, 8), (std::vector<std::uint64_t>{3}));
  EXPECT_EQ(index.size(), 3u);
}

TEST(HashIndex, VisitStopsWhenAsked) {
  HashIndex index;
  for (std::uint64_t seq = 1; seq <= 5; ++seq) index.insert(99, seq);
  int calls = 0;
  index.visit(99, [&](std::uint64_t) { return ++calls < 2; });
  EXPECT_EQ(calls, 2);
}

TEST(HashIndex, SequenceNumberZeroIsRefused) {
  HashIndex index;
  EXPECT_THROW(index.insert(1, 0), std::invalid_argument);
  EXPECT_EQ(index.size(), 0u);
}

TEST(HashIndex, StaysAtMostThreeQuartersFull) {
  HashIndex index;
  for (std::uint64_t seq = 1; seq <= 1000; ++seq) {
    index.insert(seq * 0x100000001ull, seq);
    EXPECT_LE(index.size() * 4, index.capacity() * 3);
  }
  EXPECT_EQ(index.capacity(), 2048u);
}

// Random inserts and erases over a small hash space (long runs of equal and neighbouring hashes,
// runs that wrap around the end of the array, growth in between) against std::multimap: after
// every step each hash finds exactly its entries.
TEST(HashIndex, MatchesAMultimapUnderRandomInsertsAndErases) {
  for (const std::uint64_t hashes : {3ull, 40ull, 100000ull}) {
    std::mt19937_64 random(hashes);
    HashIndex index;
    std::multimap<std::uint64_t, std::uint64_t> expected;
    std::uint64_t next_seq = 1;
    for (int step = 0; step < 4000; ++step) {
      const std::uint64_t hash = random() % hashes;
      if (random() % 3 != 0 || expected.empty()) {
        index.insert(hash, next_seq);
        expected.emplace(hash, next_seq++);
      } else {
        auto victim = std::next(expected.begin(), random() % expected.size());
        ASSERT_TRUE(index.erase(victim->first, victim->second));
        expected.erase(victim);
      }
      ASSERT_EQ(index.size(), expected.size());
      if (step % 97 != 0) continue;
      std::vector<std::uint64_t> probes;  // every hash held, and some that are not
      for (const auto& entry : expected) probes.push_back(entry.first);
      for (std::uint64_t h = 0; h < 60; ++h) probes.push_back(h);
      for (const std::uint64_t h : probes) {
        std::vector<std::uint64_t> want;
        for (auto [it, end] = expected.equal_range(h); it != end; ++it) want.push_back(it->second);
        std::sort(want.begin(), want.end());
        ASSERT_EQ(seqs_of(index, h), want) << "hash " << h << " at step " << step;
      }
    }
    for (const auto& [hash, seq] : expected) ASSERT_TRUE(index.erase(hash, seq));
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(seqs_of(index, 0).empty());
  }
}

}  // namespace
}  // namespace scim::store
