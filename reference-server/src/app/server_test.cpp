// The composed server, without sockets: the body limit the transport asks for per request.
#include "scim/server/app/server.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace scim::app {
namespace {

// A server whose requests may carry 100 bytes, and a /Bulk 5,000.
ServerConfig small_bodies(std::string base_path = "/scim/v2") {
  ServerConfig config;
  config.http.base_path = std::move(base_path);
  config.http.limits.max_body_bytes = 100;
  config.http.limits.max_bulk_body_bytes = 5000;
  config.bulk.max_payload_bytes = 10;
  return config;
}

// RFC 7644 §3.7.4: the bulk route may take a larger body (maxPayloadSize) than other requests.
TEST(ReferenceServer, BulkGetsTheLargerBodyLimit) {
  auto server = ReferenceServer::create(small_bodies());
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Bulk"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/bulk"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/tenants/acme/scim/v2/Bulk"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Users"), 100u);
  EXPECT_EQ((*server)->body_limit("PUT", "/scim/v2/Bulk"), 100u);
  EXPECT_EQ((*server)->body_limit("GET", "/scim/v2/Bulk"), 100u);
  EXPECT_EQ((*server)->body_limit("GET", "/scim/v2/Users/2819c223"), 100u);
  EXPECT_EQ((*server)->body_limit("POST", "/elsewhere/Bulk"), 100u);
  // The route is named by the path alone (RFC 9112 §3.2.1): a query changes nothing.
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Bulk?x=1"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Users?Bulk"), 100u);
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Users?x=/Bulk"), 100u);
}

// The configured base path is normalised (a missing leading '/', a trailing '/') before the
// bulk route is found under it.
TEST(ReferenceServer, BulkBodyLimitFollowsTheBasePath) {
  auto server = ReferenceServer::create(small_bodies("api/scim/"));
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_EQ((*server)->body_limit("POST", "/api/scim/Bulk"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/tenants/acme/api/scim/Bulk?a=b"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Bulk"), 100u);
}

// The HTTP limit for /Bulk never undercuts the advertised bulk maxPayloadSize.
TEST(ReferenceServer, BulkBodyLimitCoversMaxPayloadSize) {
  ServerConfig config;
  config.http.limits.max_body_bytes = 100;
  config.http.limits.max_bulk_body_bytes = 1000;
  config.bulk.max_payload_bytes = 50'000;
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Bulk"), 50'000u);
}

server::Request request(std::string method, std::string target, std::string prefer = "") {
  server::Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  if (!prefer.empty()) r.headers["prefer"] = std::move(prefer);
  return r;
}

// Requests that may wait go to the transport's WaitPool: RFC 8936 §2.5 long polls, and writes
// with "Prefer: respond-async" when the async layer waits for them (long mode).
TEST(ReferenceServer, LongPollsAndAsyncWaitsMayWait) {
  ServerConfig config;
  config.async.mode = async::AsyncMode::Long;
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  auto& s = **server;
  EXPECT_TRUE(s.may_wait(request("POST", "/scim/v2/Feeds/default/poll")));
  EXPECT_TRUE(s.may_wait(request("POST", "/tenants/acme/scim/v2/Feeds/f1/poll?x=1")));
  EXPECT_FALSE(s.may_wait(request("POST", "/scim/v2/Users?/Feeds/default/poll")));
  EXPECT_TRUE(s.may_wait(request("POST", "/scim/v2/Users", "respond-async, wait=10")));
  EXPECT_FALSE(s.may_wait(request("GET", "/scim/v2/Users", "respond-async")));
  EXPECT_FALSE(s.may_wait(request("GET", "/scim/v2/Feeds/default")));
  EXPECT_FALSE(s.may_wait(request("POST", "/scim/v2/Users")));
  EXPECT_FALSE(s.may_wait(request("GET", "/health")));
}

TEST(ReferenceServer, AsyncRequestsWaitOnlyInLongMode) {
  ServerConfig config;
  config.async.mode = async::AsyncMode::Request;
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_FALSE((*server)->may_wait(request("POST", "/scim/v2/Users", "respond-async")));
}

// --devices serves RFC 9944 Devices; --deviate device-uniqueness-off lets two devices share the
// BLE deviceMacAddress that RFC 9944 §7.1 says is unique.
TEST(ReferenceServer, DevicesAndTheDeviceUniquenessDeviation) {
  const std::string ble = "urn:ietf:params:scim:schemas:extension:ble:2.0:Device";
  const nlohmann::json device = {
      {"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Device", ble}},
      {"active", true},
      {ble,
       {{"deviceMacAddress", "2C:54:91:88:C9:E2"},
        {"versionSupport", {"5.3"}},
        {"pairingMethods", {"urn:ietf:params:scim:schemas:extension:pairingNull:2.0:Device"}}}}};
  for (bool deviate : {false, true}) {
    ServerConfig config;
    config.registry.devices = true;
    if (deviate) config.deviations = {"device-uniqueness-off"};
    auto server = ReferenceServer::create(config);
    ASSERT_TRUE(server.ok()) << server.error();
    server::Request r;
    r.method = "POST";
    r.path = "/Devices";
    r.principal.tenant = "default";
    r.base_url = "http://h/scim/v2";
    r.body = device.dump();
    EXPECT_EQ((*server)->service().create(r, "Devices").status, 201);
    EXPECT_EQ((*server)->service().create(r, "Devices").status, deviate ? 201 : 409);
  }
}

TEST(ReferenceServer, ConfigurationProblemsAreMessages) {
  ServerConfig unknown_deviation;
  unknown_deviation.deviations = {"no-such-thing"};
  auto d = ReferenceServer::create(unknown_deviation);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().find("no-such-thing"), std::string::npos) << d.error();
  ServerConfig missing_schema;
  missing_schema.registry.schema_files = {"/nonexistent/schema.json"};
  EXPECT_FALSE(ReferenceServer::create(missing_schema).ok());
  ServerConfig bad_feed;
  bad_feed.events.receivers = {{"file:///etc/passwd", "", "default", "default"}};
  auto f = ReferenceServer::create(bad_feed);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.error().find("push receiver"), std::string::npos) << f.error();
}

// Bulk switched off (server::Features::bulk): no /Bulk route at all (RFC 7644 §3.7).
TEST(ReferenceServer, BulkOffLeavesNoBulkRoute) {
  ServerConfig config;
  auto with_bulk = ReferenceServer::create(config);
  ASSERT_TRUE(with_bulk.ok()) << with_bulk.error();
  EXPECT_NE((*with_bulk)->routes().find(server::Scope::Scim, "POST", "/Bulk"), nullptr);
  config.service.features.bulk = false;
  auto without = ReferenceServer::create(config);
  ASSERT_TRUE(without.ok()) << without.error();
  EXPECT_EQ((*without)->routes().find(server::Scope::Scim, "POST", "/Bulk"), nullptr);
}

// A minimal User schema (RFC 7643 §8.7.1) clashes with the built-in one unless replace_builtin
// is set; then it replaces it, and the other built-ins stay.
TEST(ReferenceServer, ReplaceBuiltinSchemasSwapsTheCoreUserSchema) {
  const auto path = std::filesystem::temp_directory_path() / "scim_server_test_min_user.json";
  std::ofstream(path) << R"({"id": "urn:ietf:params:scim:schemas:core:2.0:User", "name": "User",
    "attributes": [{"name": "userName", "type": "string", "multiValued": false,
                    "required": true, "caseExact": false, "mutability": "readWrite",
                    "returned": "default", "uniqueness": "server"}]})";
  ServerConfig config;
  config.registry.schema_files = {path.string()};
  EXPECT_FALSE(ReferenceServer::create(config).ok()) << "a second User schema clashes";
  config.registry.replace_builtin = true;
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  server::Request request;
  request.method = "GET";
  request.path = "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User";
  const auto user = nlohmann::json::parse(
      (*server)->service().schemas(request, "urn:ietf:params:scim:schemas:core:2.0:User").body);
  ASSERT_TRUE(user.contains("attributes")) << user.dump();
  EXPECT_EQ(user["attributes"].size(), 1u);
  const auto group =
      (*server)->service().schemas(request, "urn:ietf:params:scim:schemas:core:2.0:Group");
  EXPECT_EQ(group.status, 200) << "the built-in Group schema stays";
  std::filesystem::remove(path);
}

// "admin.faults" of the config file (docs/mock.md): each tenant's faults go through the control
// plane as a PUT of the admin API would, audited as "config"; a bad one stops the start.
TEST(ReferenceServer, ConfiguredFaultsReachTheirTenant) {
  ServerConfig config;
  config.admin.fault_seed = 9;
  config.admin.faults = {{{"type", "error"}, {"status", 502}, {"id", "f1"}}};
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  auto faults = (*server)->control_plane().list_faults("default");
  ASSERT_TRUE(faults.ok());
  EXPECT_EQ((*faults)["seed"], 9);
  ASSERT_EQ((*faults)["faults"].size(), 1u);
  EXPECT_EQ((*faults)["faults"][0]["status"], 502);
  auto audit = (*server)->journals().server().query({}).entries;
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].credential, "config");

  ServerConfig bad;
  bad.admin.faults = {{{"type", "error"}, {"status", 404}}};
  auto refused = ReferenceServer::create(bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().find("admin.faults"), std::string::npos) << refused.error();
  ServerConfig ghost;
  ghost.admin.faults = {{{"tenant", "ghost"}, {"type", "close"}}};
  EXPECT_FALSE(ReferenceServer::create(ghost).ok());
}

}  // namespace
}  // namespace scim::app
