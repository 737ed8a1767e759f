// The --oauth-* flags and the "oauth" section of the config file (docs/server.md "OAuth"):
// values, client specs, and the combinations refused at start-up (exit 2).
#include "config_oauth.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace scim::app {
namespace {

Result<ServerConfig, ConfigExit> parse_oauth_args(std::vector<std::string> args) {
  args.insert(args.begin(), "scim-reference-server");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

TEST(ConfigOAuth, OffByDefault) {
  auto c = parse_oauth_args({});
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->auth.oauth.enabled());
  EXPECT_FALSE(c->auth.oauth.token_endpoint());
}

TEST(ConfigOAuth, FlagsFillTheOptions) {
  auto c =
      parse_oauth_args({"--oauth-issuer", "auto", "--oauth-audience", "scim-app", "--oauth-jwks",
                        "idp.jwks", "--oauth-tenant-claim", "tid", "--oauth-leeway", "30",
                        "--oauth-signing-key", "as.pem", "--oauth-client", "idp@acme=idp.jwks",
                        "--oauth-client", "other=o.jwks", "--oauth-token-lifetime", "120"});
  ASSERT_TRUE(c) << c.error().message;
  const auto& o = c->auth.oauth;
  EXPECT_EQ(o.issuer, "auto");
  EXPECT_EQ(o.audience, "scim-app");
  EXPECT_EQ(o.tenant_claim, "tid");
  EXPECT_EQ(o.leeway, std::chrono::seconds(30));
  EXPECT_EQ(o.token_lifetime, std::chrono::seconds(120));
  ASSERT_EQ(o.clients.size(), 2u);
  EXPECT_EQ(o.clients[0].id, "idp");
  EXPECT_EQ(o.clients[0].tenant, "acme");
  EXPECT_EQ(o.clients[0].jwks_file, "idp.jwks");
  EXPECT_EQ(o.clients[1].tenant, "default");
}

TEST(ConfigOAuth, FileSectionIsReadAndFlagsReplaceItsClients) {
  const auto path = std::filesystem::temp_directory_path() / "scim_config_oauth_test.json";
  std::ofstream(path) << R"({"oauth": {"issuer": "https://as.example", "tenantClaim": "tid",
      "signingKey": "as.pem", "clients": [{"id": "a", "jwks": "a.jwks", "tenant": "acme"}]}})";
  auto from_file = parse_oauth_args({"--config", path.string()});
  ASSERT_TRUE(from_file) << from_file.error().message;
  ASSERT_EQ(from_file->auth.oauth.clients.size(), 1u);
  EXPECT_EQ(from_file->auth.oauth.clients[0].tenant, "acme");
  auto flagged = parse_oauth_args({"--config", path.string(), "--oauth-client", "b=b.jwks"});
  ASSERT_TRUE(flagged) << flagged.error().message;
  ASSERT_EQ(flagged->auth.oauth.clients.size(), 1u);
  EXPECT_EQ(flagged->auth.oauth.clients[0].id, "b");
}

TEST(ConfigOAuth, ContradictoryCombinationsAreRefused) {
  auto without_issuer = parse_oauth_args({"--oauth-jwks", "x.jwks"});
  ASSERT_FALSE(without_issuer);
  EXPECT_EQ(without_issuer.error().code, 2);
  EXPECT_NE(without_issuer.error().message.find("need --oauth-issuer"), std::string::npos);
  EXPECT_FALSE(parse_oauth_args({"--oauth-issuer", "auto", "--oauth-signing-key", "k.pem"}));
  EXPECT_FALSE(parse_oauth_args({"--oauth-issuer", "auto", "--oauth-client", "a=a.jwks"}));
  auto unbound = parse_oauth_args({"--oauth-issuer", "auto", "--oauth-signing-key", "k.pem",
                                   "--oauth-client", "a@acme=a.jwks"});
  ASSERT_FALSE(unbound);
  EXPECT_NE(unbound.error().message.find("needs --oauth-tenant-claim"), std::string::npos);
  auto nameless = parse_oauth_args(
      {"--oauth-issuer", "auto", "--oauth-signing-key", "k.pem", "--oauth-client", "=a.jwks"});
  ASSERT_FALSE(nameless);
  EXPECT_NE(nameless.error().message.find("expected ID[@TENANT]=JWKS_FILE"), std::string::npos);
  EXPECT_FALSE(parse_oauth_args({"--oauth-issuer", "auto", "--oauth-leeway", "301"}));
}

}  // namespace
}  // namespace scim::app
