// Cursor-based pagination (RFC 9865) through the route table: first, next, previous and last
// pages, count, the three pagination errors, .search, the root listing, cursor-only and
// index-only servers, and the ServiceProviderConfig "pagination" object.
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;
using Query = std::map<std::string, std::string>;

std::vector<std::string> names(const json& page) {
  std::vector<std::string> out;
  for (const auto& r : page["Resources"]) out.push_back(r.value("userName", r.value("id", "")));
  return out;
}

class CursorTest : public ::testing::Test {
 protected:
  explicit CursorTest(ServiceConfig config = {}) : h(std::move(config)) {}
  void SetUp() override {
    for (const char* n : {"u1", "u2", "u3", "u4", "u5"}) h.create_user(n);
  }
  json get(Query q, const std::string& path = "/Users") {
    auto r = h.call("GET", path, "", {}, std::move(q));
    EXPECT_EQ(r.status, 200) << r.body;
    return body_of(r);
  }
  Harness h;
};

// RFC 9865 §2: "GET /Users?filter=userName%20sw%20J&cursor&count=10" — an empty cursor starts.
TEST_F(CursorTest, Rfc9865_2_FirstPageHasNextCursorAndNoPreviousCursor) {
  auto page = get({{"cursor", ""}, {"count", "2"}});
  EXPECT_EQ(names(page), (std::vector<std::string>{"u1", "u2"}));
  EXPECT_EQ(page["totalResults"], 5);
  EXPECT_EQ(page["itemsPerPage"], 2);
  EXPECT_TRUE(page["nextCursor"].is_string());
  EXPECT_FALSE(page.contains("previousCursor"));  // "MUST NOT be returned with the first page"
  EXPECT_FALSE(page.contains("startIndex"));
}

// RFC 9865 §2: nextCursor on every page but the last; previousCursor walks back.
TEST_F(CursorTest, Rfc9865_2_NextPagesUntilTheLastThenBack) {
  auto p1 = get({{"cursor", ""}, {"count", "2"}});
  auto p2 = get({{"cursor", p1["nextCursor"]}, {"count", "2"}});
  EXPECT_EQ(names(p2), (std::vector<std::string>{"u3", "u4"}));
  ASSERT_TRUE(p2.contains("previousCursor"));
  auto p3 = get({{"cursor", p2["nextCursor"]}, {"count", "2"}});
  EXPECT_EQ(names(p3), (std::vector<std::string>{"u5"}));
  EXPECT_FALSE(p3.contains("nextCursor"));  // the last page
  auto back = get({{"cursor", p3["previousCursor"]}, {"count", "2"}});
  EXPECT_EQ(names(back), (std::vector<std::string>{"u3", "u4"}));
  auto first = get({{"cursor", back["previousCursor"]}, {"count", "2"}});
  EXPECT_EQ(names(first), (std::vector<std::string>{"u1", "u2"}));
  EXPECT_FALSE(first.contains("previousCursor"));
  EXPECT_TRUE(first.contains("nextCursor"));
}

TEST_F(CursorTest, ExactMultipleEndsWithoutAnEmptyPage) {
  auto p1 = get({{"cursor", ""}, {"count", "5"}});
  EXPECT_EQ(names(p1).size(), 5u);
  EXPECT_FALSE(p1.contains("nextCursor"));
}

TEST_F(CursorTest, FilteredAndSortedPagesKeepTheirOrder) {
  Query q{{"cursor", ""},
          {"count", "2"},
          {"sortBy", "userName"},
          {"sortOrder", "descending"},
          {"filter", "userName ne \"u3\""}};
  auto p1 = get(q);
  EXPECT_EQ(names(p1), (std::vector<std::string>{"u5", "u4"}));
  EXPECT_EQ(p1["totalResults"], 4);
  q["cursor"] = p1["nextCursor"];
  auto p2 = get(q);
  EXPECT_EQ(names(p2), (std::vector<std::string>{"u2", "u1"}));
  EXPECT_FALSE(p2.contains("nextCursor"));
  q["cursor"] = p2["previousCursor"];
  EXPECT_EQ(names(get(q)), (std::vector<std::string>{"u5", "u4"}));
}

// RFC 9865 §2: count "0" returns no resources except totalResults.
TEST_F(CursorTest, Rfc9865_2_CountZeroAndNegativeGiveTotalsOnly) {
  auto zero = get({{"cursor", ""}, {"count", "0"}});
  EXPECT_EQ(zero["totalResults"], 5);
  EXPECT_TRUE(zero["Resources"].empty());
  EXPECT_FALSE(zero.contains("nextCursor"));
  EXPECT_TRUE(get({{"cursor", ""}, {"count", "-3"}})["Resources"].empty());
}

// RFC 9865 §2.1 invalidCount: "must be between 0 and service provider's maxPageSize and must
// value identical count of the initial query".
TEST_F(CursorTest, Rfc9865_2_1_InvalidCount) {
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", ""}, {"count", "201"}}),
              IsScimError(400, "invalidCount"));
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", ""}, {"count", "ten"}}),
              IsScimError(400, "invalidCount"));
  auto p1 = get({{"cursor", ""}, {"count", "2"}});
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", p1["nextCursor"]}, {"count", "3"}}),
              IsScimError(400, "invalidCount"));
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", p1["nextCursor"]}}),
              IsScimError(400, "invalidCount"));
}

// RFC 9865 §2.1 invalidCursor, §5.2 forged cursors; a cursor is bound to its query and tenant.
TEST_F(CursorTest, Rfc9865_2_1_ForgedForeignOrTransplantedCursorsAreInvalid) {
  auto p1 = get({{"cursor", ""}, {"count", "2"}});
  const std::string next = p1["nextCursor"];
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", "VZUTiyhEQJ94IR"}, {"count", "2"}}),
              IsScimError(400, "invalidCursor"));
  EXPECT_THAT(h.call("GET", "/Users", "", {},
                     {{"cursor", next}, {"count", "2"}, {"filter", "userName pr"}}),
              IsScimError(400, "invalidCursor"));
  EXPECT_THAT(h.call("GET", "/Groups", "", {}, {{"cursor", next}, {"count", "2"}}),
              IsScimError(400, "invalidCursor"));
  h.tenant = "other";
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", next}, {"count", "2"}}),
              IsScimError(400, "invalidCursor"));
}

TEST(CursorKey, AnotherServerStartInvalidatesCursorsUnlessTheKeyIsConfigured) {
  Harness a, b;
  a.create_user("u1");
  a.create_user("u2");
  b.create_user("u1");
  b.create_user("u2");
  auto next = body_of(a.call("GET", "/Users", "", {}, {{"cursor", ""}, {"count", "1"}}));
  EXPECT_THAT(b.call("GET", "/Users", "", {}, {{"cursor", next["nextCursor"]}, {"count", "1"}}),
              IsScimError(400, "invalidCursor"));
  ServiceConfig keyed;
  keyed.pagination.cursor_key = std::string(32, 'k');
  Harness c(keyed), d(keyed);
  c.create_user("u1");
  c.create_user("u2");
  d.create_user("u1");
  d.create_user("u2");
  next = body_of(c.call("GET", "/Users", "", {}, {{"cursor", ""}, {"count", "1"}}));
  auto r = d.call("GET", "/Users", "", {}, {{"cursor", next["nextCursor"]}, {"count", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(names(body_of(r)), (std::vector<std::string>{"u2"}));
}

// RFC 9865 §2.1 expiredCursor and §4 cursorTimeout.
TEST(CursorExpiry, Rfc9865_2_1_ACursorOlderThanCursorTimeoutIsExpired) {
  auto now = std::make_shared<std::chrono::system_clock::time_point>(
      std::chrono::system_clock::time_point{std::chrono::seconds(1'800'000'000)});
  ServiceConfig config;
  config.pagination.cursor_timeout = std::chrono::seconds(60);
  config.pagination.clock = [now] { return *now; };
  Harness h(config);
  h.create_user("u1");
  h.create_user("u2");
  auto next = body_of(h.call("GET", "/Users", "", {}, {{"cursor", ""}, {"count", "1"}}));
  *now += std::chrono::seconds(60);
  EXPECT_EQ(
      h.call("GET", "/Users", "", {}, {{"cursor", next["nextCursor"]}, {"count", "1"}}).status,
      200);
  *now += std::chrono::seconds(1);
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", next["nextCursor"]}, {"count", "1"}}),
              IsScimError(400, "expiredCursor"));
}

// RFC 9865 §3: cursor and count in a SearchRequest body, cursors shared with GET.
TEST_F(CursorTest, Rfc9865_3_SearchWithCursor) {
  json search{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
              {"attributes", {"userName"}},
              {"filter", "userName sw \"u\""},
              {"cursor", ""},
              {"count", 3}};
  auto r = h.call_json("POST", "/Users/.search", search);
  ASSERT_EQ(r.status, 200) << r.body;
  auto p1 = body_of(r);
  EXPECT_EQ(names(p1), (std::vector<std::string>{"u1", "u2", "u3"}));
  search["cursor"] = p1["nextCursor"];
  auto p2 = body_of(h.call_json("POST", "/Users/.search", search));
  EXPECT_EQ(names(p2), (std::vector<std::string>{"u4", "u5"}));
  EXPECT_FALSE(p2.contains("nextCursor"));
  search["count"] = 2;
  EXPECT_THAT(h.call_json("POST", "/Users/.search", search), IsScimError(400, "invalidCount"));
}

TEST_F(CursorTest, RootSearchPagesAcrossTypesByCursor) {
  const auto g = h.create_group("g1", {});
  json search{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
              {"cursor", ""},
              {"count", 4}};
  auto p1 = body_of(h.call_json("POST", "/.search", search));
  EXPECT_EQ(p1["totalResults"], 6);
  ASSERT_EQ(p1["Resources"].size(), 4u);
  search["cursor"] = p1["nextCursor"];
  auto p2 = body_of(h.call_json("POST", "/.search", search));
  ASSERT_EQ(p2["Resources"].size(), 2u);
  EXPECT_EQ(p2["Resources"][1]["id"], g);
  EXPECT_FALSE(p2.contains("nextCursor"));
  search["cursor"] = p2["previousCursor"];
  EXPECT_EQ(body_of(h.call_json("POST", "/.search", search))["Resources"], p1["Resources"]);
}

TEST_F(CursorTest, StartIndexWithCursorIsInvalidValue) {
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"cursor", ""}, {"startIndex", "1"}}),
              IsScimError(400, "invalidValue"));
}

TEST_F(CursorTest, IndexPagingStaysTheDefault) {
  auto page = get({{"count", "2"}});
  EXPECT_EQ(page["startIndex"], 1);
  EXPECT_FALSE(page.contains("nextCursor"));
}

ServiceConfig cursor_only() {
  ServiceConfig c;
  c.pagination.index = false;
  c.pagination.default_page_size = 2;
  return c;
}

// RFC 9865 §2.3: a cursor-only provider pages even a query without "cursor" and refuses
// startIndex.
class CursorOnlyTest : public CursorTest {
 protected:
  CursorOnlyTest() : CursorTest(cursor_only()) {}
};

TEST_F(CursorOnlyTest, Rfc9865_2_3_NoParameterStillPagesByCursor) {
  auto page = get({});
  EXPECT_EQ(names(page), (std::vector<std::string>{"u1", "u2"}));  // defaultPageSize
  EXPECT_TRUE(page.contains("nextCursor"));
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"startIndex", "2"}}),
              IsScimError(400, "invalidValue"));
}

TEST(IndexOnly, ACursorParameterIsIgnoredAsByAnRfc7644OnlyProvider) {
  ServiceConfig c;
  c.pagination.cursor = false;
  Harness h(c);
  h.create_user("u1");
  auto page = body_of(h.call("GET", "/Users", "", {}, {{"cursor", "whatever"}}));
  EXPECT_EQ(page["startIndex"], 1);
  EXPECT_FALSE(page.contains("nextCursor"));
}

// RFC 9865 §4: the pagination object, each member configurable.
TEST(PaginationDiscovery, Rfc9865_4_ServiceProviderConfigPagination) {
  Harness h;
  auto spc = body_of(h.call("GET", "/ServiceProviderConfig"));
  EXPECT_EQ(spc["pagination"], (json{{"cursor", true},
                                     {"index", true},
                                     {"defaultPaginationMethod", "index"},
                                     {"defaultPageSize", 200},
                                     {"maxPageSize", 200},
                                     {"cursorTimeout", 3600}}));
  ServiceConfig c = cursor_only();
  c.pagination.cursor_timeout = std::chrono::seconds(0);
  Harness only(c);
  auto p = body_of(only.call("GET", "/ServiceProviderConfig"))["pagination"];
  EXPECT_EQ(p["index"], false);
  EXPECT_EQ(p["defaultPaginationMethod"], "cursor");
  EXPECT_EQ(p["defaultPageSize"], 2);
  EXPECT_FALSE(p.contains("cursorTimeout"));
}

}  // namespace
}  // namespace scim::server
