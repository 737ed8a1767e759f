// Redaction: nothing secret reaches a transcript.
#include "scim/conformance/client/redact.hpp"

#include <gtest/gtest.h>

#include "fake_transport.hpp"
#include "scim/conformance/client/auth.hpp"
#include "scim/protocol/encoding.hpp"

namespace scim::conf {
namespace {

TEST(Redact, CredentialHeadersKeepOnlyTheScheme) {
  Exchange ex;
  ex.request_headers = {{"Authorization", "Bearer s3cr3t-token"},
                        {"Cookie", "session=abc"},
                        {"Accept", "application/scim+json"}};
  ex.response_headers = {{"Set-Cookie", "session=def"}};
  redact(ex, RedactionRules::defaults());
  EXPECT_EQ(ex.request_headers[0].second, "Bearer ***");
  EXPECT_EQ(ex.request_headers[1].second, "***");
  EXPECT_EQ(ex.request_headers[2].second, "application/scim+json");
  EXPECT_EQ(ex.response_headers[0].second, "***");
}

TEST(Redact, PasswordAttributesAtAnyDepthAndCase) {
  // RFC 7643 §4.1.1: password is writeOnly; a check may still send one.
  const std::string body =
      R"({"userName":"bjensen","password":"t1meMa$heen","Operations":[{"value":{"PassWord":"x"}}]})";
  const auto out = redact_body(body, RedactionRules::defaults());
  EXPECT_EQ(out.find("t1meMa$heen"), std::string::npos);
  EXPECT_EQ(out.find("\"x\""), std::string::npos);
  EXPECT_NE(out.find("bjensen"), std::string::npos);
}

TEST(Redact, UntouchedBodiesKeepTheirBytes) {
  const std::string body = "{\"b\": 1,   \"a\": 2}";
  EXPECT_EQ(redact_body(body, RedactionRules::defaults()), body);
  EXPECT_EQ(redact_body("not json", RedactionRules::defaults()), "not json");
}

TEST(Redact, OAuthTokenFieldsAndConfiguredSecretsAnywhere) {
  auto rules = RedactionRules::defaults();
  rules.secrets = {"client-secret-value"};
  const auto out = redact_body(
      R"({"access_token":"eyJabc","refresh_token":"r1","note":"client-secret-value"})", rules);
  EXPECT_EQ(out.find("eyJabc"), std::string::npos);
  EXPECT_EQ(out.find("r1"), std::string::npos);
  EXPECT_EQ(out.find("client-secret-value"), std::string::npos);
  const auto form = redact_body("grant_type=client_credentials&client_secret=a%2Bb%3D", [] {
    auto r = RedactionRules::defaults();
    r.secrets = {"a+b="};
    return r;
  }());
  EXPECT_EQ(form.find("a%2Bb%3D"), std::string::npos);
}

TEST(Redact, AuthenticatorRulesCoverEveryConfiguredCredential) {
  testing::FakeTransport fake;
  AuthConfig config;
  config.basic = "admin:hunter22";
  config.extra_headers = {{"X-Api-Key", "key-123456"}};
  Authenticator auth(config, fake);
  Exchange ex;
  ex.request_headers = *auth.headers();
  ex.request_body = "echo hunter22 and key-123456";
  ex.url = "https://h/scim/v2/Users?k=key-123456";
  redact(ex, auth.redaction_rules());
  for (const auto& [k, v] : ex.request_headers) {
    EXPECT_EQ(v.find("hunter22"), std::string::npos) << k;
    EXPECT_EQ(v.find(base64_encode("admin:hunter22")), std::string::npos) << k;
    EXPECT_EQ(v.find("key-123456"), std::string::npos) << k;
  }
  EXPECT_EQ(ex.request_body, "echo *** and ***");
  EXPECT_EQ(ex.url.find("key-123456"), std::string::npos);
}

}  // namespace
}  // namespace scim::conf
