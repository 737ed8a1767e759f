// The RFC 7644 §3 example requests, walked section by section against the service. Ids are the
// RFC's (seeded), the ETags the server's own (the RFC's W/"a330bc54f0671c9" is an example value).
#include "scim/server/endpoints/seed.hpp"
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

constexpr const char* kBjensen = "2819c223-7f76-453a-919d-413861904646";
constexpr const char* kGroup = "acbf3ae7-8463-4692-b4fd-9b4da3f908ce";

class Rfc7644Examples : public ::testing::Test {
 protected:
  void SetUp() override {
    json seed{{"Users",
               {{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                 {"id", kBjensen},
                 {"userName", "bjensen"},
                 {"externalId", "bjensen"},
                 {"name",
                  {{"formatted", "Ms. Barbara J Jensen III"},
                   {"familyName", "Jensen"},
                   {"givenName", "Barbara"}}}},
                {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                 {"id", "c75ad752-64ae-4823-840d-ffa80929976c"},
                 {"userName", "jsmith"},
                 {"displayName", "John Smith"}}}},
              {"Groups",
               {{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                 {"id", kGroup},
                 {"displayName", "Tour Guides"}}}}};
    auto loaded = load_seed(h.service, seed, h.tenant);
    ASSERT_TRUE(loaded.ok()) << loaded.error();
  }
  std::string etag(const std::string& path) { return *h.call("GET", path).header("ETag"); }
  Harness h;
};

// RFC 7644 §3.3 "Creating Resources", Figure: POST /Users.
TEST_F(Rfc7644Examples, Section3_3_CreateUser) {
  json body{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
            {"userName", "bjensen2"},
            {"externalId", "bjensen2"},
            {"name",
             {{"formatted", "Ms. Barbara J Jensen III"},
              {"familyName", "Jensen"},
              {"givenName", "Barbara"}}}};
  auto r = h.call_json("POST", "/Users", body, {{"accept", "application/scim+json"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto created = body_of(r);
  EXPECT_EQ(created["meta"]["resourceType"], "User");
  EXPECT_EQ(*r.header("Location"), created["meta"]["location"].get<std::string>());
  EXPECT_EQ(*r.header("ETag"), created["meta"]["version"].get<std::string>());
  EXPECT_EQ(created["name"]["familyName"], "Jensen");
  // §3.3: "If the service provider determines that the creation of the requested resource
  // conflicts with existing resources (e.g., a "User" resource with a duplicate "userName"), the
  // service provider MUST return HTTP status code 409 (Conflict) with a "scimType" error code of
  // "uniqueness"".
  EXPECT_THAT(h.call_json("POST", "/Users", body), IsScimError(409, "uniqueness"));
}

// RFC 7644 §3.4.1 "Retrieving a Known Resource".
TEST_F(Rfc7644Examples, Section3_4_1_GetKnownResource) {
  auto r = h.call("GET", std::string("/Users/") + kBjensen);
  ASSERT_EQ(r.status, 200);
  auto user = body_of(r);
  EXPECT_EQ(user["id"], kBjensen);
  EXPECT_EQ(user["meta"]["location"], std::string(testing::kBase) + "/Users/" + kBjensen);
  EXPECT_TRUE(r.header("ETag"));
}

// RFC 7644 §3.4.2 "GET /Users?attributes=userName" and §3.4.2.2 'filter=userName eq "bjensen"'.
TEST_F(Rfc7644Examples, Section3_4_2_ListWithAttributesAndFilter) {
  auto all = body_of(h.call("GET", "/Users", "", {}, {{"attributes", "userName"}}));
  EXPECT_EQ(all["totalResults"], 2);
  auto first = all["Resources"][0];
  first.erase("schemas");  // the RFC's example omits it; it is returned with every resource
  EXPECT_EQ(first, (json{{"id", kBjensen}, {"userName", "bjensen"}}));
  auto one = body_of(h.call("GET", "/Users", "", {}, {{"filter", "userName eq \"bjensen\""}}));
  ASSERT_EQ(one["totalResults"], 1);
  EXPECT_EQ(one["Resources"][0]["id"], kBjensen);
  auto none = h.call("GET", "/Users", "", {}, {{"filter", "userName eq \"nobody\""}});
  EXPECT_EQ(none.status, 200);  // "A query that does not return any matches SHALL return 200"
  EXPECT_EQ(body_of(none)["totalResults"], 0);
}

// RFC 7644 §3.4.3 Figure 4: POST /.search with attributes, filter, startIndex, count.
TEST_F(Rfc7644Examples, Section3_4_3_PostSearch) {
  json search{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
              {"attributes", {"displayName", "userName"}},
              {"filter", "displayName sw \"smith\""},
              {"startIndex", 1},
              {"count", 10}};
  auto r = h.call_json("POST", "/.search", search);
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = body_of(r);
  ASSERT_EQ(body["totalResults"], 0);  // "sw" is case-insensitive but "John Smith" starts with J
  search["filter"] = "displayName sw \"john\"";
  body = body_of(h.call_json("POST", "/.search", search));
  ASSERT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["Resources"][0]["userName"], "jsmith");
  EXPECT_FALSE(body["Resources"][0].contains("meta"));
}

// RFC 7644 §3.5.1 "Replacing with PUT" with If-Match.
TEST_F(Rfc7644Examples, Section3_5_1_Put) {
  const std::string path = std::string("/Users/") + kBjensen;
  json put{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
           {"id", kBjensen},
           {"userName", "bjensen"},
           {"externalId", "bjensen"},
           {"name",
            {{"formatted", "Ms. Barbara J Jensen III"},
             {"familyName", "Jensen"},
             {"givenName", "Barbara"},
             {"middleName", "Jane"}}},
           {"roles", json::array()},
           {"emails", {{{"value", "bjensen@example.com"}}, {{"value", "babs@jensen.org"}}}}};
  auto r = h.call_json("PUT", path, put, {{"if-match", etag(path)}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = body_of(r);
  EXPECT_EQ(body["name"]["middleName"], "Jane");
  EXPECT_EQ(body["emails"].size(), 2u);
  EXPECT_EQ(*r.header("ETag"), body["meta"]["version"].get<std::string>());
  EXPECT_THAT(h.call_json("PUT", path, put, {{"if-match", "W/\"a330bc54f0671c9\""}}),
              IsScimError(412, ""));
}

// RFC 7644 §3.5.2.1 "Add Operation": add a member to a group.
TEST_F(Rfc7644Examples, Section3_5_2_PatchAddMember) {
  const std::string path = std::string("/Groups/") + kGroup;
  json patch{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
             {"Operations",
              {{{"op", "add"},
                {"path", "members"},
                {"value",
                 {{{"display", "Babs Jensen"},
                   {"$ref", std::string(testing::kBase) + "/Users/" + kBjensen},
                   {"value", kBjensen}}}}}}}};
  auto r = h.call_json("PATCH", path, patch, {{"if-match", etag(path)}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)["members"][0]["value"], kBjensen);
  auto user = body_of(h.call("GET", std::string("/Users/") + kBjensen));
  EXPECT_EQ(user["groups"][0]["value"], kGroup);
  EXPECT_EQ(user["groups"][0]["display"], "Tour Guides");
}

// RFC 7644 §3.6 "Deleting Resources": 204, then 404 on retrieval.
TEST_F(Rfc7644Examples, Section3_6_Delete) {
  const std::string path = std::string("/Users/") + kBjensen;
  auto r = h.call("DELETE", path);
  EXPECT_EQ(r.status, 204);
  EXPECT_THAT(h.call("GET", path), IsScimError(404, ""));
}

}  // namespace
}  // namespace scim::server
