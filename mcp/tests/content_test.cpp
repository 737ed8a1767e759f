// Schemas derived from a target's /Schemas (RFC 7643 §7 attribute definitions), spec sections
// cut from RFC-format text, and the command line.
#include <gtest/gtest.h>

#include "scim/conformance/core/discovery.hpp"
#include "scim/mcp/config.hpp"
#include "scim/mcp/resource_schema.hpp"
#include "scim/mcp/schema_check.hpp"
#include "scim/mcp/spec_library.hpp"

namespace scim::mcp {
namespace {

// RFC 7643 §8.7.1-shaped excerpt: userName required, id readOnly, emails multi-valued complex.
conf::Capabilities user_target() {
  auto schemas = json::parse(R"({"Resources":[{"id":"urn:ietf:params:scim:schemas:core:2.0:User",
    "name":"User","attributes":[
      {"name":"id","type":"string","mutability":"readOnly"},
      {"name":"userName","type":"string","required":true},
      {"name":"active","type":"boolean"},
      {"name":"emails","type":"complex","multiValued":true,"subAttributes":[
        {"name":"value","type":"string"},
        {"name":"type","type":"string","canonicalValues":["work","home"]}]}]},
    {"id":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","attributes":[
      {"name":"employeeNumber","type":"string"}]}]})");
  auto types = json::parse(R"([{"id":"User","name":"User","endpoint":"/Users",
    "schema":"urn:ietf:params:scim:schemas:core:2.0:User","schemaExtensions":[
    {"schema":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","required":false}]}])");
  return conf::capabilities_from(json::object(), types, schemas);
}

TEST(ResourceSchema, RequiredTypesAndReadOnlyComeFromTheTargetsSchemas) {
  auto caps = user_target();
  auto schema = writable_resource_schema(caps, caps.resource_types[0]);
  EXPECT_EQ(schema["required"], json::array({"userName"}));
  EXPECT_FALSE(schema["properties"].contains("id"));
  EXPECT_EQ(schema["properties"]["emails"]["type"], "array");
  EXPECT_NE(schema["properties"]["emails"]["items"]["properties"]["type"]["description"]
                .get<std::string>()
                .find("\"work\""),
            std::string::npos);
  EXPECT_TRUE(
      schema["properties"].contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
  EXPECT_TRUE(schema_violations(schema, {{"userName", "bjensen"}, {"active", true}}).empty());
  auto problems = schema_violations(schema, {{"active", "yes"}});
  EXPECT_GE(problems.size(), 1u);
}

TEST(ResourceSchema, AttributePathsIncludeSubAttributesAndExtensions) {
  auto caps = user_target();
  auto paths = attribute_paths(caps, caps.resource_types[0]);
  auto has = [&](const std::string& p) {
    return std::find(paths.begin(), paths.end(), p) != paths.end();
  };
  EXPECT_TRUE(has("emails.value"));
  EXPECT_TRUE(has("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"));
}

TEST(SpecLibrary, SectionRunsToTheNextHeadingWithoutPageBreaks) {
  auto lib = SpecLibrary::from_texts({{"rfc7644",
                                       "3.4.2.2.  Filtering\n\n   Filtering is OPTIONAL.\n"
                                       "Hunt, et al.   Standards Track   [Page 12]\n\f\n"
                                       "RFC 7644   SCIM Protocol   September 2015\n"
                                       "   More text.\n3.4.2.3.  Sorting\n   Sort.\n"}});
  auto text = lib.section("rfc7644", "3.4.2.2");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("More text."), std::string::npos);
  EXPECT_EQ(text->find("[Page 12]"), std::string::npos);
  EXPECT_EQ(text->find("Sorting"), std::string::npos);
  EXPECT_FALSE(lib.section("rfc7644", "9.9"));
}

EnvLookup env_with(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

TEST(Config, TokensComeFromTheNamedEnvironmentVariables) {
  auto c = parse_config({"--base-url", "http://x/scim/v2", "--token-env", "T"},
                        env_with({{"T", "abc"}}), "");
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(c->target.auth.bearer_token, "abc");
  EXPECT_FALSE(c->http);
}

TEST(Config, MissingVariableIsAUsageError) {
  auto c = parse_config({"--token-env", "NOPE"}, env_with({}), "");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().find("NOPE"), std::string::npos);
}

TEST(Config, HttpDefaultsToLoopbackAndRefusesOpenBindsWithoutToken) {
  auto c = parse_config({"--http", "8123"}, env_with({}), "");
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(c->http->address, "127.0.0.1");
  EXPECT_EQ(c->http->port, 8123);
  auto open = parse_config({"--http", "0.0.0.0:8123"}, env_with({}), "");
  ASSERT_FALSE(open);
  EXPECT_NE(open.error().find("--http-token-env"), std::string::npos);
  auto ok =
      parse_config({"--http", "0.0.0.0:8123", "--http-token-env", "H"}, env_with({{"H", "t"}}), "");
  ASSERT_TRUE(ok) << ok.error();
  EXPECT_EQ(ok->http->bearer_token, "t");
}

TEST(Config, BadPortIsAUsageError) {
  EXPECT_FALSE(parse_config({"--http", "host:http"}, env_with({}), ""));
}

}  // namespace
}  // namespace scim::mcp
