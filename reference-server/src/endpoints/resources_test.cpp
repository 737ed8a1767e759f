// Resource endpoints: status codes, headers, meta and errors (RFC 7644 §3.3-§3.6, §3.12).
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

const json kUser = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                    {"userName", "bjensen"},
                    {"name", {{"givenName", "Barbara"}, {"familyName", "Jensen"}}}};

TEST(CreateResource, Answers201WithLocationEtagAndMeta) {
  Harness h;
  auto r = h.call_json("POST", "/Users", kUser);
  ASSERT_EQ(r.status, 201) << r.body;
  auto body = body_of(r);
  const std::string id = body["id"];
  EXPECT_EQ(id.size(), 36u);
  ASSERT_TRUE(r.header("Location"));
  EXPECT_EQ(*r.header("Location"), std::string(testing::kBase) + "/Users/" + id);
  ASSERT_TRUE(r.header("ETag"));
  EXPECT_EQ(*r.header("ETag"), body["meta"]["version"].get<std::string>());
  EXPECT_EQ(*r.header("Content-Type"), "application/scim+json");
  EXPECT_EQ(body["meta"]["resourceType"], "User");
  EXPECT_EQ(body["meta"]["location"], *r.header("Location"));
  EXPECT_TRUE(body["meta"].contains("created"));
  EXPECT_TRUE(body["meta"].contains("lastModified"));
}

// RFC 7644 §3.3: the 201 in the default view is written from the stored record (resource_write.cpp,
// created_text); it must answer what the tree path answers for the same resource, as a GET does
// (RFC 7643 §7: "password" is returned never; the computed "groups" absent for a new user).
TEST(CreateResource, TheDefaultViewAnswersAsTheTreePath) {
  Harness h;
  const json user = {
      {"schemas",
       {"urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}},
      {"userName", "bjensen@example.com"},
      {"externalId", "e-1"},
      {"password", "t1meMa$heen"},
      {"name", {{"givenName", "Barbara"}, {"familyName", "Jensen"}}},
      {"displayName", "Babs \"the\" Jensen \u00e9"},
      {"active", true},
      {"emails", {{{"value", "b@example.com"}, {"type", "work"}, {"primary", true}}}},
      {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
       {{"employeeNumber", "701984"}, {"department", "Tour Operations"}}}};
  auto created = h.call_json("POST", "/Users", user);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto body = body_of(created);
  EXPECT_FALSE(body.contains("password"));
  const std::string id = body["id"];
  // excludedAttributes naming what the default view leaves out anyway takes the tree path.
  auto tree = h.call("GET", "/Users/" + id, "", {}, {{"excludedAttributes", "password"}});
  ASSERT_EQ(tree.status, 200);
  EXPECT_EQ(body, body_of(tree));
  EXPECT_EQ(*created.header("ETag"), *tree.header("ETag"));
  EXPECT_EQ(*created.header("Location"), body["meta"]["location"].get<std::string>());
  EXPECT_EQ(*created.header("Content-Type"), "application/scim+json");

  // Any other projection is the tree path's (RFC 7644 §3.9 applies to a POST's answer too).
  auto other = user;
  other["userName"] = "other@example.com";
  auto projected =
      h.call("POST", "/Users", other.dump(), {{"content-type", "application/scim+json"}},
             {{"attributes", "userName"}});
  ASSERT_EQ(projected.status, 201) << projected.body;
  auto only = body_of(projected);
  EXPECT_EQ(only["userName"], "other@example.com");
  EXPECT_TRUE(only.contains("id"));
  EXPECT_FALSE(only.contains("name"));
  EXPECT_FALSE(only.contains("emails"));

  // A group with members is kept beside its record: the writer declines it, the tree answers.
  const auto group = h.call_json("POST", "/Groups",
                                 {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                                  {"displayName", "Tour Guides"},
                                  {"members", {{{"value", id}}}}});
  ASSERT_EQ(group.status, 201) << group.body;
  const auto group_body = body_of(group);
  auto group_get = h.call("GET", "/Groups/" + group_body["id"].get<std::string>());
  EXPECT_EQ(group_body, body_of(group_get));
  EXPECT_EQ(group_body["members"][0]["value"], id);
}

TEST(CreateResource, DuplicateUserNameIs409Uniqueness) {
  Harness h;
  h.create_user("bjensen");
  auto again = kUser;
  again["userName"] = "BJENSEN";
  EXPECT_THAT(h.call_json("POST", "/Users", again), IsScimError(409, "uniqueness"));
}

TEST(CreateResource, ClientSuppliedIdIsIgnored) {
  Harness h;
  auto u = kUser;
  u["id"] = "chosen-by-client";
  auto r = h.call_json("POST", "/Users", u);
  ASSERT_EQ(r.status, 201);
  EXPECT_NE(body_of(r)["id"], "chosen-by-client");
}

TEST(CreateResource, MalformedBodiesAreInvalidSyntax) {
  Harness h;
  EXPECT_THAT(h.call("POST", "/Users", "{\"userName\":"), IsScimError(400, "invalidSyntax"));
  EXPECT_THAT(h.call("POST", "/Users", ""), IsScimError(400, "invalidSyntax"));
}

TEST(CreateResource, WrongContentTypeIs415) {
  Harness h;
  EXPECT_THAT(h.call("POST", "/Users", kUser.dump(), {{"content-type", "text/xml"}}),
              IsScimError(415, ""));
}

TEST(CreateResource, MissingRequiredAttributeIsRejected) {
  Harness h;
  auto r =
      h.call_json("POST", "/Users", {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(h.tenants.find("acme")->size("User"), 0u);
}

TEST(GetResource, Answers200AndHonoursAttributes) {
  Harness h;
  const auto id = h.create_user("bjensen", {{"title", "Tour Guide"}});
  auto r = h.call("GET", "/Users/" + id);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r)["title"], "Tour Guide");
  auto only = h.call("GET", "/Users/" + id, "", {}, {{"attributes", "userName"}});
  auto body = body_of(only);
  EXPECT_EQ(body["userName"], "bjensen");
  EXPECT_FALSE(body.contains("title"));
  EXPECT_EQ(body["id"], id);  // returned "always" (RFC 7643 §7)
  auto without = body_of(h.call("GET", "/Users/" + id, "", {}, {{"excludedAttributes", "title"}}));
  EXPECT_FALSE(without.contains("title"));
  EXPECT_EQ(without["userName"], "bjensen");
}

TEST(GetResource, UnknownIdIs404) {
  Harness h;
  EXPECT_THAT(h.call("GET", "/Users/does-not-exist"), IsScimError(404, ""));
}

TEST(Routing, UnknownEndpointIs404AndWrongMethodIs405) {
  Harness h;
  EXPECT_THAT(h.call("GET", "/Widgets"), IsScimError(404, ""));
  auto r = h.call("DELETE", "/Users");
  EXPECT_THAT(r, IsScimError(405, ""));
  ASSERT_TRUE(r.header("Allow"));
  EXPECT_THAT(h.call("POST", "/Users/abc"), IsScimError(405, ""));
  EXPECT_THAT(h.call("PUT", "/ServiceProviderConfig", "{}"), IsScimError(405, ""));
}

TEST(Routing, Accept406AndHealth) {
  Harness h;
  EXPECT_THAT(h.call("GET", "/Users", "", {{"accept", "text/html"}}), IsScimError(406, ""));
  auto health = h.call("GET", "/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(body_of(health)["status"], "ok");
}

TEST(Routing, UnknownTenantIs404WhenTenantsAreDeclared) {
  auto registry = Registry::with_builtin();
  store::TenantDirectory tenants(store_specs(registry));
  ASSERT_TRUE(tenants.add("known"));
  Service service(registry, {}, tenants);
  RouteTable routes = make_routes(service, {});
  Request r;
  r.method = "GET";
  r.path = "/Users";
  r.principal.tenant = "other";
  EXPECT_THAT(routes.handle(r), IsScimError(404, ""));
  r.principal.tenant.clear();
  EXPECT_THAT(routes.handle(r), IsScimError(401, ""));
}

// /Bulk is a route of its own, ahead of the resource endpoints; its operations run through the
// resource routes.
TEST(Routing, BulkIsServedByTheBulkExecutor) {
  Harness h;
  bulk::BulkExecutor executor(h.routes, bulk::BulkLimits{});
  RouteTable with_bulk = make_routes(h.service, {.bulk = &executor});
  Request r;
  r.method = "POST";
  r.path = "/Bulk";
  r.body = R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
    "Operations":[{"method":"POST","path":"/Users","bulkId":"a",
      "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulky"}}]})";
  r.principal.tenant = h.tenant;
  r.base_url = testing::kBase;
  auto response = with_bulk.handle(r);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(body_of(response)["Operations"][0]["status"], "201");
  EXPECT_THAT(h.call("POST", "/Bulk", "{}"), IsScimError(404, ""));  // not configured there
}

// A bulk operation runs on the data parsed with the BulkRequest, and a POST's answer is read for
// its id and location only (RFC 7644 §3.7.3): the result, the stored resource and the events are
// those of the same POST sent alone.
TEST(Routing, BulkPostsAnswerAsSinglePosts) {
  ServiceConfig config;
  config.max_json_depth = 4;  // below the bulk's own limit (64): the service's rule still holds
  Harness h(config);
  bulk::BulkExecutor executor(h.routes, bulk::BulkLimits{});
  RouteTable with_bulk = make_routes(h.service, {.bulk = &executor});
  auto user = kUser;
  user["userName"] = "bulky";
  const json group = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                      {"displayName", "Bulk Guides"},
                      {"members", {{{"type", "User"}, {"value", "bulkId:u"}}}}};
  auto deep = kUser;
  deep["userName"] = "deep";
  deep["name"]["givenName"] = {{"a", {{"b", {{"c", 1}}}}}};  // five levels
  Request r;
  r.method = "POST";
  r.path = "/Bulk";
  r.body = json{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:BulkRequest"}},
                {"Operations",
                 {{{"method", "POST"}, {"path", "/Users"}, {"bulkId", "u"}, {"data", user}},
                  {{"method", "POST"}, {"path", "/Groups"}, {"bulkId", "g"}, {"data", group}},
                  {{"method", "POST"}, {"path", "/Users"}, {"bulkId", "d"}, {"data", deep}}}}}
               .dump();
  r.principal.tenant = h.tenant;
  r.base_url = testing::kBase;
  auto response = with_bulk.handle(r);
  ASSERT_EQ(response.status, 200) << response.body;
  const auto ops = body_of(response)["Operations"];
  ASSERT_EQ(ops.size(), 3u);
  for (int i : {0, 1}) {
    EXPECT_EQ(ops[i]["status"], "201");
    const std::string location = ops[i]["location"];
    const auto got = h.call("GET", location.substr(std::string(testing::kBase).size()));
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(body_of(got)["meta"]["location"].get<std::string>(), location);
    EXPECT_EQ(ops[i]["version"].get<std::string>(), *got.header("ETag"));
    EXPECT_FALSE(ops[i].contains("response"));
  }
  const auto user_body = body_of(h.call(
      "GET", ops[0]["location"].get<std::string>().substr(std::string(testing::kBase).size())));
  const auto group_body = body_of(h.call(
      "GET", ops[1]["location"].get<std::string>().substr(std::string(testing::kBase).size())));
  EXPECT_EQ(group_body["members"][0]["value"], user_body["id"]);  // bulkId:u resolved
  EXPECT_EQ(user_body["name"], kUser["name"]);
  // The nesting rule is the service's, with its error, as for the body sent as text.
  EXPECT_EQ(ops[2]["status"], "400");
  EXPECT_EQ(ops[2]["response"]["scimType"], "invalidSyntax");
  EXPECT_EQ(ops[2]["response"]["detail"], "the request body nests deeper than 4 levels");
  EXPECT_THAT(h.call_json("POST", "/Users", deep), IsScimError(400, "invalidSyntax"));
  EXPECT_EQ(body_of(h.call_json("POST", "/Users", deep))["detail"],
            "the request body nests deeper than 4 levels");
  // One create event each, carrying the resource as a GET presents it.
  ASSERT_EQ(h.sink.events.size(), 2u);
  EXPECT_EQ(h.sink.events[0].kind, WriteEvent::Kind::Create);
  EXPECT_EQ(h.sink.events[0].resource["id"], user_body["id"]);  // its groups changed since
  EXPECT_EQ(h.sink.events[0].resource["meta"]["location"], ops[0]["location"]);
  EXPECT_EQ(h.sink.events[0].version, ops[0]["version"].get<std::string>());
  EXPECT_EQ(h.sink.events[1].resource, group_body);
  EXPECT_EQ(h.sink.events[1].version, ops[1]["version"].get<std::string>());
}

TEST(ReplaceResource, ReplacesAndKeepsIdAndCreated) {
  Harness h;
  auto created = body_of(h.call_json("POST", "/Users", kUser));
  auto put = kUser;
  put["userName"] = "babs";
  auto r = h.call_json("PUT", "/Users/" + created["id"].get<std::string>(), put);
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = body_of(r);
  EXPECT_EQ(body["userName"], "babs");
  EXPECT_EQ(body["id"], created["id"]);
  EXPECT_EQ(body["meta"]["created"], created["meta"]["created"]);
  EXPECT_NE(body["meta"]["version"], created["meta"]["version"]);
  EXPECT_THAT(h.call_json("PUT", "/Users/nope", put), IsScimError(404, ""));
}

TEST(DeleteResource, Answers204ThenGetIs404) {
  Harness h;
  const auto id = h.create_user("bjensen");
  auto r = h.call("DELETE", "/Users/" + id);
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  EXPECT_THAT(h.call("GET", "/Users/" + id), IsScimError(404, ""));
  EXPECT_THAT(h.call("DELETE", "/Users/" + id), IsScimError(404, ""));
}

TEST(PatchResource, AppliesAndReturns200WithTheResource) {
  Harness h;
  const auto id = h.create_user("bjensen");
  json patch{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
             {"Operations", {{{"op", "replace"}, {"path", "title"}, {"value", "Boss"}}}}};
  auto r = h.call_json("PATCH", "/Users/" + id, patch);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)["title"], "Boss");
  EXPECT_EQ(body_of(h.call("GET", "/Users/" + id))["title"], "Boss");
}

TEST(PatchResource, ReadOnlyTargetIsRejectedAndNothingChanges) {
  Harness h;
  const auto id = h.create_user("bjensen");
  auto before = body_of(h.call("GET", "/Users/" + id));
  json patch{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
             {"Operations",
              {{{"op", "replace"}, {"path", "title"}, {"value", "x"}},
               {{"op", "replace"}, {"path", "id"}, {"value", "y"}}}}};
  auto r = h.call_json("PATCH", "/Users/" + id, patch);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(body_of(h.call("GET", "/Users/" + id)), before);
}

TEST(Events, EveryCommittedWriteIsReportedOnce) {
  Harness h;
  const auto id = h.create_user("bjensen", {{"active", true}});
  json patch{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
             {"Operations", {{{"op", "replace"}, {"path", "active"}, {"value", false}}}}};
  ASSERT_EQ(h.call_json("PATCH", "/Users/" + id, patch).status, 200);
  ASSERT_EQ(h.call("DELETE", "/Users/" + id).status, 204);
  (void)h.call_json("POST", "/Users", {{"userName", 5}});  // rejected: no event
  ASSERT_EQ(h.sink.events.size(), 3u);
  EXPECT_EQ(h.sink.events[0].kind, WriteEvent::Kind::Create);
  EXPECT_EQ(h.sink.events[0].tenant, "acme");
  EXPECT_EQ(h.sink.events[0].location, std::string(testing::kBase) + "/Users/" + id);
  EXPECT_EQ(h.sink.events[1].kind, WriteEvent::Kind::Patch);
  EXPECT_EQ(h.sink.events[1].active_before, true);
  EXPECT_EQ(h.sink.events[1].active_after, false);
  EXPECT_TRUE(h.sink.events[1].patch_ops.is_array());
  EXPECT_EQ(h.sink.events[2].kind, WriteEvent::Kind::Delete);
  EXPECT_TRUE(h.sink.events[2].resource.is_null());
}

TEST(Lenient, ConfigReachesTheEngine) {
  ServiceConfig lenient;
  lenient.lenient = true;
  Harness strict_h, lenient_h(lenient);
  // Capitalised PATCH op names are a documented leniency (architecture.md).
  for (Harness* h : {&strict_h, &lenient_h}) {
    const auto id = h->create_user("bjensen");
    json patch{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
               {"Operations", {{{"op", "Replace"}, {"path", "title"}, {"value", "x"}}}}};
    auto r = h->call_json("PATCH", "/Users/" + id, patch);
    EXPECT_EQ(r.status, h == &strict_h ? 400 : 200) << r.body;
  }
}

}  // namespace
}  // namespace scim::server
