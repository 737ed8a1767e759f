// The test authorization server: RFC 8414 metadata, the JWKS, and the token endpoint's RFC 7523
// checks of private_key_jwt assertions; its access tokens pass the JwtValidator.
#include "scim/server/http/token_endpoint.hpp"

#include <gtest/gtest.h>

namespace scim::http {
namespace {

constexpr long long kAsNow = 1'800'000'000;
const std::string kOrigin = "http://127.0.0.1:8080";
const std::string kTokenUrl = kOrigin + "/oauth/token";

class TokenEndpointTest : public ::testing::Test {
 protected:
  TokenEndpointTest() {
    options_.issuer = "auto";
    options_.tenant_claim = "tenant";
    options_.max_replay_entries = 100;
    std::map<std::string, TokenEndpoint::Client, std::less<>> clients;
    jose::KeySet keys;
    EXPECT_TRUE(keys.add(client_key_));
    clients.emplace("idp", TokenEndpoint::Client{keys, "acme"});
    static const jose::Key as_key = *jose::Key::generate(jose::Alg::RS256, "as-1");  // slow: once
    endpoint_ = std::make_unique<TokenEndpoint>(as_key, std::move(clients), options_, clock());
  }
  static JwtValidator::Clock clock() {
    return [] { return SystemClock::time_point(std::chrono::seconds(kAsNow)); };
  }
  nlohmann::json assertion_claims(const std::string& jti = "j-1") {
    return {{"iss", "idp"},  {"sub", "idp"},       {"aud", kTokenUrl},
            {"iat", kAsNow}, {"exp", kAsNow + 60}, {"jti", jti}};
  }
  server::Request request(const std::string& body) {
    server::Request r;
    r.method = "POST";
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    r.body = body;
    r.connection = {false, "127.0.0.1", 8080};
    return r;
  }
  server::Response exchange(const nlohmann::json& claims, const jose::Key* k = nullptr,
                            const std::string& extra = "") {
    const auto assertion = *jose::sign(k ? *k : client_key_, claims);
    return endpoint_->token(request("grant_type=client_credentials&client_assertion_type=" +
                                    std::string(TokenEndpoint::kAssertionType) +
                                    "&client_assertion=" + assertion + extra));
  }
  static nlohmann::json json(const server::Response& r) { return nlohmann::json::parse(r.body); }

  jose::Key client_key_ = *jose::Key::generate(jose::Alg::ES256, "client-1");
  OAuthOptions options_;
  std::unique_ptr<TokenEndpoint> endpoint_;
};

TEST_F(TokenEndpointTest, MetadataNamesTheEndpointsUnderTheIssuer) {
  server::Request r;
  r.connection = {false, "127.0.0.1", 8080};
  const auto doc = json(endpoint_->metadata(r));
  EXPECT_EQ(doc["issuer"], kOrigin);
  EXPECT_EQ(doc["token_endpoint"], kTokenUrl);
  EXPECT_EQ(doc["jwks_uri"], kOrigin + "/oauth/jwks");
  EXPECT_EQ(doc["token_endpoint_auth_methods_supported"], nlohmann::json({"private_key_jwt"}));
  const auto jwks = json(endpoint_->jwks(r));
  ASSERT_EQ(jwks["keys"].size(), 1u);
  EXPECT_EQ(jwks["keys"][0]["kid"], "as-1");
  EXPECT_FALSE(jwks["keys"][0].contains("d"));
}

TEST_F(TokenEndpointTest, ValidAssertionGetsAnAccessTokenTheValidatorAccepts) {
  auto r = exchange(assertion_claims(), nullptr, "&scope=scim");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(*r.header("Cache-Control"), "no-store");
  const auto body = json(r);
  EXPECT_EQ(body["token_type"], "Bearer");
  EXPECT_EQ(body["expires_in"], 300);
  EXPECT_EQ(body["scope"], "scim");
  JwtValidator validator(*jose::KeySet::parse(json(endpoint_->jwks(request(""))).dump()), options_,
                         clock());
  auto grant = validator.validate(body["access_token"].get<std::string>(), kOrigin);
  ASSERT_TRUE(grant) << grant.error().description;
  EXPECT_EQ(grant->tenant, "acme");
  EXPECT_EQ(grant->client, "idp");
}

TEST_F(TokenEndpointTest, WrongClientKeyIsInvalidClient) {
  const auto other = *jose::Key::generate(jose::Alg::ES256, "client-1");
  auto r = exchange(assertion_claims(), &other);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json(r)["error"], "invalid_client");
  EXPECT_NE(json(r)["error_description"].get<std::string>().find("signature does not verify"),
            std::string::npos);
}

TEST_F(TokenEndpointTest, ReplayedAssertionIsRefused) {
  EXPECT_EQ(exchange(assertion_claims("once")).status, 200);
  auto r = exchange(assertion_claims("once"));
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(json(r)["error_description"].get<std::string>().find("already used"),
            std::string::npos);
}

TEST_F(TokenEndpointTest, AssertionClaimsAreChecked) {
  auto claims = assertion_claims();
  claims["aud"] = "https://elsewhere.example/token";
  EXPECT_NE(json(exchange(claims))["error_description"].get<std::string>().find("\"aud\""),
            std::string::npos);
  claims = assertion_claims("j-2");
  claims["iss"] = "someone";
  EXPECT_EQ(exchange(claims).status, 401);
  claims = assertion_claims("j-3");
  claims["exp"] = kAsNow - 3600;
  EXPECT_NE(json(exchange(claims))["error_description"].get<std::string>().find("expired"),
            std::string::npos);
  claims = assertion_claims("j-4");
  claims["exp"] = kAsNow + 86400;
  EXPECT_NE(json(exchange(claims))["error_description"].get<std::string>().find("ahead"),
            std::string::npos);
  claims = assertion_claims();
  claims.erase("jti");
  EXPECT_EQ(exchange(claims).status, 401);
}

TEST_F(TokenEndpointTest, ScopeGrantTypeAndAuthMethodErrors) {
  auto r = exchange(assertion_claims(), nullptr, "&scope=scim%20admin");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json(r)["error"], "invalid_scope");
  r = endpoint_->token(request("grant_type=password&username=a&password=b"));
  EXPECT_EQ(json(r)["error"], "unsupported_grant_type");
  r = endpoint_->token(request("grant_type=client_credentials&client_id=idp&client_secret=x"));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json(r)["error"], "invalid_client");
  r = endpoint_->token(request("grant_type=client_credentials&grant_type=client_credentials"));
  EXPECT_EQ(json(r)["error"], "invalid_request");
  auto json_body = request("{}");
  json_body.headers["content-type"] = "application/json";
  EXPECT_EQ(json(endpoint_->token(json_body))["error"], "invalid_request");
}

}  // namespace
}  // namespace scim::http
