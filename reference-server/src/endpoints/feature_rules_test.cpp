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
