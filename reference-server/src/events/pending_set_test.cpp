// SETs signed on first use (pending_set.hpp): built at most once, by whichever reader comes
// first, and the same bytes for every reader after.
#include "scim/server/events/pending_set.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace scim::events {
namespace {

TEST(PendingSet, ASignedSetIsHandedOutAsIs) {
  const PendingSet set("jti-1", std::string("a.b.c"));
  EXPECT_EQ(set.jti(), "jti-1");
  EXPECT_EQ(set.jwt(), "a.b.c");
}

TEST(PendingSet, BuildsOnFirstUseOnly) {
  int builds = 0;
  const PendingSet set("jti-1", PendingSet::Build([&] {
                         ++builds;
                         return std::string("h.p.s") + std::to_string(builds);
                       }));
  EXPECT_EQ(builds, 0);  // issuing it signs nothing
  EXPECT_EQ(set.jwt(), "h.p.s1");
  EXPECT_EQ(set.jwt(), "h.p.s1");
  EXPECT_EQ(builds, 1);
}

// A SET that holds what it is made of (the hub's write SETs): made once, on first use.
class Counted final : public PendingSet {
 public:
  Counted(std::string jti, int& makes) : PendingSet(std::move(jti)), makes_(makes) {}

 private:
  std::string make() const override { return jti() + ".made." + std::to_string(++makes_); }
  int& makes_;
};

TEST(PendingSet, ASubclassMakesItOnFirstUseOnly) {
  int makes = 0;
  const Counted set("jti-1", makes);
  EXPECT_EQ(makes, 0);
  EXPECT_EQ(set.jti(), "jti-1");
  EXPECT_EQ(set.jwt(), "jti-1.made.1");
  EXPECT_EQ(set.jwt(), "jti-1.made.1");
  EXPECT_EQ(makes, 1);
}

// Poll requests and push workers may read one SET at the same moment: one build, one answer.
TEST(PendingSet, ConcurrentReadersShareOneBuild) {
  std::atomic<int> builds{0};
  const PendingSet set("jti-1", PendingSet::Build([&] {
                         ++builds;
                         std::this_thread::sleep_for(std::chrono::milliseconds(5));
                         return std::string("h.p.s");
                       }));
  std::vector<std::thread> readers;
  std::vector<std::string> seen(8);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    readers.emplace_back([&, i] { seen[i] = set.jwt(); });
  }
  for (auto& t : readers) t.join();
  EXPECT_EQ(builds.load(), 1);
  for (const auto& s : seen) EXPECT_EQ(s, "h.p.s");
}

}  // namespace
}  // namespace scim::events
