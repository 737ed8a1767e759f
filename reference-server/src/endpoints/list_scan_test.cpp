// The scan pre-check (Query::must_contain from engine::scan_hints) never changes an answer: for
// each filter, the ids a list returns equal the ids the filter engine selects from the whole
// unfiltered listing, through offset paging, cursor paging (RFC 9865) and the root .search.
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using json = nlohmann::json;
constexpr const char* kEnterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

class ListScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* titles[] = {"Tour Guide", "TOUR guide", "Engineer", "Ingénieur", "guide"};
    std::vector<std::string> ids;
    for (int i = 0; i < 12; ++i) {
      const std::string n = std::to_string(i);
      json extra = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User", kEnterprise}},
                    {"title", titles[i % 5]},
                    {"displayName", "Dísplay " + n},
                    {"name", {{"givenName", "Giv" + n}, {"familyName", "FAM" + n + "ily"}}},
                    {"emails",
                     {{{"value", "User" + n + "@Example.COM"}, {"type", "work"}},
                      {{"value", "u" + n + "@home.example.org"}, {"type", "home"}}}},
                    {kEnterprise, {{"department", i % 2 ? "Sales" : "R&D \"Labs\""}}}};
      ids.push_back(h.create_user("User." + n, extra));
    }
    h.create_group("Admins Ünit", {ids[1], ids[2]});
  }

  // The ids of a full listing with `query`, following cursors when `cursor` is set.
  std::set<std::string> ids_of(std::map<std::string, std::string> query, bool cursor = false) {
    std::set<std::string> out;
    query["count"] = "5";
    if (cursor) query["cursor"] = "";
    for (int page = 0; page < 20; ++page) {
      auto r = h.call("GET", "/Users", "", {}, query);
      EXPECT_EQ(r.status, 200) << r.body;
      const json body = body_of(r);
      for (const auto& u : body.value("Resources", json::array())) out.insert(u["id"]);
      if (cursor && body.contains("nextCursor")) {
        query["cursor"] = body["nextCursor"];
      } else if (!cursor && out.size() < body.value("totalResults", 0u)) {
        query["startIndex"] = std::to_string(out.size() + 1);
      } else {
        break;
      }
    }
    return out;
  }

  // The slow path: every user, each judged by the filter engine.
  std::set<std::string> expected(const std::string& filter) {
    auto f = engine::parse_filter(filter, h.registry, *h.registry.find_resource_type("User"));
    EXPECT_TRUE(f.ok()) << filter;
    auto r = h.call("GET", "/Users", "", {}, {{"count", "100"}});
    EXPECT_EQ(r.status, 200) << r.body;
    const json listing = body_of(r);  // a named copy: ranging over a temporary's member dangles
    EXPECT_EQ(listing.value("totalResults", 0), 12);
    std::set<std::string> out;
    for (const auto& u : listing["Resources"]) {
      if (f.ok() && engine::matches(*f, u)) out.insert(u["id"]);
    }
    return out;
  }

  Harness h;
};

TEST_F(ListScanTest, PreCheckedScansReturnWhatTheFilterEngineSelects) {
  const std::string filters[] = {
      R"(emails.value co "EXAMPLE.com")",
      R"(emails.value co "user1")",
      R"(emails co "@home.EXAMPLE")",
      R"(emails[type eq "work" and value sw "user1"])",
      R"(emails.value ew ".ORG")",
      R"(title eq "tour guide")",
      R"(title co "Guide" and emails.value co "user3")",
      R"(title co "génieur")",
      R"(title co "GÉNIEUR")",  // ASCII folding only: É is not é (no match)
      R"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department co "r&d \"labs")",
      R"(groups.display co "ADMINS")",  // computed on read, never in the stored bytes
      R"(groups.value pr and title co "tour")",
      R"(title co "guide" or emails.value co "nothing")",
      R"(meta.created co "20")",
      R"(userName sw "USER.1")",
      R"(emails.value co "nobody-has-this")",
      // The searched attributes (their search column rules records out) and others mixed.
      R"(name.familyName co "am1")",
      R"(name.givenName ew "IV3" and title co "guide")",
      R"(displayName sw "DÍSPLAY 1")",  // ASCII folding only: no match
      R"(displayName sw "dísplay 1")",
      R"(emails.type eq "HOME")",
      R"(emails[type eq "home" and value co "U7@"])",
      R"(userName co "ser.1" or name.familyName co "nothing")",
      // An `or` of indexed terms: the union of the indexes' candidates (index_hints_any).
      R"(userName eq "user.3" or userName eq "USER.7")",
      R"(userName eq "User.1" or externalId eq "nobody")",
      R"(userName eq "User.2" or userName eq "User.5" and title eq "tour guide")",
      R"(userName eq "User.2" or (userName eq "User.6" or userName eq "User.2"))",
      R"(meta.lastModified gt "2000-01-01T00:00:00Z" or userName eq "User.1")",
      R"(meta.lastModified lt "2000-01-01T00:00:00Z" or userName eq "nobody")",
      R"(userName eq "User.4" or title eq "engineer")",  // title has no index: a scan
      // An attribute no schema defines: its comparisons match nothing, so no candidates.
      R"(noSuchAttribute eq "x")",
      R"(userName eq "User.1" or noSuchAttribute eq "User.2")",
      R"(not (noSuchAttribute eq "x"))",
  };
  for (const auto& filter : filters) {
    const auto want = expected(filter);
    EXPECT_EQ(ids_of({{"filter", filter}}), want) << filter;
    EXPECT_EQ(ids_of({{"filter", filter}, {"sortBy", "userName"}}), want) << filter;
    EXPECT_EQ(ids_of({{"filter", filter}}, /*cursor=*/true), want) << filter;
  }
  // Sanity of the fixture itself: the cases above select something, and not everything.
  EXPECT_EQ(expected(R"(title co "guide")").size(), 8u);
  EXPECT_EQ(expected(R"(groups.display co "ADMINS")").size(), 2u);
  EXPECT_TRUE(expected(R"(title co "GÉNIEUR")").empty());
  EXPECT_EQ(expected(R"(name.familyName co "am1")").size(), 3u);  // 1, 10, 11
  EXPECT_EQ(expected(R"(displayName sw "dísplay 1")").size(), 3u);
  EXPECT_EQ(expected(R"(emails.type eq "HOME")").size(), 12u);
  EXPECT_EQ(expected(R"(userName eq "user.3" or userName eq "USER.7")").size(), 2u);
  EXPECT_EQ(
      expected(R"(userName eq "User.2" or userName eq "User.5" and title eq "tour guide")").size(),
      2u);
  EXPECT_EQ(
      expected(R"(meta.lastModified gt "2000-01-01T00:00:00Z" or userName eq "User.1")").size(),
      12u);
}

TEST_F(ListScanTest, RootSearchPreChecksEachType) {
  auto r = h.call_json("POST", "/.search",
                       {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
                        {"filter", R"(emails.value co "USER11@example")"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = body_of(r);
  ASSERT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["Resources"][0]["userName"], "User.11");
  // displayName is in both types' search columns: only the group holds "admins".
  r = h.call_json("POST", "/.search",
                  {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
                   {"filter", R"(displayName co "ADMINS")"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)["totalResults"], 1);
  EXPECT_EQ(body_of(r)["Resources"][0]["displayName"], "Admins Ünit");
  // An `or` per type (RFC 7644 §3.4.2.2): Users answer userName from its index and scan for
  // displayName; the Group's displayName is indexed, and userName is no Group attribute.
  r = h.call_json("POST", "/.search",
                  {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
                   {"filter", R"(userName eq "user.3" or displayName eq "ADMINS Ünit")"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)["totalResults"], 2);
}

}  // namespace
}  // namespace scim::server
