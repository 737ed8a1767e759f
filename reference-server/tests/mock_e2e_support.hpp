// Shared by the mock control plane's end-to-end tests (docs/mock.md): the scim-reference-server
// binary started with an admin token on 127.0.0.1 port 0, and libcurl clients for the admin API
// (/admin/v1) and for the tenants' SCIM endpoints.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "scim/protocol/urns.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::test {

inline const std::string kAdminToken = "admin-e2e-token";
inline const std::string kSigningKey = "mock-e2e-signing-key-of-at-least-32-bytes";

class MockServer : public ::testing::Test {
 protected:
  static void start(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--port",
                                     "0",
                                     "--threads",
                                     "2",
                                     "--token",
                                     "secret",
                                     "--admin-token",
                                     kAdminToken,
                                     "--events-signing-key",
                                     kSigningKey,
                                     "--poll-redelivery",
                                     "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(SCIM_SERVER_BINARY, std::move(args));
    ASSERT_FALSE(server_->url().empty()) << "first line: " << server_->first_line();
  }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override { admin_.set_bearer(kAdminToken); }

  // "http://127.0.0.1:PORT" of the running server.
  static std::string root() {
    const std::string& u = server_->url();
    return u.substr(0, u.size() - std::string("/scim/v2").size());
  }
  static std::string admin_url(const std::string& path) { return root() + "/admin/v1" + path; }
  static std::string scim_url(const std::string& tenant, const std::string& path) {
    return root() + "/tenants/" + tenant + "/scim/v2" + path;
  }

  HttpResult admin(const std::string& method, const std::string& path,
                   const nlohmann::json& body = nullptr) {
    if (body.is_null()) return admin_.request(method, admin_url(path));
    return admin_.request(method, admin_url(path), body.dump(), {"Content-Type: application/json"});
  }
  // A tenant with one bearer token `<name>-token`, created over the admin API (deleted first
  // when a previous test left it).
  void tenant(const std::string& name, nlohmann::json extra = nlohmann::json::object()) {
    admin("DELETE", "/tenants/" + name);
    extra["name"] = name;
    if (!extra.contains("tokens")) extra["tokens"] = {name + "-token"};
    auto r = admin("POST", "/tenants", extra);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  // A SCIM client of the tenant `<name>` (its `<name>-token`).
  static std::unique_ptr<HttpClient> client_of(const std::string& name) {
    auto c = std::make_unique<HttpClient>();
    c->set_bearer(name + "-token");
    return c;
  }
  static HttpResult scim(HttpClient& c, const std::string& method, const std::string& url,
                         const nlohmann::json& body = nullptr) {
    if (body.is_null()) return c.request(method, url);
    return c.request(method, url, body.dump(), {"Content-Type: application/scim+json"});
  }
  static nlohmann::json user(const std::string& name) {
    return {{"schemas", {urn::kUser}}, {"userName", name}};
  }
  // Creates a user in `tenant`, returns its id.
  static std::string create_user(const std::string& tenant, const std::string& name) {
    auto c = client_of(tenant);
    auto r = scim(*c, "POST", scim_url(tenant, "/Users"), user(name));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", "");
  }
  nlohmann::json journal(const std::string& tenant, const std::string& query = "") {
    auto r = admin("GET", "/tenants/" + tenant + "/journal" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  static void expect_scim_error(const HttpResult& r, long status) {
    EXPECT_EQ(r.status, status) << r.error << " " << r.body;
    EXPECT_EQ(r.json()["schemas"][0], "urn:ietf:params:scim:api:messages:2.0:Error") << r.body;
    EXPECT_EQ(r.json()["status"], std::to_string(status)) << r.body;
  }

  static std::unique_ptr<ServerProcess> server_;
  HttpClient admin_;
};

inline std::unique_ptr<ServerProcess> MockServer::server_;

}  // namespace scim::test
