// The control plane over the real service, stores, credentials and feeds, without sockets: each
// operation's effect on SCIM requests, its audit entry, and bad input that changes nothing.
#include "scim/server/admin/control_plane.hpp"

#include <gtest/gtest.h>

#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/routes.hpp"
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;
using server::testing::body_of;

struct NoTransport : events::PushTransport {
  events::PushOutcome post(const events::PushTarget&, const std::string&) override {
    return {202, "", ""};
  }
};

class ControlPlaneTest : public ::testing::Test {
 protected:
  ControlPlaneTest() {
    for (const auto& t : auth_.tenants()) tenants_.add(t);
    plane_.adopt_startup_tenants();
  }

  // A SCIM request as the authentication layer hands it over for `token` (401 when unknown).
  server::Response scim(const std::string& token, const std::string& method,
                        const std::string& path, const json& body = nullptr) {
    auto principal = auth_.authenticate("Bearer " + token, nullptr);
    if (!principal) return server::error_response(http_error(401, "unknown token"));
    server::Request r;
    r.method = method;
    r.path = path;
    r.principal = *principal;
    r.base_url = "https://example.com/scim/v2";
    if (!body.is_null()) {
      r.body = body.dump();
      r.headers["content-type"] = "application/scim+json";
    }
    return routes_.handle(r);
  }
  std::string create_user(const std::string& token, const std::string& name) {
    auto r =
        scim(token, "POST", "/Users",
             {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}}, {"userName", name}});
    EXPECT_EQ(r.status, 201) << r.body;
    return body_of(r).value("id", "");
  }
  json created(const json& body) {
    auto t = plane_.create_tenant(body, "admin#1");
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().detail);
    return t.ok() ? *t : json();
  }
  std::vector<std::string> audit_actions() {
    std::vector<std::string> out;
    for (const auto& e : journals_.server().query({.limit = 1000}).entries) out.push_back(e.action);
    return out;
  }

  Registry registry_ = Registry::with_builtin();
  http::Authenticator auth_ = std::move(*http::Authenticator::create({}));
  store::TenantDirectory tenants_{server::store_specs(registry_)};
  // Bulk served, so a tenant's bulk settings apply.
  server::Service service_{registry_,
                           [] {
                             server::ServiceConfig c;
                             c.bulk = bulk::BulkLimits{};
                             return c;
                           }(),
                           tenants_};
  NoTransport transport_;
  events::FeedRegistry feeds_{{}, transport_};
  async::AsyncJobs jobs_;
  Journals journals_{{}, nullptr};
  Faults faults_;
  ControlPlane plane_{{auth_, tenants_, service_, feeds_, jobs_, journals_, faults_}, {}};
  server::RouteTable routes_ = server::make_routes(service_, {});
};

TEST_F(ControlPlaneTest, CreateListGetAndDeleteATenant) {
  auto acme = created({{"name", "acme"}, {"tokens", {"acme-token"}}});
  EXPECT_EQ(acme["basePath"], "/tenants/acme/scim/v2");
  ASSERT_EQ(acme["credentials"].size(), 1u);
  EXPECT_EQ(acme["credentials"][0]["name"], "token#1");
  EXPECT_FALSE(acme["credentials"][0].contains("token"));  // never the secret
  create_user("acme-token", "bjensen");

  auto list = plane_.list_tenants();
  EXPECT_EQ(list["totalResults"], 2);  // "default" and "acme"
  auto got = plane_.get_tenant("acme");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ((*got)["resources"]["User"], 1);

  ASSERT_TRUE(plane_.delete_tenant("acme", "admin#1").ok());
  EXPECT_EQ(scim("acme-token", "GET", "/Users").status, 401);  // revoked at once
  EXPECT_EQ(plane_.get_tenant("acme").error().status, 404);
  EXPECT_EQ(plane_.delete_tenant("acme", "admin#1").error().status, 404);
  EXPECT_EQ(tenants_.find("acme"), nullptr);
  EXPECT_EQ(journals_.tenant("acme"), nullptr);
  EXPECT_EQ(audit_actions(), (std::vector<std::string>{"tenant.create", "tenant.delete"}));
}

TEST_F(ControlPlaneTest, BadTenantRequestsChangeNothing) {
  for (const json& body : std::vector<json>{
           {{"name", "no/slash"}},
           {{"name", "default"}},
           {{"name", "acme"}, {"tokens", {"has space"}}},
           {{"name", "acme"}, {"tokens", {"secret"}}},  // in use by another tenant: 409
           {{"name", "acme"}, {"basic", {{{"user", "a:b"}, {"password", "p"}}}}},
           {{"name", "acme"}, {"settings", {{"maxResults", 0}}}},
           {{"name", "acme"}, {"colour", "red"}},
           json::array()}) {
    auto t = plane_.create_tenant(body, "admin#1");
    ASSERT_FALSE(t.ok()) << body.dump();
    EXPECT_TRUE(t.error().status == 400 || t.error().status == 409) << body.dump();
    EXPECT_FALSE(auth_.has_tenant("acme")) << body.dump();
    EXPECT_EQ(tenants_.find("acme"), nullptr) << body.dump();
  }
  EXPECT_EQ(plane_.create_tenant({{"name", "default"}}, "x").error().status, 409);
  EXPECT_TRUE(audit_actions().empty());
}

TEST_F(ControlPlaneTest, TokensAreGeneratedAddedAndRotated) {
  auto acme = created({{"name", "acme"}});
  ASSERT_EQ(acme["generatedTokens"].size(), 1u);
  const std::string generated = acme["generatedTokens"][0];
  EXPECT_EQ(scim(generated, "GET", "/Users").status, 200);

  ASSERT_TRUE(plane_.set_tokens("acme", {{"tokens", {"second"}}}, false, "admin#1").ok());
  EXPECT_EQ(scim(generated, "GET", "/Users").status, 200);
  EXPECT_EQ(scim("second", "GET", "/Users").status, 200);

  auto rotated = plane_.set_tokens("acme", {{"tokens", {"third"}}}, true, "admin#1");
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(scim(generated, "GET", "/Users").status, 401);
  EXPECT_EQ(scim("second", "GET", "/Users").status, 401);
  EXPECT_EQ(scim("third", "GET", "/Users").status, 200);
  EXPECT_EQ(plane_.set_tokens("ghost", json::object(), true, "x").error().status, 404);
  EXPECT_EQ(plane_.set_tokens("acme", {{"tokens", "third"}}, true, "x").error().status, 400);
  EXPECT_EQ(scim("third", "GET", "/Users").status, 200);  // a refused rotation changed nothing
}

TEST_F(ControlPlaneTest, ResetEmptiesDataAndJournalButKeepsConfiguration) {
  created({{"name", "acme"}, {"tokens", {"acme-token"}}, {"settings", {{"maxResults", 7}}}});
  create_user("acme-token", "bjensen");
  journals_.tenant("acme")->append(JournalEntry{});
  auto reset = plane_.reset_tenant("acme", "admin#1");
  ASSERT_TRUE(reset.ok());
  EXPECT_EQ((*reset)["resources"]["User"], 0);
  EXPECT_EQ(body_of(scim("acme-token", "GET", "/Users"))["totalResults"], 0);
  // The journal holds the reset's own audit entry only.
  auto entries = journals_.tenant("acme")->query({}).entries;
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "tenant.reset");
  EXPECT_EQ((*plane_.get_settings("acme"))["effective"]["maxResults"], 7);
  create_user("acme-token", "bjensen");  // unique values are free again
}

TEST_F(ControlPlaneTest, ExportThenImportIntoAnotherTenantKeepsIdsAndMeta) {
  created({{"name", "acme"}, {"tokens", {"acme-token"}}});
  const std::string id = create_user("acme-token", "bjensen");
  auto group = scim("acme-token", "POST", "/Groups",
                    {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                     {"displayName", "admins"},
                     {"members", {{{"value", id}}}}});
  ASSERT_EQ(group.status, 201);
  auto exported = plane_.export_tenant("acme");
  ASSERT_TRUE(exported.ok());
  ASSERT_EQ((*exported)["Users"].size(), 1u);
  const json user = (*exported)["Users"][0];
  EXPECT_EQ(user["id"], id);
  EXPECT_TRUE(user["meta"].contains("version"));

  created({{"name", "beta"}, {"tokens", {"beta-token"}}});
  auto imported = plane_.import_tenant("beta", *exported, false, "admin#1");
  ASSERT_TRUE(imported.ok()) << imported.error().detail;
  EXPECT_EQ((*imported)["imported"], 2);
  auto copy = body_of(scim("beta-token", "GET", "/Users/" + id));
  EXPECT_EQ(copy["meta"]["created"], user["meta"]["created"]);
  EXPECT_EQ(copy["meta"]["version"], user["meta"]["version"]);
  EXPECT_EQ(copy["groups"][0]["display"], "admins");
}

TEST_F(ControlPlaneTest, ABadImportChangesNothing) {
  created({{"name", "acme"}, {"tokens", {"acme-token"}}});
  const std::string id = create_user("acme-token", "kept");
  auto user = [](const std::string& name) {
    return json{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}}, {"userName", name}};
  };
  const json clash = {{"Users", {user("new-one"), user("NEW-ONE")}}};  // 409 at [1]
  for (bool merge : {false, true}) {
    auto r = plane_.import_tenant("acme", clash, merge, "admin#1");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().status, 409);
    EXPECT_NE(r.error().detail.find("Users[1]"), std::string::npos) << r.error().detail;
    EXPECT_EQ(body_of(scim("acme-token", "GET", "/Users"))["totalResults"], 1);
    EXPECT_EQ(scim("acme-token", "GET", "/Users/" + id).status, 200);
  }
  for (const json& bad : std::vector<json>{{{"Widgets", json::array()}},
                                           {{"Users", json::object()}},
                                           {{"Users", {{{"userName", 7}}}}},
                                           json::array()}) {
    auto r = plane_.import_tenant("acme", bad, false, "admin#1");
    ASSERT_FALSE(r.ok()) << bad.dump();
    EXPECT_EQ(r.error().status, 400) << bad.dump();
  }
  EXPECT_EQ(body_of(scim("acme-token", "GET", "/Users"))["totalResults"], 1);
  EXPECT_EQ(plane_.import_tenant("ghost", {{"Users", json::array()}}, false, "x").error().status,
            404);
  auto merged = plane_.import_tenant("acme", {{"Users", {user("added")}}}, true, "x");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(body_of(scim("acme-token", "GET", "/Users"))["totalResults"], 2);
}

TEST_F(ControlPlaneTest, SettingsChangeOneTenantWithoutARestart) {
  created({{"name", "acme"}, {"tokens", {"acme-token"}}});
  for (const char* name : {"a", "b", "c"}) create_user("acme-token", name);
  auto patched = plane_.change_settings("acme", {{"maxResults", 2}}, true, "admin#1");
  ASSERT_TRUE(patched.ok());
  EXPECT_EQ((*patched)["effective"]["maxResults"], 2);
  auto page = body_of(scim("acme-token", "GET", "/Users"));
  EXPECT_EQ(page["itemsPerPage"], 2);
  EXPECT_EQ(page["totalResults"], 3);
  auto spc = body_of(scim("acme-token", "GET", "/ServiceProviderConfig"));
  EXPECT_EQ(spc["filter"]["maxResults"], 2);  // RFC 7643 §5: reflected truthfully
  EXPECT_EQ(body_of(scim("secret", "GET", "/ServiceProviderConfig"))["filter"]["maxResults"],
            200);  // the other tenant is untouched

  EXPECT_EQ(plane_.change_settings("acme", {{"maxResults", 0}}, true, "x").error().status, 400);
  EXPECT_EQ((*plane_.get_settings("acme"))["effective"]["maxResults"], 2);
  ASSERT_TRUE(plane_.change_settings("acme", {{"maxResults", nullptr}}, true, "x").ok());
  EXPECT_EQ(body_of(scim("acme-token", "GET", "/Users"))["itemsPerPage"], 3);
  ASSERT_TRUE(plane_.change_settings("acme", {{"mode", "lenient"}}, false, "x").ok());
  EXPECT_EQ((*plane_.get_settings("acme"))["settings"], json({{"mode", "lenient"}}));
  auto actions = audit_actions();
  EXPECT_EQ(actions.back(), "settings.replace");
}

TEST_F(ControlPlaneTest, ReceiversAreAddedAndRemovedPerTenant) {
  created({{"name", "acme"}, {"tokens", {"acme-token"}}});
  auto added = plane_.add_receiver("acme", {{"url", "http://127.0.0.1:9/events"}}, "admin#1");
  ASSERT_TRUE(added.ok());
  EXPECT_EQ((*plane_.list_receivers("acme"))["receivers"].size(), 1u);
  EXPECT_EQ((*plane_.list_receivers("default"))["receivers"].size(), 0u);
  EXPECT_EQ(plane_.add_receiver("acme", {{"url", "file:///etc/passwd"}}, "x").error().status, 400);
  EXPECT_EQ(
      plane_.add_receiver("acme", {{"url", "http://h"}, {"feed", "nope"}}, "x").error().status,
      404);
  ASSERT_TRUE(plane_.remove_receiver("acme", (*added)["id"], "admin#1").ok());
  EXPECT_EQ(plane_.remove_receiver("acme", (*added)["id"], "admin#1").error().status, 404);
}

TEST_F(ControlPlaneTest, JournalQueriesAreValidated) {
  created({{"name", "acme"}, {"tokens", {"acme-token"}}});
  auto page = plane_.journal("acme", {{"kind", "audit"}});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ((*page)["entries"][0]["action"], "tenant.create");
  EXPECT_EQ(plane_.journal("acme", {{"limit", "-1"}}).error().status, 400);
  EXPECT_EQ(plane_.journal("ghost", {}).error().status, 404);
  ASSERT_TRUE(plane_.clear_journal("acme", "admin#1").ok());
  EXPECT_EQ((*plane_.journal("acme", {{"kind", "request"}}))["matched"], 0);
}

}  // namespace
}  // namespace scim::admin
