// End to end over real HTTP with libcurl: the behaviour variants of docs/mock.md, switched per
// tenant over the admin API while the server runs — PATCH answering 204, PATCH, filtering and
// changePassword switched off, unknown attributes ignored — each shown truthfully in the
// tenant's /ServiceProviderConfig, named in the journal, and touching no other tenant.
#include "mock_e2e_support.hpp"

namespace scim::test {
namespace {

using json = nlohmann::json;

const json kNickName = {
    {"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
    {"Operations", {{{"op", "replace"}, {"path", "nickName"}, {"value", "B"}}}}};

class MockVariants : public MockServer {
 protected:
  static void SetUpTestSuite() { start(); }

  void settings(const std::string& tenant, const json& patch) {
    auto r = admin("PATCH", "/tenants/" + tenant + "/settings", patch);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  json spc(const std::string& tenant) {
    return client_of(tenant)->get(scim_url(tenant, "/ServiceProviderConfig")).json();
  }
  json last_entry(const std::string& tenant, const std::string& method) {
    auto j = journal(tenant, "?method=" + method + "&limit=1");
    EXPECT_EQ(j["entries"].size(), 1u) << j.dump();
    return j["entries"].empty() ? json::object() : j["entries"][0];
  }
};

// RFC 7644 §3.5.2: "MAY return HTTP status code 204 (No Content)"; "MUST return a 200 OK if the
// "attributes" parameter is specified".
TEST_F(MockVariants, PatchAnswers204WithTheETagAndAnotherTenantKeeps200) {
  tenant("v204");
  tenant("plain");
  settings("v204", {{"patchStatus", 204}});
  const auto id = create_user("v204", "bjensen");
  auto c = client_of("v204");
  auto r = scim(*c, "PATCH", scim_url("v204", "/Users/" + id), kNickName);
  EXPECT_EQ(r.status, 204) << r.body;
  EXPECT_TRUE(r.body.empty());
  auto get = c->get(scim_url("v204", "/Users/" + id));
  EXPECT_EQ(get.json()["nickName"], "B");
  EXPECT_EQ(r.header("etag"), get.header("etag"));
  EXPECT_EQ(last_entry("v204", "PATCH")["variants"], json({"patch-204"}));
  auto attrs =
      scim(*c, "PATCH", scim_url("v204", "/Users/" + id + "?attributes=nickName"), kNickName);
  EXPECT_EQ(attrs.status, 200) << attrs.body;
  EXPECT_EQ(attrs.json()["nickName"], "B");
  const auto other = create_user("plain", "bjensen");
  auto plain = client_of("plain");
  EXPECT_EQ(scim(*plain, "PATCH", scim_url("plain", "/Users/" + other), kNickName).status, 200);
}

TEST_F(MockVariants, PatchFilterAndChangePasswordSwitchedOff) {
  tenant("voff");
  const auto id = create_user("voff", "bjensen");
  settings("voff", {{"patch", false}, {"filter", false}, {"changePassword", false}});
  const auto doc = spc("voff");
  EXPECT_EQ(doc["patch"]["supported"], false);
  EXPECT_EQ(doc["filter"]["supported"], false);
  EXPECT_EQ(doc["changePassword"]["supported"], false);
  auto c = client_of("voff");
  expect_scim_error(scim(*c, "PATCH", scim_url("voff", "/Users/" + id), kNickName), 501);
  EXPECT_EQ(last_entry("voff", "PATCH")["variants"], json({"no-patch"}));
  auto filtered = c->get(scim_url("voff", "/Users?filter=userName%20eq%20%22bjensen%22"));
  expect_scim_error(filtered, 400);
  EXPECT_EQ(filtered.json()["scimType"], "invalidFilter");
  EXPECT_EQ(c->get(scim_url("voff", "/Users")).json()["totalResults"], 1);
  json put = user("bjensen");
  put["password"] = "n3w-Secret";
  expect_scim_error(scim(*c, "PUT", scim_url("voff", "/Users/" + id), put), 501);
  EXPECT_EQ(last_entry("voff", "PUT")["variants"], json({"no-change-password"}));
  put.erase("password");
  put["title"] = "T";
  EXPECT_EQ(scim(*c, "PUT", scim_url("voff", "/Users/" + id), put).status, 200);

  settings("voff", {{"patch", nullptr}, {"filter", nullptr}, {"changePassword", nullptr}});
  EXPECT_EQ(spc("voff")["patch"]["supported"], true);
  EXPECT_EQ(scim(*c, "PATCH", scim_url("voff", "/Users/" + id), kNickName).status, 200);
}

// Strict, with one leniency on: unknown attributes are dropped, as applications that store only
// what they know do (docs/lenient.md "unknown-attribute"); everything else stays strict.
TEST_F(MockVariants, UnknownAttributesIgnoredAndTheRestStaysStrict) {
  tenant("vunk");
  auto c = client_of("vunk");
  json body = user("bjensen");
  body["shoeSize"] = 9;
  expect_scim_error(scim(*c, "POST", scim_url("vunk", "/Users"), body), 400);
  settings("vunk", {{"leniencies", {{"unknown-attribute", true}}}});
  auto created = scim(*c, "POST", scim_url("vunk", "/Users"), body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json().contains("shoeSize"));
  EXPECT_EQ(last_entry("vunk", "POST")["leniencies"], json({"unknown-attribute"}));
  json quirky = user("jsmith");
  quirky["active"] = "True";  // boolean-string is not switched on
  expect_scim_error(scim(*c, "POST", scim_url("vunk", "/Users"), quirky), 400);
}

}  // namespace
}  // namespace scim::test
