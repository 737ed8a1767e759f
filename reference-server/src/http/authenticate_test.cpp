// The authentication layer: credentials (RFC 7644 §2, §3.12 401 bodies), tenant addressing
// (§6.1), target and base URL mapping — without sockets, in a chain in front of a fake handler.
#include "scim/server/http/authenticate.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/strings.hpp"
#include "scim/server/testing/fake_handler.hpp"

namespace scim::http {
namespace {

// The stand-in for the route table's Access column: discovery GETs are public (RFC 7643 §5),
// /admin/... needs an admin token, everything else a tenant's credentials.
std::optional<server::Access> access_of(const server::Request& r) {
  if (r.scope == server::Scope::Root) {
    if (r.path.rfind("/admin/", 0) == 0) return server::Access::Admin;
    return std::nullopt;
  }
  if (r.method != "GET" && r.method != "HEAD") return server::Access::Tenant;
  auto first = r.path.substr(
      1, r.path.find('/', 1) == std::string::npos ? std::string::npos : r.path.find('/', 1) - 1);
  const bool discovery = iequals(first, "ServiceProviderConfig") ||
                         iequals(first, "ResourceTypes") || iequals(first, "Schemas");
  return discovery ? server::Access::Public : server::Access::Tenant;
}

class AuthenticateTest : public ::testing::Test {
 protected:
  AuthenticateTest()
      : auth_(make_auth()), authenticate_(options_.base_path, auth_, access_of), chain_(handler_) {
    chain_.use(authenticate_);
  }

  static Authenticator make_auth() {
    AuthOptions o;
    o.tokens = {{"secret", "default", std::nullopt}, {"acme-token", "acme", "u-1"}};
    o.admin_tokens = {"admin-token"};
    return std::move(*Authenticator::create(o));
  }

  // As the transport hands requests over: method upper case, header names lower case.
  server::Response call(std::string method, std::string target,
                        std::vector<std::pair<std::string, std::string>> headers) {
    server::Request request;
    request.method = to_upper(method);
    request.target = std::move(target);
    for (auto& [name, value] : headers) {
      auto& slot = request.headers[to_lower(name)];
      slot = slot.empty() ? value : slot + ", " + value;
    }
    request.body = "{}";
    request.connection = {false, "127.0.0.1", 8080};
    return chain_.take(std::move(request));
  }
  static std::string to_upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
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
  AuthenticateMiddleware authenticate_;
  server::Pipeline chain_;
};

TEST_F(AuthenticateTest, MissingAuthorizationIs401WithScimErrorAndChallenge) {
  auto r = call("GET", "/scim/v2/Users", {{"Host", "example.com"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(body(r)["schemas"][0], "urn:ietf:params:scim:api:messages:2.0:Error");
  EXPECT_EQ(body(r)["status"], "401");  // RFC 7644 §3.12: status as a JSON string
  EXPECT_EQ(header(r, "WWW-Authenticate"), "Bearer realm=\"scim\"");
  EXPECT_EQ(handler_.calls(), 0);
}

// RFC 7643 §5: /ServiceProviderConfig "SHOULD be publicly accessible"; so are /ResourceTypes and
// /Schemas (RFC 7644 §4), read for the path's tenant or the default tenant.
TEST_F(AuthenticateTest, DiscoveryGetsNeedNoCredentials) {
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

TEST_F(AuthenticateTest, AnythingElseWithoutCredentialsIs401) {
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

TEST_F(AuthenticateTest, WrongTokenIs401) {
  auto r = call("GET", "/scim/v2/Users", {{"Authorization", "Bearer nope"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(handler_.calls(), 0);
}

TEST_F(AuthenticateTest, ValidTokenReachesHandlerWithMappedRequest) {
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

TEST_F(AuthenticateTest, UnusableHostFallsBackToBoundAddress) {
  call("GET", "/scim/v2/Users", {{"Authorization", "Bearer secret"}, {"Host", "evil.com/x?"}});
  EXPECT_EQ(handler_.last().base_url, "http://127.0.0.1:8080/scim/v2");
}

// Without a usable Host the base URL names the bound address: an IPv6 one in brackets
// (RFC 3986 §3.2.2), the scheme from the connection.
TEST_F(AuthenticateTest, BaseUrlFromTheBoundAddressBracketsIpv6AndNamesTls) {
  server::Request request;
  request.method = "GET";
  request.target = "/tenants/acme/scim/v2/Users";
  request.headers["authorization"] = "Bearer acme-token";
  request.connection = {true, "::1", 8443};
  ASSERT_EQ(chain_.take(std::move(request)).status, 200);
  EXPECT_EQ(handler_.last().base_url, "https://[::1]:8443/tenants/acme/scim/v2");
  call("GET", "/scim/v2/Users", {{"Authorization", "Bearer secret"}, {"Host", "[::1]:7"}});
  EXPECT_EQ(handler_.last().base_url, "http://[::1]:7/scim/v2");
}

TEST_F(AuthenticateTest, PathTenantWithItsOwnTokenGetsTenantBaseUrl) {
  auto r = call("GET", "/tenants/acme/scim/v2/Me",
                {{"Authorization", "Bearer acme-token"}, {"Host", "h:1"}});
  ASSERT_EQ(r.status, 200);
  auto req = handler_.last();
  EXPECT_EQ(req.principal.tenant, "acme");
  EXPECT_EQ(req.principal.subject, "u-1");
  EXPECT_EQ(req.path, "/Me");
  EXPECT_EQ(req.base_url, "http://h:1/tenants/acme/scim/v2");
}

TEST_F(AuthenticateTest, PathTenantWithAnotherTenantsTokenIs401) {
  // Decision (docs/server.md): credentials are scoped to their tenant's realm -> 401.
  auto r = call("GET", "/tenants/acme/scim/v2/Users", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 401);
  r = call("GET", "/tenants/ghost/scim/v2/Users", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(handler_.calls(), 0);
}

// Outside the base path the layer asks for no credentials: the routes there decide (the route
// table answers 404 for unknown ones, /health is public; the fake handler does the same).
TEST_F(AuthenticateTest, TargetsOutsideTheBasePassOnAsRootScope) {
  for (const char* target : {"/nope", "/health"}) {
    auto r = call("GET", target, {});
    EXPECT_EQ(r.status, std::string(target) == "/health" ? 200 : 404) << target;
    EXPECT_EQ(handler_.last().scope, server::Scope::Root) << target;
    EXPECT_EQ(handler_.last().path, target);
    EXPECT_TRUE(handler_.last().principal.tenant.empty());
  }
}

// The control plane (/admin/v1) and SCIM data never share credentials: each kind is refused on
// the other's routes with 403 and a detail saying which token to use.
TEST_F(AuthenticateTest, AdminRoutesNeedAnAdminToken) {
  auto r = call("GET", "/admin/v1/tenants", {{"Authorization", "Bearer admin-token"}});
  EXPECT_EQ(handler_.calls(), 1);
  EXPECT_TRUE(handler_.last().principal.admin);
  EXPECT_TRUE(handler_.last().principal.tenant.empty());
  EXPECT_EQ(handler_.last().headers.count("authorization"), 0u);

  r = call("GET", "/admin/v1/tenants", {});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(header(r, "WWW-Authenticate"), "Bearer realm=\"scim-admin\"");
  r = call("GET", "/admin/v1/tenants", {{"Authorization", "Bearer nope"}});
  EXPECT_EQ(r.status, 401);
  r = call("GET", "/admin/v1/tenants", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(body(r)["detail"].get<std::string>().find("admin token"), std::string::npos);
  EXPECT_EQ(handler_.calls(), 1);
}

TEST_F(AuthenticateTest, AdminTokenNeverOpensScimData) {
  for (const char* target :
       {"/scim/v2/Users", "/tenants/acme/scim/v2/Users", "/scim/v2/ServiceProviderConfig"}) {
    auto r = call("GET", target, {{"Authorization", "Bearer admin-token"}});
    EXPECT_EQ(r.status, 403) << target;
    EXPECT_NE(body(r)["detail"].get<std::string>().find("tenant's credentials"), std::string::npos);
  }
  EXPECT_EQ(handler_.calls(), 0);
}

// Credentials change at run time: a revoked tenant's token is refused on the next request.
TEST_F(AuthenticateTest, RevokedCredentialsAreRefusedAtOnce) {
  EXPECT_EQ(call("GET", "/scim/v2/Users", {{"Authorization", "Bearer acme-token"}}).status, 200);
  ASSERT_TRUE(auth_.remove_tenant("acme"));
  EXPECT_EQ(call("GET", "/scim/v2/Users", {{"Authorization", "Bearer acme-token"}}).status, 401);
}

TEST_F(AuthenticateTest, MalformedEscapeIs400InvalidSyntax) {
  auto r = call("GET", "/scim/v2/Users?filter=%G0", {{"Authorization", "Bearer secret"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body(r)["scimType"], "invalidSyntax");
}

}  // namespace
}  // namespace scim::http
