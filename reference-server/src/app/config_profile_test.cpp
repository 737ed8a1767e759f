// --profile (docs/server.md "Profiles"): the bundle each component applies, the flags and keys
// of the profile options, and what a server built in a profile mode advertises.
#include "config_profile.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scim/protocol/schema_loader.hpp"
#include "scim/server/app/server.hpp"

namespace scim::app {
namespace {

Result<ServerConfig, ConfigExit> parse_profile_args(std::vector<std::string> args) {
  args.insert(args.begin(), "scim-reference-server");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

TEST(ConfigProfile, RfcIsTheDefaultAndChangesNothing) {
  auto c = parse_profile_args({});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->profile, Profile::Rfc);
  EXPECT_FALSE(c->service.interop.undefined_is_invalid_syntax);
  EXPECT_FALSE(c->service.interop.patch_requires_path);
  EXPECT_FALSE(c->service.reject_unknown_filter_attributes);
  EXPECT_FALSE(c->service.interop_conformant);
  EXPECT_FALSE(c->http.tls.tls13_only);
  EXPECT_FALSE(c->rate_limit.enabled());
  EXPECT_FALSE(c->registry.declare_type_values);
}

TEST(ConfigProfile, InteropBundle) {
  auto c = parse_profile_args({"--profile", "interop", "--max-results", "50"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->profile, Profile::Interop);
  EXPECT_TRUE(c->service.interop.undefined_is_invalid_syntax);  // §5.3
  EXPECT_TRUE(c->service.interop.patch_requires_path);          // §6.5.1.1
  EXPECT_TRUE(c->service.interop.replace_complex_whole);        // §6.5.2.1
  EXPECT_TRUE(c->service.reject_unknown_filter_attributes);     // §6.3
  EXPECT_TRUE(c->service.interop_conformant);                   // §4
  EXPECT_EQ(c->service.max_results, 100u);                      // §6.4: raised to 100
  EXPECT_TRUE(c->http.tls.tls13_only);                          // §7.1
  EXPECT_TRUE(c->registry.declare_type_values);                 // §5.4
  EXPECT_FALSE(c->rate_limit.enabled()) << "the interop profile asks for no rate limit";
}

TEST(ConfigProfile, IpsieAddsRateLimitsAndFlagsOverrideThem) {
  auto c = parse_profile_args({"--profile", "ipsie-al1"});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->service.interop_conformant);
  EXPECT_EQ(c->rate_limit.list_per_second, 50);
  auto tuned = parse_profile_args(
      {"--profile", "ipsie-al1", "--rate-limit", "5", "--rate-limit-burst", "7"});
  ASSERT_TRUE(tuned.ok());
  EXPECT_EQ(tuned->rate_limit.list_per_second, 5);
  EXPECT_EQ(tuned->rate_limit.burst, 7u);
}

TEST(ConfigProfile, UnknownProfileIsAConfigurationError) {
  auto c = parse_profile_args({"--profile", "strictest"});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, 2);
  EXPECT_NE(c.error().message.find("rfc, interop or ipsie-al1"), std::string::npos);
}

TEST(ConfigProfile, ConfigFileKeys) {
  const auto path = std::filesystem::temp_directory_path() / "scim_config_profile_test.json";
  std::ofstream(path) << R"({"service": {"profile": "interop"},
    "rateLimit": {"listPerSecond": 2.5, "burst": 3, "maxTenants": 9}, "tls": {"tls13Only": true}})";
  auto c = parse_profile_args({"--config", path.string()});
  std::filesystem::remove(path);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->profile, Profile::Interop);
  EXPECT_TRUE(c->service.interop_conformant);
  EXPECT_EQ(c->rate_limit.list_per_second, 2.5);
  EXPECT_EQ(c->rate_limit.max_tenants, 9u);
}

// Interop §6.3 and §6.5 make filtering and PATCH mandatory: a profile cannot be combined with
// the variants that switch them off.
TEST(ConfigProfile, AProfileRefusesNoPatchAndNoFilter) {
  for (const char* flag : {"--no-patch", "--no-filter"}) {
    auto c = parse_profile_args({"--profile", "interop", flag});
    ASSERT_FALSE(c.ok()) << flag;
    EXPECT_NE(c.error().message.find("requires PATCH and filtering"), std::string::npos);
  }
  EXPECT_TRUE(parse_profile_args({"--no-patch"}).ok());
}

// Interop §5.4: the three RFC 7643 types without canonicalValues get them; the others keep theirs.
TEST(ConfigProfile, DeclareTypeValuesFillsOnlyTheMissingOnes) {
  for (auto& schema : builtin_schemas()) {
    if (schema.name != "User") continue;
    declare_type_values(schema);
    for (const char* name : {"entitlements", "roles", "x509Certificates"})
      EXPECT_EQ(schema.find(name)->find_sub("type")->canonical_values,
                (std::vector<std::string>{"work", "home", "other"}))
          << name;
    EXPECT_EQ(schema.find("ims")->find_sub("type")->canonical_values.front(), "aim");
  }
}

// The ServiceProviderConfig's own typed attribute gets RFC 7643 §5's scheme types, which the
// advertised schemes use ("oauthbearertoken"), not the contact-style "work"/"home"/"other".
TEST(ConfigProfile, AuthenticationSchemeTypesAreTheRfcValues) {
  for (auto& schema : builtin_schemas()) {
    const Attribute* schemes = schema.find("authenticationSchemes");
    if (schemes == nullptr) continue;
    declare_type_values(schema);
    EXPECT_EQ(schema.find("authenticationSchemes")->find_sub("type")->canonical_values,
              (std::vector<std::string>{"oauth", "oauth2", "oauthbearertoken", "httpbasic",
                                        "httpdigest"}));
    return;
  }
  FAIL() << "no built-in schema defines authenticationSchemes";
}

TEST(ConfigProfile, AnInteropServerAdvertisesItAndDeclaresTypes) {
  auto c = parse_profile_args({"--profile", "interop"});
  ASSERT_TRUE(c.ok());
  auto server = ReferenceServer::create(*c);
  ASSERT_TRUE(server.ok()) << server.error();
  server::Request request;
  request.method = "GET";
  auto spc = nlohmann::json::parse((*server)->service().service_provider_config(request).body);
  EXPECT_EQ(spc["interopProfileConformant"], true);
  const std::string user_urn = "urn:ietf:params:scim:schemas:core:2.0:User";
  auto user = nlohmann::json::parse((*server)->service().schemas(request, user_urn).body);
  for (const auto& a : user["attributes"]) {
    if (a["name"] != "roles") continue;
    for (const auto& sub : a["subAttributes"]) {
      if (sub["name"] == "type") {
        EXPECT_EQ(sub["canonicalValues"].size(), 3u);
      }
    }
  }
  auto plain = ReferenceServer::create(ServerConfig{});
  ASSERT_TRUE(plain.ok());
  auto plain_spc = nlohmann::json::parse((*plain)->service().service_provider_config(request).body);
  EXPECT_FALSE(plain_spc.contains("interopProfileConformant"));
}

}  // namespace
}  // namespace scim::app
