// End to end over real HTTP with libcurl: the mock's admin API (docs/mock.md) on the
// scim-reference-server binary — admin and SCIM credentials never crossing, tenants created,
// listed and deleted at run time (tokens revoked at once), tokens added and rotated, reset,
// export and atomic import, runtime settings, receivers, the journal and its audit entries, and
// bad admin input answered 4xx without a change.
#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "mock_e2e_support.hpp"

namespace scim::test {
namespace {

using json = nlohmann::json;

class MockAdmin : public MockServer {
 protected:
  static void SetUpTestSuite() { start({"--max-admin-body-bytes", "4096"}); }
};

TEST_F(MockAdmin, AdminAndScimCredentialsNeverCross) {
  tenant("cross");
  HttpClient anonymous;
  auto none = anonymous.get(admin_url("/tenants"));
  expect_scim_error(none, 401);
  EXPECT_NE(none.header("www-authenticate").find("Bearer"), std::string::npos);

  auto scim_token = client_of("cross");
  expect_scim_error(scim_token->get(admin_url("/tenants")), 403);  // a SCIM token: never admin
  HttpClient wrong;
  wrong.set_bearer("not-a-token");
  expect_scim_error(wrong.get(admin_url("/tenants")), 401);

  // An admin token never opens SCIM data, on the default base or a tenant's.
  expect_scim_error(admin_.get(server_->url() + "/Users"), 403);
  expect_scim_error(admin_.get(scim_url("cross", "/Users")), 403);
  EXPECT_EQ(scim_token->get(scim_url("cross", "/Users")).status, 200);
}

TEST_F(MockAdmin, TenantLifecycleRevokesTokensAtOnce) {
  tenant("life", {{"basic", {{{"user", "alice"}, {"password", "pw"}}}}});
  create_user("life", "bjensen");
  auto list = admin("GET", "/tenants");
  ASSERT_EQ(list.status, 200) << list.body;
  bool found = false;
  const json tenants = list.json()["tenants"];
  for (const auto& t : tenants) {
    if (t["name"] != "life") continue;
    found = true;
    EXPECT_EQ(t["resources"]["User"], 1);
    EXPECT_EQ(t["credentials"].size(), 2u);  // the token and the Basic user, never the secrets
    EXPECT_EQ(t.dump().find("life-token"), std::string::npos);
  }
  EXPECT_TRUE(found) << list.body;

  HttpClient basic;
  auto b = basic.request("GET", scim_url("life", "/Users"), "",
                         {"Authorization: Basic YWxpY2U6cHc="});  // alice:pw
  EXPECT_EQ(b.status, 200) << b.body;

  auto c = client_of("life");
  EXPECT_EQ(c->get(scim_url("life", "/Users")).status, 200);  // keep-alive connection open
  ASSERT_EQ(admin("DELETE", "/tenants/life").status, 204);
  expect_scim_error(c->get(scim_url("life", "/Users")), 401);  // same connection, revoked
  expect_scim_error(admin("GET", "/tenants/life"), 404);
  expect_scim_error(admin("DELETE", "/tenants/life"), 404);
}

TEST_F(MockAdmin, TokensAreAddedGeneratedAndRotated) {
  tenant("rot");
  auto added = admin("POST", "/tenants/rot/tokens", {{"tokens", {"rot-second"}}});
  ASSERT_EQ(added.status, 200) << added.body;
  HttpClient second;
  second.set_bearer("rot-second");
  EXPECT_EQ(second.get(scim_url("rot", "/Users")).status, 200);

  auto generated = admin("POST", "/tenants/rot/tokens");  // no body: one token is generated
  ASSERT_EQ(generated.status, 200) << generated.body;
  ASSERT_EQ(generated.json()["generatedTokens"].size(), 1u);
  HttpClient third;
  third.set_bearer(generated.json()["generatedTokens"][0]);
  EXPECT_EQ(third.get(scim_url("rot", "/Users")).status, 200);

  ASSERT_EQ(admin("PUT", "/tenants/rot/tokens", {{"tokens", {"rot-only"}}}).status, 200);
  EXPECT_EQ(second.get(scim_url("rot", "/Users")).status, 401);
  EXPECT_EQ(third.get(scim_url("rot", "/Users")).status, 401);
  EXPECT_EQ(client_of("rot")->get(scim_url("rot", "/Users")).status, 401);
  HttpClient only;
  only.set_bearer("rot-only");
  EXPECT_EQ(only.get(scim_url("rot", "/Users")).status, 200);
  // Another tenant's secret is refused (409) and changes nothing.
  expect_scim_error(admin("PUT", "/tenants/rot/tokens", {{"tokens", {"secret"}}}), 409);
  EXPECT_EQ(only.get(scim_url("rot", "/Users")).status, 200);
}

TEST_F(MockAdmin, ResetEmptiesDataJournalAndQueuesButKeepsConfiguration) {
  tenant("rst", {{"settings", {{"maxResults", 5}}}});
  create_user("rst", "before-reset");
  auto reset = admin("POST", "/tenants/rst/reset");
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(reset.json()["resources"]["User"], 0);
  auto c = client_of("rst");
  EXPECT_EQ(c->get(scim_url("rst", "/Users")).json()["totalResults"], 0);
  auto poll =
      scim(*c, "POST", scim_url("rst", "/Feeds/default/poll"), {{"returnImmediately", true}});
  ASSERT_EQ(poll.status, 200) << poll.body;
  EXPECT_TRUE(poll.json()["sets"].empty()) << poll.body;  // the create's SET is gone
  EXPECT_EQ(c->get(scim_url("rst", "/ServiceProviderConfig")).json()["filter"]["maxResults"], 5);
  auto j = journal("rst");
  // Only what came after the reset: its audit entry and the three requests above.
  ASSERT_GE(j["entries"].size(), 1u);
  EXPECT_EQ(j["entries"][0]["action"], "tenant.reset") << j.dump();
  create_user("rst", "before-reset");  // the unique userName is free again
}

TEST_F(MockAdmin, ExportAndAtomicImport) {
  tenant("exp");
  const std::string id = create_user("exp", "exported");
  auto exported = admin("GET", "/tenants/exp/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  ASSERT_EQ(exported.json()["Users"].size(), 1u);
  EXPECT_EQ(exported.json()["Users"][0]["id"], id);

  tenant("imp");
  create_user("imp", "replaced-away");
  auto imported = admin("POST", "/tenants/imp/import?mode=replace", exported.json());
  ASSERT_EQ(imported.status, 200) << imported.body;
  auto c = client_of("imp");
  auto copy = c->get(scim_url("imp", "/Users/" + id));
  ASSERT_EQ(copy.status, 200) << copy.body;
  EXPECT_EQ(copy.json()["meta"]["created"], exported.json()["Users"][0]["meta"]["created"]);
  EXPECT_EQ(c->get(scim_url("imp", "/Users")).json()["totalResults"], 1);

  // A clash in the second item: 409, nothing imported; merge keeps what is there.
  json bad = {{"Users", {user("merged-1"), user("exported")}}};
  auto refused = admin("POST", "/tenants/imp/import?mode=merge", bad);
  expect_scim_error(refused, 409);
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("Users[1]"), std::string::npos);
  EXPECT_EQ(c->get(scim_url("imp", "/Users")).json()["totalResults"], 1);
  auto merged = admin("POST", "/tenants/imp/import?mode=merge", {{"Users", {user("merged-1")}}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(c->get(scim_url("imp", "/Users")).json()["totalResults"], 2);
}

TEST_F(MockAdmin, BadAdminInputGetsAClear4xxAndChangesNothing) {
  tenant("bad");
  expect_scim_error(admin("GET", "/tenants/ghost"), 404);
  expect_scim_error(admin("POST", "/tenants/ghost/reset"), 404);
  auto raw = admin_.request("POST", admin_url("/tenants"), "{not json",
                            {"Content-Type: application/json"});
  expect_scim_error(raw, 400);
  expect_scim_error(admin("POST", "/tenants/bad/faults", {{"type", "explode"}}), 400);
  expect_scim_error(admin("POST", "/tenants/bad/faults", {{"type", "error"}, {"status", 404}}),
                    400);
  expect_scim_error(admin("PATCH", "/tenants/bad/settings", {{"maxResults", "ten"}}), 400);
  expect_scim_error(admin("PATCH", "/tenants/bad/settings", {{"colour", "red"}}), 400);
  expect_scim_error(admin("POST", "/tenants/bad/import?mode=sideways", {{"Users", json::array()}}),
                    400);
  json big = {{"Users", json::array()}};
  for (int i = 0; i < 100; ++i) big["Users"].push_back(user("padding-user-" + std::to_string(i)));
  auto oversized = admin("POST", "/tenants/bad/import", big);  // over --max-admin-body-bytes
  EXPECT_EQ(oversized.status, 413) << oversized.body;
  EXPECT_EQ(admin("GET", "/tenants/bad/faults").json()["faults"].size(), 0u);
  EXPECT_EQ(admin("GET", "/tenants/bad/settings").json()["settings"], json::object());
  EXPECT_EQ(admin("GET", "/tenants/bad").json()["resources"]["User"], 0);
}

TEST_F(MockAdmin, SettingsChangeAtRunTimeAndShowInServiceProviderConfig) {
  tenant("set");
  tenant("other");
  for (int i = 0; i < 4; ++i) create_user("set", "paged-" + std::to_string(i));
  auto patched = admin("PATCH", "/tenants/set/settings",
                       {{"maxResults", 2}, {"bulk", {{"maxOperations", 3}}}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["effective"]["maxResults"], 2);
  auto c = client_of("set");
  auto page = c->get(scim_url("set", "/Users"));
  EXPECT_EQ(page.json()["itemsPerPage"], 2);
  EXPECT_EQ(page.json()["totalResults"], 4);
  auto spc = c->get(scim_url("set", "/ServiceProviderConfig")).json();
  EXPECT_EQ(spc["filter"]["maxResults"], 2);
  EXPECT_EQ(spc["bulk"]["maxOperations"], 3);
  auto other = client_of("other")->get(scim_url("other", "/ServiceProviderConfig")).json();
  EXPECT_EQ(other["filter"]["maxResults"], 200);  // another tenant is untouched

  // strict -> lenient: a request the strict server refuses is accepted, and the journal names
  // the leniency it used (docs/lenient.md).
  json quirky = user("lenient-boolean");
  quirky["active"] = "True";  // boolean-string
  EXPECT_EQ(scim(*c, "POST", scim_url("set", "/Users"), quirky).status, 400);
  ASSERT_EQ(admin("PATCH", "/tenants/set/settings", {{"mode", "lenient"}}).status, 200);
  auto lenient = scim(*c, "POST", scim_url("set", "/Users"), quirky);
  EXPECT_EQ(lenient.status, 201) << lenient.body;
  auto j = journal("set", "?method=POST&status=201&limit=1");
  ASSERT_EQ(j["entries"].size(), 1u);
  EXPECT_EQ(j["entries"][0]["leniencies"], json({"boolean-string"})) << j.dump();
}

TEST_F(MockAdmin, ReceiversAreChangedAtRunTime) {
  tenant("rcv");
  auto added = admin("POST", "/tenants/rcv/receivers", {{"url", "http://127.0.0.1:9/events"}});
  ASSERT_EQ(added.status, 201) << added.body;
  auto listed = admin("GET", "/tenants/rcv/receivers");
  ASSERT_EQ(listed.json()["receivers"].size(), 1u) << listed.body;
  auto feed = client_of("rcv")->get(scim_url("rcv", "/Feeds/default/receivers"));
  EXPECT_EQ(feed.json()["receivers"].size(), 1u) << feed.body;  // the SCIM side sees it too
  expect_scim_error(admin("POST", "/tenants/rcv/receivers", {{"url", "ftp://x"}}), 400);
  const std::string id = added.json()["id"];
  ASSERT_EQ(admin("DELETE", "/tenants/rcv/receivers/" + id).status, 204);
  EXPECT_EQ(admin("GET", "/tenants/rcv/receivers").json()["receivers"].size(), 0u);
}

TEST_F(MockAdmin, JournalRecordsFiltersRedactsAndClears) {
  tenant("jrn");
  auto c = client_of("jrn");
  const std::string id = create_user("jrn", "journaled");
  EXPECT_EQ(c->get(scim_url("jrn", "/Users/" + id)).status, 200);
  EXPECT_EQ(c->get(scim_url("jrn", "/Users/missing")).status, 404);
  auto tagged = c->request("GET", scim_url("jrn", "/Users?count=1"), "", {"X-Request-Id: rq-42"});
  EXPECT_EQ(tagged.header("x-request-id"), "rq-42");

  auto posts = journal("jrn", "?method=POST&kind=request");
  ASSERT_EQ(posts["entries"].size(), 1u) << posts.dump();
  const json& e = posts["entries"][0];
  EXPECT_EQ(e["request"]["json"]["userName"], "journaled");
  EXPECT_EQ(e["request"]["headers"]["authorization"], "Bearer [redacted]");
  EXPECT_EQ(e.dump().find("jrn-token"), std::string::npos);
  EXPECT_EQ(e["response"]["status"], 201);
  EXPECT_EQ(e["response"]["json"]["id"], id);
  EXPECT_GE(e["durationMs"].get<double>(), 0.0);

  EXPECT_EQ(journal("jrn", "?status=404")["entries"].size(), 1u);
  EXPECT_EQ(journal("jrn", "?status=4xx&path=/Users/*")["entries"].size(), 1u);
  EXPECT_EQ(journal("jrn", "?path=/Users/" + id)["entries"][0]["request"]["method"], "GET");
  EXPECT_EQ(journal("jrn", "?kind=request&limit=2")["entries"].size(), 2u);
  auto by_id = journal("jrn", "?kind=request&limit=1");
  EXPECT_EQ(by_id["entries"][0]["requestId"], "rq-42");
  EXPECT_EQ(
      journal("jrn",
              "?kind=request&since=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00Z")["entries"]
          .size(),
      0u);
  expect_scim_error(admin("GET", "/tenants/jrn/journal?since=yesterday"), 400);
  expect_scim_error(admin("GET", "/tenants/jrn/journal?colour=red"), 400);

  ASSERT_EQ(admin("DELETE", "/tenants/jrn/journal").status, 204);
  EXPECT_EQ(journal("jrn", "?kind=request")["matched"], 0);
  // Every admin change is audited, in the tenant's journal and the server's.
  auto audit = journal("jrn", "?kind=audit");
  EXPECT_EQ(audit["entries"].back()["action"], "journal.clear");
  EXPECT_EQ(audit["entries"].back()["credential"], "admin#1");
  auto server_audit = admin("GET", "/journal?limit=1000").json();
  bool create_seen = false;
  for (const auto& a : server_audit["entries"]) {
    create_seen = create_seen || (a["action"] == "tenant.create" && a["tenant"] == "jrn");
  }
  EXPECT_TRUE(create_seen);
}

TEST(MockWithoutAdminToken, AdminApiIsAbsentWithAStartUpNote) {
  ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--token", "secret"});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  const std::string root = server.url().substr(0, server.url().size() - 8);
  HttpClient c;
  c.set_bearer("secret");
  EXPECT_EQ(c.get(root + "/admin/v1/tenants").status, 404);
  EXPECT_EQ(c.get(server.url() + "/Users").status, 200);
  server.stop(SIGTERM, 5000);
  EXPECT_NE(server.stderr_text().find("no admin API"), std::string::npos);
}

TEST(MockJournalFile, StreamsEntriesAsJsonLines) {
  const std::string path = ::testing::TempDir() + "mock-journal-e2e.jsonl";
  std::remove(path.c_str());
  {
    ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--token", "secret", "--admin-token",
                                              kAdminToken, "--journal-file", path});
    ASSERT_FALSE(server.url().empty()) << server.first_line();
    HttpClient c;
    c.set_bearer("secret");
    EXPECT_EQ(c.get(server.url() + "/Users?filter=userName%20eq%20%22x%22").status, 200);
    EXPECT_EQ(c.get(server.url() + "/Users/nope").status, 404);
    server.stop(SIGTERM, 5000);
  }
  std::ifstream in(path);
  std::vector<json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["request"]["path"], "/Users");
  EXPECT_EQ(lines[1]["response"]["status"], 404);
  EXPECT_EQ(lines[1]["tenant"], "default");
}

}  // namespace
}  // namespace scim::test
