// Cursor paging (RFC 9865) over a collection that changes between pages: every resource that
// exists throughout is returned exactly once, whatever is created, deleted or renamed meanwhile;
// and a whole collection is visited exactly once, forward and backward.
#include <set>

#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using json = nlohmann::json;
using Query = std::map<std::string, std::string>;

class CursorStabilityTest : public ::testing::Test {
 protected:
  // Pages through /Users with `query`, calling `between` after each page; returns the ids seen.
  std::vector<std::string> walk(Query query, const std::function<void(int)>& between,
                                bool backward = false, const std::string& start = "") {
    std::vector<std::string> seen;
    query["cursor"] = start;
    for (int page = 0; page < 10'000; ++page) {
      auto r = h.call("GET", "/Users", "", {}, query);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) break;
      auto body = body_of(r);
      std::vector<std::string> ids;
      for (const auto& res : body["Resources"]) ids.push_back(res["id"]);
      seen.insert(backward ? seen.begin() : seen.end(), ids.begin(), ids.end());
      between(page);
      const char* next = backward ? "previousCursor" : "nextCursor";
      if (!body.contains(next)) break;
      query["cursor"] = body[next];
    }
    return seen;
  }
  Harness h;
};

TEST_F(CursorStabilityTest, ACollectionIsVisitedExactlyOnceForwardAndBackward) {
  std::vector<std::string> ids;
  for (int i = 0; i < 503; ++i) ids.push_back(h.create_user("user" + std::to_string(i)));
  auto forward = walk({{"count", "7"}}, [](int) {});
  EXPECT_EQ(forward, ids);
  // From the last page back to the first, at maxPageSize (200).
  const Query big{{"cursor", ""}, {"count", "200"}};
  auto p1 = body_of(h.call("GET", "/Users", "", {}, big));
  auto p2 =
      body_of(h.call("GET", "/Users", "", {}, {{"cursor", p1["nextCursor"]}, {"count", "200"}}));
  auto tail =
      body_of(h.call("GET", "/Users", "", {}, {{"cursor", p2["nextCursor"]}, {"count", "200"}}));
  ASSERT_EQ(tail["Resources"].size(), 103u);
  EXPECT_FALSE(tail.contains("nextCursor"));
  auto backward = walk(
      {{"count", "200"}}, [](int) {}, true, tail["previousCursor"]);
  EXPECT_EQ(backward, std::vector<std::string>(ids.begin(), ids.begin() + 400));
}

std::set<std::string> as_set(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

// Creations and deletions between pages, on both sides of the cursor, unsorted and sorted.
using Walk = std::function<std::vector<std::string>(Query, const std::function<void(int)>&)>;

void expect_survivors_exactly_once(Harness& h, Query query, const Walk& walk) {
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(h.create_user("user" + std::to_string(100 + i)));
  std::set<std::string> deleted;
  int created = 0;
  auto seen = walk(std::move(query), [&](int page) {
    // Delete one resource already seen and one not yet seen; create one of each sort position.
    const std::string early = ids[static_cast<std::size_t>(page)];
    const std::string late = ids[39 - static_cast<std::size_t>(page)];
    for (const auto& id : {early, late}) {
      if (deleted.insert(id).second) {
        EXPECT_EQ(h.call("DELETE", "/Users/" + id).status, 204);
      }
    }
    h.create_user("user0" + std::to_string(created++));  // sorts first
    h.create_user("user9" + std::to_string(created++));  // sorts last
  });
  EXPECT_EQ(seen.size(), as_set(seen).size()) << "a resource was repeated";
  for (const auto& id : ids) {
    if (!deleted.count(id)) {
      EXPECT_EQ(as_set(seen).count(id), 1u) << id << " was skipped";
    }
  }
}

TEST_F(CursorStabilityTest, Rfc9865_ChangesBetweenPagesNeitherSkipNorRepeatUnsorted) {
  expect_survivors_exactly_once(h, {{"count", "4"}},
                                [this](Query q, const std::function<void(int)>& between) {
                                  return walk(std::move(q), between);
                                });
}

TEST_F(CursorStabilityTest, Rfc9865_ChangesBetweenPagesNeitherSkipNorRepeatSorted) {
  expect_survivors_exactly_once(h, {{"count", "4"}, {"sortBy", "userName"}},
                                [this](Query q, const std::function<void(int)>& between) {
                                  return walk(std::move(q), between);
                                });
}

TEST_F(CursorStabilityTest, DeletingTheAnchorItselfDoesNotLoseThePlace) {
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(h.create_user("u" + std::to_string(i)));
  auto p1 = body_of(h.call("GET", "/Users", "", {}, {{"cursor", ""}, {"count", "3"}}));
  ASSERT_EQ(h.call("DELETE", "/Users/" + ids[2]).status, 204);  // the last one shown
  auto p2 =
      body_of(h.call("GET", "/Users", "", {}, {{"cursor", p1["nextCursor"]}, {"count", "3"}}));
  ASSERT_EQ(p2["Resources"].size(), 3u);
  EXPECT_EQ(p2["Resources"][0]["id"], ids[3]);
}

}  // namespace
}  // namespace scim::server
