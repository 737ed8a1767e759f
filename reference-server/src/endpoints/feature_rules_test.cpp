// Optional features switched off (ServiceConfig::features, docs/server.md "Optional features"):
// each is answered the way the RFC gives a provider without it, and /ServiceProviderConfig
// (RFC 7643 §5) says so.
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

// A configuration with bulk served and `change` applied to the default switches.
template <typename Change>
ServiceConfig with(Change change) {
  ServiceConfig config;
  config.bulk = bulk::BulkLimits{};
  change(config.features);
  return config;
}

ServiceConfig with_defaults() {
  return with([](Features&) {});
}

json spc(Harness& h) {
  auto r = h.call("GET", "/ServiceProviderConfig");
  EXPECT_EQ(r.status, 200) << r.body;
  return body_of(r);
}

TEST(Features, DefaultsAdvertiseEveryFeature) {
  Harness h(with_defaults());
  const auto doc = spc(h);
  EXPECT_EQ(doc["bulk"]["supported"], true);
  EXPECT_EQ(doc["sort"]["supported"], true);
}

TEST(Features, BulkOffIsAdvertisedUnsupportedWithZeroLimits) {
  Harness h(with([](Features& f) { f.bulk = false; }));
  const auto doc = spc(h);
  EXPECT_EQ(doc["bulk"]["supported"], false);
  EXPECT_EQ(doc["bulk"]["maxOperations"], 0);
  EXPECT_EQ(doc["bulk"]["maxPayloadSize"], 0);
}

// RFC 7644 §3.4.2.3 "Sort is OPTIONAL": sortBy is ignored, the page still comes back.
TEST(Features, SortOffIgnoresSortByAndSaysSo) {
  Harness h(with([](Features& f) { f.sort = false; }));
  EXPECT_EQ(spc(h)["sort"]["supported"], false);
  h.create_user("zed");
  h.create_user("amy");
  auto r = h.call("GET", "/Users", "", {}, {{"sortBy", "userName"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)["totalResults"], 2);
}

// RFC 7644 §3.11: "SHOULD respond with HTTP status code 501 (Not Implemented)".
TEST(Features, MeOffIs501EvenWithABoundSubject) {
  Harness h(with([](Features& f) { f.me = false; }));
  h.subject = h.create_user("bjensen");
  EXPECT_THAT(h.call("GET", "/Me"), IsScimError(501, ""));
  EXPECT_THAT(h.call("DELETE", "/Me"), IsScimError(501, ""));
  EXPECT_EQ(h.call("GET", "/Users/" + *h.subject).status, 200) << "the user itself is untouched";
}

TEST(Features, RootQueryOffIs501AndTypeQueriesStillWork) {
  Harness h(with([](Features& f) { f.root_query = false; }));
  h.create_user("bjensen");
  const json search{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
                    {"filter", "userName eq \"bjensen\""}};
  EXPECT_THAT(h.call_json("POST", "/.search", search), IsScimError(501, ""));
  auto typed = h.call_json("POST", "/Users/.search", search);
  ASSERT_EQ(typed.status, 200) << typed.body;
  EXPECT_EQ(body_of(typed)["totalResults"], 1);
}

TEST(Features, NestedGroupsOffRefusesAGroupMemberOnPostPutAndPatch) {
  Harness h(with([](Features& f) { f.nested_groups = false; }));
  const auto user = h.create_user("bjensen");
  const auto inner = h.create_group("inner", {user});
  const json nested{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                    {"displayName", "outer"},
                    {"members", {{{"value", inner}}}}};
  auto post = h.call_json("POST", "/Groups", nested);
  EXPECT_THAT(post, IsScimError(400, "invalidValue"));
  EXPECT_NE(body_of(post).value("detail", "").find("nested groups"), std::string::npos);
  const auto outer = h.create_group("outer", {user});
  EXPECT_THAT(h.call_json("PUT", "/Groups/" + outer, nested), IsScimError(400, "invalidValue"));
  const json add{
      {"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
      {"Operations", {{{"op", "add"}, {"path", "members"}, {"value", {{{"value", inner}}}}}}}};
  EXPECT_THAT(h.call_json("PATCH", "/Groups/" + outer, add), IsScimError(400, "invalidValue"));
  auto kept = body_of(h.call("GET", "/Groups/" + outer));
  ASSERT_EQ(kept["members"].size(), 1u) << "nothing half-applied";
  EXPECT_EQ(kept["members"][0]["value"], user);
}

TEST(Features, NestedGroupsOnByDefault) {
  Harness h(with_defaults());
  const auto inner = h.create_group("inner", {});
  EXPECT_FALSE(h.create_group("outer", {inner}).empty());
}

// RFC 7644 §3.12 Table 9: "the specified attribute and filter comparison combination is not
// supported" -> 400 invalidFilter, naming the operator.
TEST(Features, FilterOperatorsOutsideTheListAreInvalidFilter) {
  Harness h(with([](Features& f) { f.filter_operators = {"eq"}; }));
  h.create_user("bjensen");
  auto eq = h.call("GET", "/Users", "", {}, {{"filter", "userName eq \"bjensen\""}});
  ASSERT_EQ(eq.status, 200) << eq.body;
  EXPECT_EQ(body_of(eq)["totalResults"], 1);
  auto sw = h.call("GET", "/Users", "", {}, {{"filter", "userName sw \"bj\""}});
  EXPECT_THAT(sw, IsScimError(400, "invalidFilter"));
  EXPECT_NE(body_of(sw).value("detail", "").find("\"sw\""), std::string::npos) << sw.body;
  EXPECT_THAT(
      h.call("GET", "/Users", "", {}, {{"filter", "userName eq \"a\" and userName eq \"b\""}}),
      IsScimError(400, "invalidFilter"));
  const json search{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
                    {"filter", "userName pr"}};
  EXPECT_THAT(h.call_json("POST", "/Users/.search", search), IsScimError(400, "invalidFilter"));
  EXPECT_THAT(h.call_json("POST", "/.search", search), IsScimError(400, "invalidFilter"));
}

TEST(Features, FilterOperatorsAllowAValuePathWhoseOperatorsAreListed) {
  Harness h(with([](Features& f) { f.filter_operators = {"eq"}; }));
  h.create_user("bjensen", {{"emails", {{{"value", "b@example.com"}, {"type", "work"}}}}});
  auto r = h.call("GET", "/Users", "", {}, {{"filter", "emails[type eq \"work\"]"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)["totalResults"], 1);
  EXPECT_THAT(h.call("GET", "/Users", "", {}, {{"filter", "emails[type sw \"w\"]"}}),
              IsScimError(400, "invalidFilter"));
}

const json kPatchOp = {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
                       {"Operations", {{{"op", "replace"}, {"path", "nickName"}, {"value", "B"}}}}};

json put_body(const std::string& user_name, const json& extra) {
  json body = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
               {"userName", user_name}};
  body.update(extra);
  return body;
}

// RFC 7644 §3.5.2 "HTTP PATCH is an OPTIONAL server function"; Table 8: 501 "e.g., PATCH".
TEST(Features, PatchOffIs501AndChangesNothing) {
  Harness h(with([](Features& f) { f.patch = false; }));
  EXPECT_EQ(spc(h)["patch"]["supported"], false);
  const auto id = h.create_user("bjensen");
  auto r = h.call_json("PATCH", "/Users/" + id, kPatchOp);
  EXPECT_THAT(r, IsScimError(501, ""));
  EXPECT_NE(body_of(r).value("detail", "").find("PUT"), std::string::npos) << r.body;
  EXPECT_THAT(h.call_json("PATCH", "/Users/does-not-exist", kPatchOp), IsScimError(501, ""));
  EXPECT_FALSE(body_of(h.call("GET", "/Users/" + id)).contains("nickName"));
  auto put = h.call_json("PUT", "/Users/" + id, put_body("bjensen", {{"nickName", "B"}}));
  EXPECT_EQ(put.status, 200) << "PUT is not PATCH: " << put.body;
  EXPECT_EQ(r.notes.variants, std::vector<std::string>{"no-patch"});
}

// RFC 7644 §3.4.2.2 "Filtering is an OPTIONAL parameter": a filter gets 400 invalidFilter on
// every query route; lists without one still work.
TEST(Features, FilterOffRefusesEveryFilteredQuery) {
  Harness h(with([](Features& f) { f.filter = false; }));
  const auto doc = spc(h);
  EXPECT_EQ(doc["filter"]["supported"], false);
  EXPECT_EQ(doc["filter"]["maxResults"], 200) << "maxResults is still REQUIRED";
  h.create_user("bjensen");
  auto get = h.call("GET", "/Users", "", {}, {{"filter", "userName eq \"bjensen\""}});
  EXPECT_THAT(get, IsScimError(400, "invalidFilter"));
  EXPECT_NE(body_of(get).value("detail", "").find("filter.supported"), std::string::npos);
  const json search{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
                    {"filter", "userName pr"}};
  EXPECT_THAT(h.call_json("POST", "/Users/.search", search), IsScimError(400, "invalidFilter"));
  EXPECT_THAT(h.call_json("POST", "/.search", search), IsScimError(400, "invalidFilter"));
  auto all = h.call("GET", "/Users");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(body_of(all)["totalResults"], 1);
}

// RFC 7643 §5 changePassword "whether or not the operation is supported": a new password over
// PUT or PATCH is 501; the same password again, none, or one set at creation passes.
TEST(Features, ChangePasswordOffRefusesANewPasswordOnly) {
  Harness h(with([](Features& f) { f.change_password = false; }));
  EXPECT_EQ(spc(h)["changePassword"]["supported"], false);
  const auto id = h.create_user("bjensen", {{"password", "t1meMa$heen"}});
  auto same = h.call_json("PUT", "/Users/" + id,
                          put_body("bjensen", {{"password", "t1meMa$heen"}, {"title", "T"}}));
  EXPECT_EQ(same.status, 200) << same.body;
  auto put = h.call_json("PUT", "/Users/" + id,
                         put_body("bjensen", {{"password", "n3w"}, {"title", "X"}}));
  EXPECT_THAT(put, IsScimError(501, ""));
  EXPECT_EQ(put.notes.variants, std::vector<std::string>{"no-change-password"});
  const json patch = {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
                      {"Operations",
                       {{{"op", "replace"}, {"path", "title"}, {"value", "Y"}},
                        {{"op", "replace"}, {"path", "password"}, {"value", "n3w"}}}}};
  EXPECT_THAT(h.call_json("PATCH", "/Users/" + id, patch), IsScimError(501, ""));
  EXPECT_EQ(body_of(h.call("GET", "/Users/" + id))["title"], "T") << "nothing half-applied";
  EXPECT_EQ(h.call_json("PATCH", "/Users/" + id, kPatchOp).status, 200);
}

TEST(Features, ChangePasswordOnByDefault) {
  Harness h(with_defaults());
  EXPECT_EQ(spc(h)["changePassword"]["supported"], true);
  const auto id = h.create_user("bjensen", {{"password", "a"}});
  EXPECT_EQ(h.call_json("PUT", "/Users/" + id, put_body("bjensen", {{"password", "b"}})).status,
            200);
}

// RFC 7644 §3.5.2: "MAY return HTTP status code 204 (No Content) and the appropriate response
// headers"; "MUST return a 200 OK if the "attributes" parameter is specified".
TEST(Features, PatchNoContentAnswers204WithTheNewETag) {
  ServiceConfig config;
  config.patch_no_content = true;
  Harness h(config);
  const auto id = h.create_user("bjensen");
  auto r = h.call_json("PATCH", "/Users/" + id, kPatchOp);
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_TRUE(r.body.empty());
  auto get = h.call("GET", "/Users/" + id);
  EXPECT_EQ(body_of(get)["nickName"], "B");
  ASSERT_NE(r.header("ETag"), nullptr);
  ASSERT_NE(get.header("ETag"), nullptr);
  EXPECT_EQ(*r.header("ETag"), *get.header("ETag"));
  EXPECT_EQ(r.notes.variants, std::vector<std::string>{"patch-204"});
  auto with_attributes =
      h.call("PATCH", "/Users/" + id, kPatchOp.dump(), {{"content-type", "application/scim+json"}},
             {{"attributes", "nickName"}});
  ASSERT_EQ(with_attributes.status, 200) << with_attributes.body;
  EXPECT_EQ(body_of(with_attributes)["nickName"], "B");
  EXPECT_THAT(h.call_json("PATCH", "/Users/nope", kPatchOp), IsScimError(404, ""));
}

// Where a client discovers the RFC 8936 poll endpoint (docs/events.md).
TEST(Features, AdvertisedFeedsNameThePollEndpointAsATemplate) {
  ServiceConfig config;
  config.advertise_feeds = true;
  config.service_provider_config_extra = {{"securityEvents", {{"asyncRequest", "request"}}}};
  Harness h(std::move(config));
  const auto events = spc(h)["securityEvents"];
  EXPECT_EQ(events["pollEndpoint"], std::string(testing::kBase) + "/Feeds/{id}/poll");
  EXPECT_EQ(events["feedsEndpoint"], std::string(testing::kBase) + "/Feeds");
  EXPECT_EQ(events["deliveryMethods"], json::array({"urn:ietf:rfc:8935", "urn:ietf:rfc:8936"}));
  EXPECT_EQ(events["asyncRequest"], "request");
}

TEST(Features, FeedsAreNotAdvertisedWithoutSecurityEvents) {
  ServiceConfig config;
  config.advertise_feeds = true;
  Harness h(std::move(config));
  EXPECT_FALSE(spc(h).contains("securityEvents"));
}

}  // namespace
}  // namespace scim::server
