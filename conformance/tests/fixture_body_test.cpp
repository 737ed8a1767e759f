// Class 7 of issue 13: fixtures fill every attribute the target's own schemas mark required, with
// a valid value of its type (canonical values where listed), and say once what they cannot fill.
#include "scim/conformance/core/fixture_body.hpp"

#include <gtest/gtest.h>

#include "scim/conformance/core/discovery.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::conf {
namespace {

using nlohmann::json;

// A target whose User schema requires more than RFC 7643 §4.1.1 (userName) does.
Capabilities caps_with_user(json attributes, json extensions = json::array()) {
  json schemas = {
      {"Resources",
       {{{"id", std::string(urn::kUser)}, {"attributes", std::move(attributes)}},
        {{"id", "urn:example:ext"},
         {"attributes", {{{"name", "badge"}, {"type", "string"}, {"required", true}}}}}}}};
  json types = {{"Resources",
                 {{{"id", "User"},
                   {"name", "User"},
                   {"endpoint", "/Users"},
                   {"schema", std::string(urn::kUser)},
                   {"schemaExtensions", std::move(extensions)}}}}};
  return capabilities_from(json::object(), types, schemas);
}

json user(std::string name = "scimconf-u") {
  return {{"schemas", {std::string(urn::kUser)}}, {"userName", std::move(name)}};
}

std::string counter(std::string_view hint) {
  return "scimconf-x-" + std::string(hint);
}

TEST(FixtureBody, FillsAnAttributeTheTargetRequiresBeyondTheRfc) {
  auto caps = caps_with_user({{{"name", "userName"}, {"type", "string"}, {"required", true}},
                              {{"name", "active"}, {"type", "boolean"}, {"required", true}},
                              {{"name", "nickName"}, {"type", "string"}}});
  auto fill = fill_required(caps, "User", user(), counter);
  EXPECT_EQ(fill.body["active"], true);
  EXPECT_FALSE(fill.body.contains("nickName")) << "optional attributes stay out";
  EXPECT_EQ(fill.body["userName"], "scimconf-u") << "present values are kept";
  EXPECT_EQ(fill.added, std::vector<std::string>{"User.active"});
  EXPECT_TRUE(fill.unsatisfied.empty());
}

TEST(FixtureBody, UsesTheFirstCanonicalValueAndTheRightJsonType) {
  auto caps = caps_with_user({{{"name", "userType"},
                               {"type", "string"},
                               {"required", true},
                               {"canonicalValues", {"Employee", "Contractor"}}},
                              {{"name", "level"}, {"type", "integer"}, {"required", true}},
                              {{"name", "since"}, {"type", "dateTime"}, {"required", true}},
                              {{"name", "photo"},
                               {"type", "reference"},
                               {"referenceTypes", {"external"}},
                               {"required", true}}});
  auto body = fill_required(caps, "User", user(), counter).body;
  EXPECT_EQ(body["userType"], "Employee");
  EXPECT_TRUE(body["level"].is_number_integer());
  EXPECT_EQ(body["since"], "2000-01-01T00:00:00Z");
  EXPECT_EQ(body["photo"].get<std::string>().rfind("https://", 0), 0u);
}

TEST(FixtureBody, FillsRequiredComplexMultiValuedAndSubAttributesOfPresentValues) {
  json emails = {{"name", "emails"},
                 {"type", "complex"},
                 {"multiValued", true},
                 {"required", true},
                 {"subAttributes", {{{"name", "value"}, {"type", "string"}, {"required", true}}}}};
  json name = {{"name", "name"},
               {"type", "complex"},
               {"subAttributes",
                {{{"name", "givenName"}, {"type", "string"}},
                 {{"name", "familyName"}, {"type", "string"}, {"required", true}}}}};
  auto caps = caps_with_user({emails, name});
  json body = user();
  body["name"] = {{"givenName", "Ann"}};
  body = fill_required(caps, "User", body, counter).body;
  ASSERT_TRUE(body["emails"].is_array());
  EXPECT_EQ(body["emails"][0]["value"], "scimconf-x-value@example.com");
  EXPECT_EQ(body["name"]["givenName"], "Ann");
  EXPECT_TRUE(body["name"]["familyName"].is_string());
}

TEST(FixtureBody, LeavesReadOnlyAndOmittedAttributesOut) {
  auto caps = caps_with_user(
      {{{"name", "userName"}, {"type", "string"}, {"required", true}},
       {{"name", "serial"}, {"type", "string"}, {"required", true}, {"mutability", "readOnly"}}});
  json body = {{"schemas", {std::string(urn::kUser)}}};
  body = fill_required(caps, "User", body, counter, {"userName"}).body;
  EXPECT_FALSE(body.contains("userName")) << "a check about a missing userName omits it";
  EXPECT_FALSE(body.contains("serial")) << "readOnly values are the provider's to assign";
}

TEST(FixtureBody, AddsARequiredExtensionWithItsSchemaUrn) {
  auto caps = caps_with_user({{{"name", "userName"}, {"type", "string"}, {"required", true}}},
                             {{{"schema", "urn:example:ext"}, {"required", true}}});
  auto body = fill_required(caps, "User", user(), counter).body;
  EXPECT_TRUE(body["urn:example:ext"]["badge"].is_string());
  EXPECT_NE(std::find(body["schemas"].begin(), body["schemas"].end(), "urn:example:ext"),
            body["schemas"].end());
}

TEST(FixtureBody, SaysWhatItCannotInvent) {
  auto caps = caps_with_user({{{"name", "manager"},
                               {"type", "reference"},
                               {"referenceTypes", {"User"}},
                               {"required", true}}});
  auto fill = fill_required(caps, "User", user(), counter);
  ASSERT_EQ(fill.unsatisfied.size(), 1u);
  EXPECT_NE(fill.unsatisfied[0].find("User.manager"), std::string::npos);
  EXPECT_FALSE(fill.body.contains("manager"));
}

TEST(FixtureBody, WithoutReadableSchemasTheRfcSchemasStandIn) {
  auto caps = capabilities_from(json::object(), json::object(), json::object());
  EXPECT_FALSE(caps.schemas.from_target());
  ASSERT_NE(caps.attribute("User", "name.givenName"), nullptr);
  auto fill = fill_required(caps, "User", user(), counter);
  EXPECT_TRUE(fill.added.empty()) << "RFC 7643 requires only userName, which is present";
}

}  // namespace
}  // namespace scim::conf
