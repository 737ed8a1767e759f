// Compact JWS: the RFC 7515 Appendix A.1 HS256 vector, "none" SETs (RFC 8417 §2.4) and the
// rejections a receiver relies on.
#include "scim/server/events/jws.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/encoding.hpp"

namespace scim::events {
namespace {

const std::string kKey(40, 'k');

TEST(Jws, Rfc7515AppendixA1Hs256Vector) {
  // RFC 7515 A.1.1: the JWK "k" value, the signing input, and the resulting signature.
  const auto key = base64url_decode(
      "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
  ASSERT_TRUE(key);
  auto signer = JwsSigner::hs256(*key);
  ASSERT_TRUE(signer.ok()) << signer.error();
  const std::string input =
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
      ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnV"
      "lfQ";
  EXPECT_EQ(base64url_encode(signer->signature(input)),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
}

TEST(Jws, Hs256RejectsShortKeys) {
  auto signer = JwsSigner::hs256("short");
  ASSERT_FALSE(signer.ok());
  EXPECT_NE(signer.error().find("32 bytes"), std::string::npos);
}

TEST(Jws, SignedSetHasSecEventTypAndVerifies) {
  auto signer = JwsSigner::hs256(kKey);
  ASSERT_TRUE(signer.ok());
  const nlohmann::json claims = {{"iss", "https://scim.example.com"}, {"jti", "abc"}};
  const std::string token = signer->sign(claims);
  auto decoded = signer->verify(token);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->header["typ"], "secevent+jwt");  // RFC 8417 §2.3
  EXPECT_EQ(decoded->header["alg"], "HS256");
  EXPECT_EQ(decoded->claims, claims);
}

TEST(Jws, UnsecuredSetHasEmptySignature) {
  const auto signer = JwsSigner::unsecured();
  const std::string token = signer.sign({{"jti", "x"}});
  ASSERT_EQ(token.back(), '.');  // RFC 7519 §6.1: the signature part is empty
  auto decoded = signer.verify(token);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->header["alg"], "none");
}

TEST(Jws, VerifyRejectsTamperedPayload) {
  auto signer = JwsSigner::hs256(kKey);
  ASSERT_TRUE(signer.ok());
  std::string token = signer->sign({{"jti", "a"}});
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  const std::string forged = token.substr(0, first_dot + 1) + base64url_encode(R"({"jti":"b"})") +
                             token.substr(second_dot);
  auto decoded = signer->verify(forged);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error(), "signature mismatch");
}

TEST(Jws, VerifyRejectsAlgNoneDowngrade) {
  auto signer = JwsSigner::hs256(kKey);
  ASSERT_TRUE(signer.ok());
  const std::string unsigned_token = JwsSigner::unsecured().sign({{"jti", "a"}});
  auto decoded = signer->verify(unsigned_token);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().find("unexpected alg"), std::string::npos);
}

TEST(Jws, VerifyRejectsWrongKeyAndMalformedTokens) {
  auto a = JwsSigner::hs256(kKey);
  auto b = JwsSigner::hs256(std::string(40, 'z'));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->verify(a->sign({{"jti", "a"}})).error(), "signature mismatch");
  EXPECT_EQ(a->verify("only.two").error(), "not a compact JWS (need 3 parts)");
  EXPECT_EQ(a->verify("a.b.c.d").error(), "not a compact JWS (need 3 parts)");
  EXPECT_EQ(a->verify("!!.e30.").error(), "header is not base64url");
  EXPECT_EQ(a->verify(base64url_encode("[1]") + ".e30.").error(), "header is not a JSON object");
  EXPECT_EQ(a->verify(std::string(JwsSigner::kMaxTokenBytes + 1, 'a')).error(), "token too large");
}

}  // namespace
}  // namespace scim::events
