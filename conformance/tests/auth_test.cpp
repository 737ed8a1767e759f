// Authentication headers and the OAuth client-credentials grant (RFC 6749 §4.4) with caching.
#include "scim/conformance/client/auth.hpp"

#include <gtest/gtest.h>

#include "fake_transport.hpp"
#include "scim/conformance/client/oauth_jwt.hpp"
#include "scim/protocol/encoding.hpp"

namespace scim::conf {
namespace {

using testing::FakeTransport;

TEST(Auth, BearerBasicAndExtraHeaders) {
  FakeTransport fake;
  Authenticator bearer({"tok", "", {{"X-Tenant", "t1"}}, std::nullopt}, fake);
  EXPECT_EQ(*bearer.headers(), (Headers{{"Authorization", "Bearer tok"}, {"X-Tenant", "t1"}}));
  Authenticator basic({"", "user:pa:ss", {}, std::nullopt}, fake);
  // RFC 7617 §2: base64 of user-id ":" password (the password may itself contain colons).
  EXPECT_EQ(*basic.headers(), (Headers{{"Authorization", "Basic dXNlcjpwYTpzcw=="}}));
}

class OAuthTest : public ::testing::Test {
 protected:
  AuthConfig config() {
    AuthConfig c;
    c.oauth = OAuthConfig{"https://idp/token", "client", "s&cret", "scim", "", std::nullopt};
    return c;
  }
  FakeTransport fake_;
  std::chrono::steady_clock::time_point now_{};
  Authenticator::Clock clock_ = [this] { return now_; };
};

TEST_F(OAuthTest, FetchesOnceAndCachesUntilShortlyBeforeExpiry) {
  int calls = 0;
  fake_.on("POST", "/token", [&](const HttpRequest& r) {
    ++calls;
    EXPECT_EQ(r.body, "grant_type=client_credentials&scope=scim");
    // RFC 6749 §2.3.1: form-encoded id and secret in HTTP Basic.
    EXPECT_EQ(*find_header(r.headers, "authorization"),
              "Basic " + base64_encode("client:s%26cret"));
    return testing::json_response(200, R"({"access_token":"at-)" + std::to_string(calls) +
                                           R"(","token_type":"Bearer","expires_in":300})");
  });
  Authenticator auth(config(), fake_, clock_);
  EXPECT_EQ(auth.headers()->front().second, "Bearer at-1");
  now_ += std::chrono::seconds(200);
  EXPECT_EQ(auth.headers()->front().second, "Bearer at-1");
  EXPECT_EQ(calls, 1);
  now_ += std::chrono::seconds(80);  // 280 s: inside the 30 s margin
  EXPECT_EQ(auth.headers()->front().second, "Bearer at-2");
  EXPECT_EQ(calls, 2);
}

TEST_F(OAuthTest, RefusalIsAReadableError) {
  fake_.on("POST", "/token", 401, R"({"error":"invalid_client"})");
  Authenticator auth(config(), fake_, clock_);
  const auto headers = auth.headers();
  ASSERT_FALSE(headers.ok());
  EXPECT_NE(headers.error().find("HTTP 401"), std::string::npos);
}

TEST_F(OAuthTest, ResponseWithoutTokenIsAnError) {
  fake_.on("POST", "/token", 200, R"({"token_type":"Bearer"})");
  Authenticator auth(config(), fake_, clock_);
  ASSERT_FALSE(auth.headers().ok());
}

TEST_F(OAuthTest, CurrentTokenAndSecretAreRedacted) {
  fake_.on("POST", "/token", 200, R"({"access_token":"at-xyz-123"})");
  Authenticator auth(config(), fake_, clock_);
  ASSERT_TRUE(auth.headers().ok());
  const auto rules = auth.redaction_rules();
  EXPECT_NE(std::find(rules.secrets.begin(), rules.secrets.end(), "at-xyz-123"),
            rules.secrets.end());
  EXPECT_NE(std::find(rules.secrets.begin(), rules.secrets.end(), "s&cret"), rules.secrets.end());
}

TEST_F(OAuthTest, TheTokenExchangeIsRecordedWithItsSecretsRedacted) {
  fake_.on("POST", "/token", 200, R"({"access_token":"at-xyz-123","expires_in":300})");
  Authenticator auth(config(), fake_, clock_);
  ASSERT_TRUE(auth.headers().ok());
  ASSERT_TRUE(auth.headers().ok());  // cached: no second exchange
  const auto exchanges = auth.take_token_exchanges();
  ASSERT_EQ(exchanges.size(), 1u);
  const auto& e = exchanges[0];
  EXPECT_EQ(e.method, "POST");
  EXPECT_EQ(e.url, "https://idp/token");
  EXPECT_EQ(e.status, 200);
  EXPECT_EQ(e.request_body, "grant_type=client_credentials&scope=scim");
  EXPECT_EQ(*find_header(e.request_headers, "Authorization"), "Basic ***");
  EXPECT_EQ(e.response_body.find("at-xyz-123"), std::string::npos) << e.response_body;
  EXPECT_TRUE(auth.take_token_exchanges().empty());  // taken once
}

// IPSIE AL1 §3.1: the token endpoint from RFC 8414 metadata, the client authenticated with an
// RFC 7523 private_key_jwt assertion that verifies with the client's public key.
class PrivateKeyJwtTest : public OAuthTest {
 protected:
  AuthConfig jwt_config() {
    AuthConfig c;
    c.oauth = OAuthConfig{"", "ipsie-client", "", "scim", "https://idp/tenant1", key_};
    return c;
  }
  static std::string form_value(const std::string& body, const std::string& name) {
    const auto at = body.find(name + "=");
    if (at == std::string::npos) return "<absent>";
    const auto start = at + name.size() + 1;
    return body.substr(start, body.find('&', start) - start);
  }
  void serve_metadata(const std::string& issuer) {
    fake_.on(
        "GET", "/.well-known/oauth-authorization-server/tenant1", [issuer](const HttpRequest&) {
          return testing::json_response(
              200, nlohmann::json{{"issuer", issuer}, {"token_endpoint", "https://idp/t1/token"}}
                       .dump());
        });
  }
  jose::Key key_ = *jose::Key::generate(jose::Alg::ES256, "k-1");
};

TEST_F(PrivateKeyJwtTest, DiscoversTheEndpointAndSendsAVerifiableAssertion) {
  serve_metadata("https://idp/tenant1");
  std::string assertion;
  fake_.on("POST", "/t1/token", [&](const HttpRequest& r) {
    EXPECT_EQ(find_header(r.headers, "authorization"), nullptr);  // no client secret anywhere
    EXPECT_EQ(form_value(r.body, "client_assertion_type"),
              "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer");
    EXPECT_EQ(form_value(r.body, "scope"), "scim");
    assertion = form_value(r.body, "client_assertion");
    return testing::json_response(200, R"({"access_token":"at-jwt","expires_in":300})");
  });
  Authenticator auth(jwt_config(), fake_, clock_);
  auto headers = auth.headers();
  ASSERT_TRUE(headers.ok()) << headers.error();
  EXPECT_EQ(headers->front().second, "Bearer at-jwt");
  jose::KeySet keys;
  ASSERT_TRUE(keys.add(*jose::Key::from_jwk(key_.public_jwk())));
  auto verified = jose::verify(assertion, keys);
  ASSERT_TRUE(verified) << verified.error();
  EXPECT_EQ(verified->header["kid"], "k-1");
  EXPECT_EQ(verified->claims["iss"], "ipsie-client");
  EXPECT_EQ(verified->claims["sub"], "ipsie-client");
  EXPECT_EQ(verified->claims["aud"], "https://idp/t1/token");
  EXPECT_EQ(verified->claims["exp"].get<long long>() - verified->claims["iat"].get<long long>(),
            kAssertionLifetimeSeconds);
  EXPECT_FALSE(verified->claims.value("jti", std::string()).empty());
  // The transcript shows both exchanges, never the assertion.
  const auto exchanges = auth.take_token_exchanges();
  ASSERT_EQ(exchanges.size(), 2u);
  EXPECT_EQ(exchanges[0].url, "https://idp/.well-known/oauth-authorization-server/tenant1");
  EXPECT_EQ(exchanges[1].request_body.find(assertion), std::string::npos);
}

TEST_F(PrivateKeyJwtTest, MetadataOfAnotherIssuerIsRefused) {
  serve_metadata("https://evil/tenant1");
  Authenticator auth(jwt_config(), fake_, clock_);
  auto headers = auth.headers();
  ASSERT_FALSE(headers.ok());
  EXPECT_NE(headers.error().find("RFC 8414 §3.3"), std::string::npos) << headers.error();
}

TEST_F(PrivateKeyJwtTest, TheServersRefusalReasonIsShown) {
  serve_metadata("https://idp/tenant1");
  fake_.on("POST", "/t1/token", 401,
           R"({"error":"invalid_client","error_description":"signature does not verify"})");
  Authenticator auth(jwt_config(), fake_, clock_);
  auto headers = auth.headers();
  ASSERT_FALSE(headers.ok());
  EXPECT_NE(headers.error().find("HTTP 401 without a token: invalid_client (signature does not "
                                 "verify)"),
            std::string::npos)
      << headers.error();
}

}  // namespace
}  // namespace scim::conf
