// Authentication headers and the OAuth client-credentials grant (RFC 6749 §4.4) with caching.
#include "scim/conformance/client/auth.hpp"

#include <gtest/gtest.h>

#include "fake_transport.hpp"
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
    c.oauth = OAuthConfig{"https://idp/token", "client", "s&cret", "scim"};
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

}  // namespace
}  // namespace scim::conf
