// Router: authentication (RFC 7644 §2, §3.12 401 bodies), tenant addressing (§6.1), header and
// base URL mapping, exceptions as 500 — without sockets.
#include "scim/server/http/router.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/fake_handler.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::http {
namespace {

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : auth_(make_auth()), router_(options_, auth_, handler_) {}

  static Authenticator make_auth() {
    AuthOptions o;
    o.tokens = {{"secret", "default", std::nullopt}, {"acme-token", "acme", "u-1"}};
    return std::move(*Authenticator::create(o));
  }

  server::Response call(std::string method, std::string target,
                        std::vector<std::pair<std::string, std::string>> headers) {
    RawRequest raw{std::move(method), std::move(target), std::move(headers), "{}"};
    return router_.route(std::move(raw), ConnectionInfo{false, "127.0.0.1", 8080});
  }

  static nlohmann::json body(const server::Response& r) { return nlohmann::json::parse(r.body); }
  // Case-insensitive lookup without linking the endpoints library (Response::header).
  static std::string header(const server::Response& r, std::string_view name) {
    for (const auto& [n, v] : r.headers) {
      if (iequals(n, name)) return v;
    }
    return "<absent>";
  }

  HttpOptions options_;
  Authenticator auth_;
  test::FakeHandler handler_;
  Router router_;
};

TEST_F(RouterTest, MissingAuthorizationIs401WithScimErrorAndChallenge) {
  auto r = call("GET", "/scim/v2/Users", {{"Host", "example.com"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(body(r)["schemas"][0], "urn:ietf:params:scim:api:messages:2.0:Error");
  EXPECT_EQ(body(r)["status"], "401");  // RFC 7644 §3.12: status as a JSON string
  EXPECT_EQ(header(r, "WWW-Authenticate"), "Bearer realm=\"scim\"");
  EXPECT_EQ(handler_.calls(), 0);
}

// RFC 7643 §5: /ServiceProviderConfig "SHOULD be publicly accessible"; so are /ResourceTypes and
// /Schemas (RFC 7644 §4), read for the path's tenant or the default tenant.
TEST_F(RouterTest, DiscoveryGetsNeedNoCredentials) {
  for (const char* path : {"/scim/v2/ServiceProviderConfig", "/scim/v2/resourcetypes",
                           "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}) {
    auto r = call("GET", path, {});
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(body(r)["tenant"], "default") << path;
  }
  auto r = call("GET", "/tenants/acme/scim/v2/Schemas", {});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body(r)["tenant"], "acme");
  EXPECT_EQ(handler_.calls(), 4);
}

TEST_F(RouterTest, AnythingElseWithoutCredentialsIs401) {
  for (auto [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"POST", "/scim/v2/Schemas"},
           {"PUT", "/scim/v2/ServiceProviderConfig"},
           {"GET", "/scim/v2/SchemasX"},
           {"GET", "/scim/v2/Users/ServiceProviderConfig"},
           {"GET", "/scim/v2/Me"}}) {
    auto r = call(method, path, {});
    EXPECT_EQ(r.status, 401) << method << " " << path;
  }
  // Presented credentials are still checked on discovery.
  auto r = call("GET", "/scim/v2/Schemas", {{"Authorization", "Bearer nope"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(handler_.calls(), 0);
}

TEST_F(RouterTest, WrongTokenIs401) {
  auto r = call("GET", "/scim/v2/Users", {{"Authorization", "Bearer nope"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(handler_.calls(), 0);
}

TEST_F(RouterTest, ValidTokenReachesHandlerWithMappedRequest) {
  auto r = call("get", "/scim/v2/Users/abc?attributes=userName",
                {{"Authorization", "Bearer secret"},
                 {"Host", "example.com:9000"},
                 {"X-Custom", "a"},
                 {"x-custom", "b"}});
  ASSERT_EQ(r.status, 200);
  auto req = handler_.last();
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.path, "/Users/abc");
  EXPECT_EQ(req.query.at("attributes"), "userName");
  EXPECT_EQ(req.principal.tenant, "default");
  EXPECT_EQ(req.base_url, "http://example.com:9000/scim/v2");
  EXPECT_EQ(req.headers.at("x-custom"), "a, b");
  EXPECT_EQ(req.headers.count("authorization"), 0u);  // the secret stays in the HTTP layer
}

TEST_F(RouterTest, UnusableHostFallsBackToBoundAddress) {
  call("GET", "/scim/v2/Users", {{"Authorization", "Bearer secret"}, {"Host", "evil.com/x?"}});
  EXPECT_EQ(handler_.last().base_url, "http://127.0.0.1:8080/scim/v2");
}

TEST_F(RouterTest, PathTenantWithItsOwnTokenGetsTenantBaseUrl) {
  auto r = call("GET", "/tenants/acme/scim/v2/Me",
                {{"Authorization", "Bearer acme-token"}, {"Host", "h:1"}});
  ASSERT_EQ(r.status, 200);
  auto req = handler_.last();
  EXPECT_EQ(req.principal.tenant, "acme");
  EXPECT_EQ(req.principal.subject, "u-1");
  EXPECT_EQ(req.path, "/Me");
  EXPECT_EQ(req.base_url, "http://h:1/tenants/acme/scim/v2");
}

TEST_F(RouterTest, PathTenantWithAnotherTenantsTokenIs401) {
  // Decision (docs/server.md): credentials are scoped to their tenant's realm -> 401.
  auto r = call("GET", "/tenants/acme/scim/v2/Users", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 401);
  r = call("GET", "/tenants/ghost/scim/v2/Users", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(handler_.calls(), 0);
}

TEST_F(RouterTest, UnknownPathOutsideBaseIs404ScimError) {
  auto r = call("GET", "/nope", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(body(r)["status"], "404");
  EXPECT_EQ(header(r, "content-type"), "application/scim+json");
}

TEST_F(RouterTest, HealthNeedsNoAuthentication) {
  auto r = call("GET", "/health", {});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(handler_.calls(), 0);
}

TEST_F(RouterTest, MalformedEscapeIs400InvalidSyntax) {
  auto r = call("GET", "/scim/v2/Users?filter=%G0", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body(r)["scimType"], "invalidSyntax");
}

TEST_F(RouterTest, HandlerExceptionIs500ScimError) {
  auto r = call("GET", "/scim/v2/throw", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(body(r)["detail"].get<std::string>().find("boom"), std::string::npos);
}

TEST_F(RouterTest, BulkGetsTheLargerBodyLimit) {
  options_.limits.max_body_bytes = 100;
  options_.limits.max_bulk_body_bytes = 5000;
  Router router(options_, auth_, handler_);
  EXPECT_EQ(router.body_limit("POST", "/scim/v2/Bulk"), 5000u);
  EXPECT_EQ(router.body_limit("POST", "/scim/v2/bulk"), 5000u);
  EXPECT_EQ(router.body_limit("POST", "/tenants/acme/scim/v2/Bulk"), 5000u);
  EXPECT_EQ(router.body_limit("POST", "/scim/v2/Users"), 100u);
  EXPECT_EQ(router.body_limit("PUT", "/scim/v2/Bulk"), 100u);
}

}  // namespace
}  // namespace scim::http
