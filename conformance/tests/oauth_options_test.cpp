// The runner's OAuth flags: client secret or private_key_jwt key, token URL or issuer, and the
// combinations refused as usage errors. data/oauth/test-client-ec.pem is a throw-away P-256 key
// made with `openssl genpkey` for this test only.
#include "scim/conformance/cli/oauth_options.hpp"

#include <gtest/gtest.h>

namespace scim::conf::cli {
namespace {

const std::string kKey = std::string(SCIM_CONFORMANCE_TEST_DATA) + "/oauth/test-client-ec.pem";

TEST(OAuthOptions, NoFlagsNoOAuth) {
  auto o = read_oauth({});
  ASSERT_TRUE(o.ok());
  EXPECT_FALSE(o->has_value());
}

TEST(OAuthOptions, PrivateKeyJwtWithDiscoveryDefaultsToTheScimScope) {
  OAuthFlagValues f;
  f.issuer = "https://idp.example";
  f.client_id = "c1";
  f.key_file = kKey;
  f.key_id = "k1";
  auto o = read_oauth(f);
  ASSERT_TRUE(o.ok()) << o.error().message;
  ASSERT_TRUE(o->has_value());
  const auto& config = **o;
  ASSERT_TRUE(config.signing_key.has_value());
  EXPECT_EQ(config.signing_key->alg(), jose::Alg::ES256);
  EXPECT_EQ(config.signing_key->kid(), "k1");
  EXPECT_EQ(config.scope, "scim");
  EXPECT_TRUE(config.token_url.empty());
  EXPECT_TRUE(config.client_secret.empty());
}

TEST(OAuthOptions, IncompleteOrContradictoryFlagsAreUsageErrors) {
  OAuthFlagValues both{"https://idp/token", "c1", "secret", "", "", kKey, ""};
  EXPECT_FALSE(read_oauth(both).ok());
  OAuthFlagValues no_endpoint{"", "c1", "", "", "", kKey, ""};
  EXPECT_FALSE(read_oauth(no_endpoint).ok());
  OAuthFlagValues no_client{"", "", "", "", "https://idp", kKey, ""};
  EXPECT_FALSE(read_oauth(no_client).ok());
  OAuthFlagValues missing{"", "c1", "", "", "https://idp", "/nonexistent/key.pem", ""};
  auto o = read_oauth(missing);
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.error().message.find("/nonexistent/key.pem"), std::string::npos);
  OAuthFlagValues not_a_key{"", "c1", "", "", "https://idp", SCIM_CONFORMANCE_TEST_DATA, ""};
  EXPECT_FALSE(read_oauth(not_a_key).ok());
}

}  // namespace
}  // namespace scim::conf::cli
