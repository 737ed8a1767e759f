// JWT access tokens (IPSIE AL1 §3.1, RFC 9068 §4, RFC 6750 §3): the validator's verdicts, and the
// authentication layer's 401 invalid_token / 403 insufficient_scope answers with their challenge.
#include "scim/server/http/jwt_validator.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/encoding.hpp"
#include "scim/server/http/authenticate.hpp"
#include "scim/server/testing/fake_handler.hpp"

namespace scim::http {
namespace {

constexpr long long kNow = 1'800'000'000;
const std::string kIssuer = "https://as.example";
const std::string kAudience = "https://app.example/scim/v2";

jose::Key key(jose::Alg alg, const std::string& kid) {
  auto k = jose::Key::generate(alg, kid);
  EXPECT_TRUE(k) << k.error();
  return *k;
}

jose::KeySet set_of(const jose::Key& k) {
  jose::KeySet set;
  EXPECT_TRUE(set.add(k));
  return set;
}

nlohmann::json good_claims() {
  return {{"iss", kIssuer},  {"aud", kAudience}, {"sub", "idp"},      {"client_id", "idp"},
          {"scope", "scim"}, {"iat", kNow - 10}, {"exp", kNow + 300}, {"tenant", "acme"}};
}

OAuthOptions options() {
  OAuthOptions o;
  o.issuer = kIssuer;
  o.audience = kAudience;
  o.tenant_claim = "tenant";
  return o;
}

// Generated once: RSA key generation takes a second or more on a loaded machine.
const jose::Key& shared_rsa() {
  static const jose::Key k = key(jose::Alg::RS256, "rsa-1");
  return k;
}

class JwtValidatorTest : public ::testing::Test {
 protected:
  jose::Key rsa_ = shared_rsa();
  jose::Key ec_ = key(jose::Alg::ES256, "ec-1");
  JwtValidator validator_{[this] {
                            jose::KeySet s = set_of(rsa_);
                            EXPECT_TRUE(s.add(ec_));
                            return s;
                          }(),
                          options(),
                          [] { return SystemClock::time_point(std::chrono::seconds(kNow)); }};

  std::string token(const nlohmann::json& claims, const jose::Key* k = nullptr,
                    std::string_view typ = "at+jwt") {
    return *jose::sign(k ? *k : rsa_, claims, typ);
  }
  Result<AccessGrant, TokenRefusal> check(const std::string& t) {
    return validator_.validate(t, "http://127.0.0.1:1");
  }
  void expect_invalid(const std::string& t, const std::string& why) {
    auto r = check(t);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().status, 401);
    EXPECT_EQ(r.error().error, "invalid_token");
    EXPECT_NE(r.error().description.find(why), std::string::npos) << r.error().description;
  }
};

TEST_F(JwtValidatorTest, ValidRs256AndEs256TokensMapTheTenantClaim) {
  for (const jose::Key* k : {&rsa_, &ec_}) {
    auto r = check(token(good_claims(), k));
    ASSERT_TRUE(r) << r.error().description;
    EXPECT_EQ(r->tenant, "acme");
    EXPECT_EQ(r->client, "idp");
  }
}

TEST_F(JwtValidatorTest, WrongSignatureIsInvalidToken) {
  const auto stranger = key(jose::Alg::RS256, "rsa-1");  // same kid, other key
  expect_invalid(token(good_claims(), &stranger), "signature does not verify");
}

TEST_F(JwtValidatorTest, UnknownKidIsInvalidToken) {
  const auto stranger = key(jose::Alg::ES256, "nobody");
  expect_invalid(token(good_claims(), &stranger), "no key for kid \"nobody\"");
}

TEST_F(JwtValidatorTest, WrongIssuerOrAudienceIsInvalidToken) {
  auto claims = good_claims();
  claims["iss"] = "https://evil.example";
  expect_invalid(token(claims), "\"iss\" is not the configured issuer");
  claims = good_claims();
  claims["aud"] = {"https://other.example", "https://third.example"};
  expect_invalid(token(claims), "\"aud\" does not name this resource server");
  claims["aud"] = {"https://other.example", kAudience};
  EXPECT_TRUE(check(token(claims)));
}

TEST_F(JwtValidatorTest, ExpiryAndNotBeforeHonourTheLeeway) {
  auto claims = good_claims();
  claims["exp"] = kNow - 59;  // inside the 60 s leeway
  EXPECT_TRUE(check(token(claims)));
  claims["exp"] = kNow - 61;
  expect_invalid(token(claims), "expired 61 s ago");
  claims = good_claims();
  claims.erase("exp");
  expect_invalid(token(claims), "no numeric \"exp\"");
  claims = good_claims();
  claims["nbf"] = kNow + 120;
  expect_invalid(token(claims), "not valid yet");
}

TEST_F(JwtValidatorTest, MissingScimScopeIs403InsufficientScope) {
  auto claims = good_claims();
  claims["scope"] = "openid profile";
  auto r = check(token(claims));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status, 403);
  EXPECT_EQ(r.error().error, "insufficient_scope");
  claims.erase("scope");
  claims["scp"] = {"scim"};
  EXPECT_TRUE(check(token(claims)));
}

TEST_F(JwtValidatorTest, AlgNoneAndHs256AreRefused) {
  const auto payload = base64url_encode(good_claims().dump());
  expect_invalid(base64url_encode(R"({"alg":"none"})") + "." + payload + ".", "alg \"none\"");
  expect_invalid(base64url_encode(R"({"alg":"HS256","kid":"rsa-1"})") + "." + payload + ".AAAA",
                 "alg \"HS256\" refused");
}

TEST_F(JwtValidatorTest, OversizedTokenIsRefused) {
  auto claims = good_claims();
  claims["padding"] = std::string(jose::kMaxTokenBytes, 'x');
  expect_invalid(token(claims), "larger than 8192 bytes");
}

TEST_F(JwtValidatorTest, OtherTokenTypesAndMissingTenantAreRefused) {
  expect_invalid(token(good_claims(), nullptr, "secevent+jwt"), "not an access token type");
  auto claims = good_claims();
  claims.erase("tenant");
  expect_invalid(token(claims), "no \"tenant\" claim");
}

TEST(JwtValidatorShape, OnlyThreeSegmentTokensLookLikeJwts) {
  EXPECT_TRUE(JwtValidator::looks_like_jwt("a.b.c"));
  EXPECT_FALSE(JwtValidator::looks_like_jwt("secret"));
  EXPECT_FALSE(JwtValidator::looks_like_jwt("a.b"));
  EXPECT_FALSE(JwtValidator::looks_like_jwt(""));
}

// The layer in front of a fake handler: configured tokens keep working beside JWTs.
class JwtAuthenticateTest : public JwtValidatorTest {
 protected:
  JwtAuthenticateTest() { chain_.use(authenticate_); }
  static Authenticator make_auth() {
    AuthOptions o;
    o.tokens = {{"opaque", "default", std::nullopt}};
    o.tenants = {"acme"};
    o.oauth = options();
    return std::move(*Authenticator::create(o));
  }
  server::Response call(const std::string& target, const std::string& authorization) {
    server::Request request;
    request.method = "GET";
    request.target = target;
    request.headers["authorization"] = authorization;
    request.connection = {false, "127.0.0.1", 8080};
    return chain_.take(std::move(request));
  }
  static std::string challenge(const server::Response& r) {
    for (const auto& [n, v] : r.headers) {
      if (n == "WWW-Authenticate") return v;
    }
    return "<absent>";
  }

  Authenticator auth_ = make_auth();
  test::FakeHandler handler_;
  AuthenticateMiddleware authenticate_{"/scim/v2", auth_, nullptr, &validator_};
  server::Pipeline chain_{handler_};
};

TEST_F(JwtAuthenticateTest, ValidJwtReachesTheHandlerAsItsTenant) {
  auto r = call("/scim/v2/Users", "Bearer " + token(good_claims()));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(handler_.last().principal.tenant, "acme");
  EXPECT_EQ(handler_.last().principal.credential_name, "jwt:idp");
  EXPECT_EQ(call("/scim/v2/Users", "Bearer opaque").status, 200);
}

TEST_F(JwtAuthenticateTest, InvalidTokenIs401WithTheErrorInTheChallenge) {
  auto claims = good_claims();
  claims["exp"] = kNow - 3600;
  auto r = call("/scim/v2/Users", "Bearer " + token(claims));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(nlohmann::json::parse(r.body)["status"], "401");
  EXPECT_EQ(challenge(r),
            "Bearer realm=\"scim\", error=\"invalid_token\", error_description=\"the token "
            "expired 3600 s ago\"");
  EXPECT_EQ(handler_.calls(), 0);
}

TEST_F(JwtAuthenticateTest, MissingScopeIs403InsufficientScope) {
  auto claims = good_claims();
  claims["scope"] = "read";
  auto r = call("/scim/v2/Users", "Bearer " + token(claims));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(nlohmann::json::parse(r.body)["status"], "403");
  EXPECT_NE(challenge(r).find("error=\"insufficient_scope\""), std::string::npos);
  EXPECT_NE(challenge(r).find("scope=\"scim\""), std::string::npos);
}

TEST_F(JwtAuthenticateTest, TenantMustExistAndMatchThePath) {
  auto claims = good_claims();
  EXPECT_EQ(call("/tenants/acme/scim/v2/Users", "Bearer " + token(claims)).status, 200);
  EXPECT_EQ(call("/tenants/default/scim/v2/Users", "Bearer " + token(claims)).status, 401);
  claims["tenant"] = "ghost";
  EXPECT_EQ(call("/scim/v2/Users", "Bearer " + token(claims)).status, 401);
}

TEST(JwtAuthenticateDefaults, OAuthWithoutTokensHasNoDefaultSecret) {
  AuthOptions o;
  o.oauth = options();
  auto auth = Authenticator::create(o);
  ASSERT_TRUE(auth);
  EXPECT_FALSE(auth->authenticate("Bearer secret", nullptr));
}

}  // namespace
}  // namespace scim::http
