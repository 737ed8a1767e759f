// GET list queries (RFC 7644 §3.4.2): filter, sort, paging, projection and their errors.
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

class ListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h.create_user("alice", {{"title", "Engineer"}, {"externalId", "A1"}});
    h.create_user("bob", {{"title", "Manager"}, {"externalId", "B2"}});
    h.create_user("carol", {{"title", "Engineer"}, {"externalId", "C3"}});
  }
  json list(std::map<std::string, std::string> query) {
    auto r = h.call("GET", "/Users", "", {}, std::move(query));
    EXPECT_EQ(r.status, 200) << r.body;
    return body_of(r);
  }
  Harness h;
};

TEST_F(ListTest, NoFilterListsEverythingAsAListResponse) {
  auto body = list({});
  EXPECT_EQ(body["schemas"], json::array({"urn:ietf:params:scim:api:messages:2.0:ListResponse"}));
  EXPECT_EQ(body["totalResults"], 3);
  EXPECT_EQ(body["itemsPerPage"], 3);
  EXPECT_EQ(body["startIndex"], 1);
  ASSERT_EQ(body["Resources"].size(), 3u);
  EXPECT_TRUE(body["Resources"][0]["meta"].contains("location"));
}

TEST_F(ListTest, FilterOnIndexedAndUnindexedAttributes) {
  auto by_name = list({{"filter", "userName eq \"BOB\""}});
  ASSERT_EQ(by_name["totalResults"], 1);
  EXPECT_EQ(by_name["Resources"][0]["userName"], "bob");
  EXPECT_EQ(list({{"filter", "title eq \"Engineer\""}})["totalResults"], 2);
  // externalId is caseExact (RFC 7643 §3.1).
  EXPECT_EQ(list({{"filter", "externalId eq \"a1\""}})["totalResults"], 0);
  EXPECT_EQ(list({{"filter", "externalId eq \"A1\""}})["totalResults"], 1);
  EXPECT_EQ(list({{"filter", "meta.lastModified gt \"2000-01-01T00:00:00Z\""}})["totalResults"], 3);
}

TEST_F(ListTest, BadFilterIsInvalidFilter) {
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"filter", "userName eq"}}),
              IsScimError(400, "invalidFilter"));
}

TEST_F(ListTest, SortAndPage) {
  auto body = list(
      {{"sortBy", "userName"}, {"sortOrder", "descending"}, {"startIndex", "2"}, {"count", "1"}});
  EXPECT_EQ(body["totalResults"], 3);
  EXPECT_EQ(body["startIndex"], 2);
  EXPECT_EQ(body["itemsPerPage"], 1);
  ASSERT_EQ(body["Resources"].size(), 1u);
  EXPECT_EQ(body["Resources"][0]["userName"], "bob");
}

TEST_F(ListTest, CountZeroReturnsOnlyTheTotal) {
  auto body = list({{"count", "0"}});
  EXPECT_EQ(body["totalResults"], 3);
  EXPECT_TRUE(body["Resources"].empty());
}

TEST_F(ListTest, CountIsCappedByMaxResults) {
  ServiceConfig config;
  config.max_results = 2;
  Harness small(config);
  for (auto n : {"a", "b", "c"}) small.create_user(n);
  auto body = body_of(small.call("GET", "/Users", "", {}, {{"count", "50"}}));
  EXPECT_EQ(body["totalResults"], 3);
  EXPECT_EQ(body["Resources"].size(), 2u);
}

TEST_F(ListTest, NonIntegerPagingIsRejected) {
  auto r = h.call("GET", "/Users", "", {}, {{"startIndex", "abc"}});
  EXPECT_EQ(r.status, 400) << r.body;
}

TEST_F(ListTest, SortingTooManyIsTooMany) {
  ServiceConfig config;
  config.max_sort_results = 2;
  Harness small(config);
  for (auto n : {"a", "b", "c"}) small.create_user(n);
  EXPECT_THAT(small.call("GET", "/Users", "", {}, {{"sortBy", "userName"}}),
              IsScimError(400, "tooMany"));
}

TEST_F(ListTest, ProjectionAppliesToEveryResource) {
  auto body = list({{"attributes", "userName"}});
  for (const auto& r : body["Resources"]) {
    EXPECT_TRUE(r.contains("userName"));
    EXPECT_TRUE(r.contains("id"));
    EXPECT_FALSE(r.contains("title"));
  }
}

}  // namespace
}  // namespace scim::server
