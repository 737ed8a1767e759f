// POST ".search" (RFC 7644 §3.4.3): per type and at the root across types.
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

json search(json extra) {
  json body{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}}};
  body.update(extra);
  return body;
}

TEST(Search, TypeSearchUsesTheBodyParameters) {
  Harness h;
  h.create_user("alice", {{"title", "Engineer"}});
  h.create_user("bob", {{"title", "Manager"}});
  auto r = h.call_json("POST", "/Users/.search",
                       search({{"filter", "title eq \"Manager\""},
                               {"attributes", {"userName"}},
                               {"startIndex", 1},
                               {"count", 10}}));
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = body_of(r);
  ASSERT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["Resources"][0]["userName"], "bob");
  EXPECT_FALSE(body["Resources"][0].contains("title"));
}

TEST(Search, RootSearchMixesTypes) {
  Harness h;
  const auto alice = h.create_user("alice");
  h.create_group("Admins", {alice});
  auto r = h.call_json("POST", "/.search", search(json::object()));
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = body_of(r);
  EXPECT_EQ(body["totalResults"], 2);
  std::set<std::string> types;
  for (const auto& res : body["Resources"]) types.insert(res["meta"]["resourceType"]);
  EXPECT_EQ(types, (std::set<std::string>{"User", "Group"}));
}

TEST(Search, RootSearchFiltersAndSortsAcrossTypes) {
  Harness h;
  h.create_user("zed", {{"displayName", "Zed"}});
  h.create_group("Alpha", {});
  h.create_user("mid", {{"displayName", "Mid"}});
  auto body = body_of(h.call_json(
      "POST", "/.search", search({{"filter", "displayName pr"}, {"sortBy", "displayName"}})));
  ASSERT_EQ(body["totalResults"], 3) << body;
  EXPECT_EQ(body["Resources"][0]["displayName"], "Alpha");
  EXPECT_EQ(body["Resources"][1]["displayName"], "Mid");
  EXPECT_EQ(body["Resources"][2]["displayName"], "Zed");
}

TEST(Search, RequestErrors) {
  Harness h;
  EXPECT_THAT(h.call_json("POST", "/Users/.search", json{{"filter", "userName pr"}}),
              IsScimError(400, "invalidSyntax"));
  EXPECT_THAT(h.call_json("POST", "/Users/.search", search({{"count", "ten"}})),
              IsScimError(400, "invalidValue"));
  EXPECT_THAT(h.call_json("POST", "/.search", search({{"filter", "(userName eq"}})),
              IsScimError(400, "invalidFilter"));
  EXPECT_THAT(h.call("GET", "/.search"), IsScimError(405, ""));
  EXPECT_THAT(h.call("GET", "/Users/.search"), IsScimError(405, ""));
}

}  // namespace
}  // namespace scim::server
