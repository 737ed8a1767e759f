// End-to-end: the scim-reference-server binary started on 127.0.0.1 port 0 and driven over real
// HTTP with libcurl — the RFC 7644 §3 operations, errors (§3.12), tenants (§6) and SIGTERM.
#include <signal.h>

#include <gtest/gtest.h>

#include <memory>

#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::test {
namespace {

using json = nlohmann::json;

class ReferenceServer : public ::testing::Test {
 protected:
  ReferenceServer() { client_.set_bearer("secret"); }

  static void SetUpTestSuite() {
    server_ = new ServerProcess(
        SCIM_SERVER_BINARY,
        {"--port", "0", "--threads", "2", "--token", "secret", "--token", "acme-token=acme",
         "--token", "beta-token=beta", "--max-body-bytes", "65536", "--max-header-bytes", "8192"});
    ASSERT_FALSE(server_->url().empty()) << "first line: " << server_->first_line();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string url() { return server_->url(); }
  static std::string root() {
    return url().substr(0, url().size() - std::string("/scim/v2").size());
  }

  static json user(const std::string& name) {
    return {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
            {"userName", name},
            {"name", {{"givenName", "Barbara"}, {"familyName", "Jensen"}}}};
  }

  static void expect_error(const HttpResult& r, long status, const std::string& scim_type) {
    EXPECT_EQ(r.status, status) << r.error << r.body;
    auto body = r.json();
    EXPECT_EQ(body["schemas"][0], "urn:ietf:params:scim:api:messages:2.0:Error") << r.body;
    EXPECT_EQ(body["status"], std::to_string(status));
    if (!scim_type.empty()) {
      EXPECT_EQ(body["scimType"], scim_type) << r.body;
    }
  }

  HttpClient client_;
  static ServerProcess* server_;
};

ServerProcess* ReferenceServer::server_ = nullptr;

TEST_F(ReferenceServer, PrintsTheListeningLine) {
  EXPECT_EQ(server_->url().rfind("http://127.0.0.1:", 0), 0u);
  EXPECT_NE(server_->url().find("/scim/v2"), std::string::npos);
}

// RFC 7644 §3.3 create, §3.4.1 read, §3.5.1 replace, §3.5.2 modify, §3.6 delete.
TEST_F(ReferenceServer, UserLifecycle) {
  auto created = client_.post_json(url() + "/Users", user("e2e-lifecycle"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.json()["id"].get<std::string>();
  EXPECT_EQ(created.header("location"), url() + "/Users/" + id);
  EXPECT_EQ(created.json()["meta"]["location"], url() + "/Users/" + id);
  EXPECT_EQ(created.header("content-type").rfind("application/scim+json", 0), 0u);

  auto read = client_.get(url() + "/Users/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["userName"], "e2e-lifecycle");

  auto replacement = user("e2e-lifecycle");
  replacement["displayName"] = "Babs";
  auto put = client_.request("PUT", url() + "/Users/" + id, replacement.dump(),
                             {"Content-Type: application/scim+json"});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["displayName"], "Babs");

  json patch = {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
                {"Operations", {{{"op", "replace"}, {"path", "displayName"}, {"value", "B"}}}}};
  auto patched = client_.request("PATCH", url() + "/Users/" + id, patch.dump(),
                                 {"Content-Type: application/scim+json"});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["displayName"], "B");

  EXPECT_EQ(client_.request("DELETE", url() + "/Users/" + id).status, 204);
  expect_error(client_.get(url() + "/Users/" + id), 404, "");
}

// RFC 7644 §3.4.2.2 filtering and §3.4.3 POST .search.
TEST_F(ReferenceServer, ListFilterAndSearch) {
  ASSERT_EQ(client_.post_json(url() + "/Users", user("e2e-filter-a")).status, 201);
  ASSERT_EQ(client_.post_json(url() + "/Users", user("e2e-filter-b")).status, 201);
  auto list = client_.get(url() + "/Users?filter=userName%20eq%20%22e2e-filter-a%22");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["totalResults"], 1);
  EXPECT_EQ(list.json()["Resources"][0]["userName"], "e2e-filter-a");

  json search = {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
                 {"filter", "userName sw \"e2e-filter-\""}};
  auto found = client_.post_json(url() + "/Users/.search", search);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json()["totalResults"], 2);
  expect_error(client_.get(url() + "/Users?filter=userName%20zz%20%22x%22"), 400, "invalidFilter");
}

// RFC 7644 §4 discovery endpoints.
TEST_F(ReferenceServer, Discovery) {
  auto spc = client_.get(url() + "/ServiceProviderConfig");
  ASSERT_EQ(spc.status, 200) << spc.body;
  EXPECT_EQ(spc.json()["authenticationSchemes"][0]["type"], "oauthbearertoken");
  auto types = client_.get(url() + "/ResourceTypes");
  ASSERT_EQ(types.status, 200);
  EXPECT_GE(types.json()["totalResults"].get<int>(), 2);
  EXPECT_EQ(client_.get(url() + "/Schemas").status, 200);
  EXPECT_EQ(client_.get(url() + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").status, 200);
}

TEST_F(ReferenceServer, MalformedJsonIs400InvalidSyntax) {
  auto r = client_.request("POST", url() + "/Users",
                           "{\"userName\": ", {"Content-Type: application/scim+json"});
  expect_error(r, 400, "invalidSyntax");
}

TEST_F(ReferenceServer, UnknownEndpointsAre404) {
  expect_error(client_.get(url() + "/Widgets"), 404, "");
  expect_error(client_.get(root() + "/not-scim"), 404, "");
}

TEST_F(ReferenceServer, UnauthenticatedIs401) {
  HttpClient anonymous;
  auto r = anonymous.get(url() + "/Users");
  expect_error(r, 401, "");
  EXPECT_EQ(r.header("www-authenticate"), "Bearer realm=\"scim\"");
  anonymous.set_bearer("wrong");
  expect_error(anonymous.get(url() + "/Users"), 401, "");
}

TEST_F(ReferenceServer, OversizedBodyAndHeaderAreRejected) {
  expect_error(client_.request("POST", url() + "/Users", std::string(70'000, ' ')), 413, "");
  auto r = client_.request("GET", url() + "/Users", "", {"X-Big: " + std::string(9000, 'b')});
  expect_error(r, 431, "");
  EXPECT_EQ(client_.get(url() + "/Users").status, 200);  // the server is still fine
}

// RFC 7644 §6: tenants are isolated, whether chosen by token or addressed in the path.
TEST_F(ReferenceServer, TenantIsolation) {
  HttpClient acme, beta;
  acme.set_bearer("acme-token");
  beta.set_bearer("beta-token");
  auto created = acme.post_json(url() + "/Users", user("e2e-tenant-user"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.json()["id"].get<std::string>();
  EXPECT_EQ(acme.get(url() + "/Users/" + id).status, 200);
  expect_error(beta.get(url() + "/Users/" + id), 404, "");
  expect_error(client_.get(url() + "/Users/" + id), 404, "");  // tenant "default"
  auto filtered = beta.get(url() + "/Users?filter=userName%20eq%20%22e2e-tenant-user%22");
  EXPECT_EQ(filtered.json()["totalResults"], 0);

  auto by_path = acme.get(root() + "/tenants/acme/scim/v2/Users/" + id);
  ASSERT_EQ(by_path.status, 200);
  EXPECT_EQ(by_path.json()["meta"]["location"], root() + "/tenants/acme/scim/v2/Users/" + id);
  expect_error(beta.get(root() + "/tenants/acme/scim/v2/Users/" + id), 401, "");
}

TEST_F(ReferenceServer, KeepAliveAcrossScimRequests) {
  EXPECT_EQ(client_.get(url() + "/ServiceProviderConfig").status, 200);
  auto again = client_.get(url() + "/ResourceTypes");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.new_connections, 0);
}

// Last in the file: a separate server, so the shared one keeps running for the others.
TEST(ReferenceServerShutdown, SigtermExitsZeroAfterInFlightWork) {
  ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0"});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  HttpClient client;
  client.set_bearer("secret");
  ASSERT_EQ(client.get(server.url() + "/Users").status, 200);  // leaves a keep-alive connection
  EXPECT_EQ(server.stop(SIGTERM, 10'000), 0);
  EXPECT_EQ(client.get(server.url() + "/Users").status, 0);  // nothing listens any more
}

}  // namespace
}  // namespace scim::test
