// JSON or YAML input files (cli/structured_file.hpp): a YAML expectations or targets file means
// what the same JSON means; bad and hostile YAML are errors, not crashes.
#include "scim/conformance/cli/structured_file.hpp"

#include <gtest/gtest.h>

#include "scim/conformance/cli/targets_file.hpp"
#include "scim/conformance/core/expectations.hpp"

namespace scim::conf::cli {
namespace {

TEST(StructuredFile, YamlExpectationsReadLikeTheirJson) {
  const auto yaml = parse_structured(R"(# known failures
expectations:
  - check: "rfc7644/3.14/*"
    reason: "ETags: JIRA-12"
    expires: 2026-06-30
  - check: rfc7644/3.5.2/patch-is-atomic
    reason: vendor bug 77
)",
                                     "scim-expect.yaml");
  ASSERT_TRUE(yaml.ok()) << yaml.error();
  const auto json = parse_structured(R"({"expectations": [
      {"check": "rfc7644/3.14/*", "reason": "ETags: JIRA-12", "expires": "2026-06-30"},
      {"check": "rfc7644/3.5.2/patch-is-atomic", "reason": "vendor bug 77"}]})",
                                     "scim-expect.json");
  ASSERT_TRUE(json.ok()) << json.error();
  EXPECT_EQ(*yaml, *json);
  const auto set = expectations_from(*yaml);
  ASSERT_TRUE(set.ok()) << set.error();
  EXPECT_EQ(set->entries[0].expires, "2026-06-30");
}

TEST(StructuredFile, YamlTargets) {
  const auto targets = parse_targets(R"(targets:
  - name: acme
    baseUrl: https://acme.example/scim/v2
    tokenEnv: ACME_TOKEN
)",
                                     "ci/targets.yml");
  ASSERT_TRUE(targets.ok()) << targets.error();
  EXPECT_EQ((*targets)[0].base_url, "https://acme.example/scim/v2");
}

TEST(StructuredFile, BadAndHostileInputAreErrors) {
  const auto bad = parse_structured("expectations: [unclosed", "e.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().rfind("not valid YAML: ", 0), 0u) << bad.error();
  EXPECT_EQ(parse_structured(std::string(10000, '['), "e.yaml").error(), "YAML nested too deeply");
  std::string indented = "a:\n";
  for (int i = 1; i < 80; ++i) indented += std::string(2 * i, ' ') + "a:\n";
  EXPECT_EQ(parse_structured(indented, "e.yml").error(), "YAML nested too deeply");
  EXPECT_EQ(parse_structured("{", "e.json").error(), "not valid JSON");
  EXPECT_TRUE(is_yaml_path("x.yml"));
  EXPECT_FALSE(is_yaml_path("x.yaml.json"));
}

}  // namespace
}  // namespace scim::conf::cli
