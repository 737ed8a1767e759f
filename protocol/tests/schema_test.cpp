// The embedded RFC 7643 §8.7 schemas: they parse, round-trip through to_json, and carry the
// characteristics the RFC text gives them.
#include "scim/protocol/schema.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/schema_loader.hpp"
#include "scim/protocol/urns.hpp"

namespace scim {
namespace {

const Schema& find(const std::vector<Schema>& all, std::string_view id) {
  for (const auto& s : all)
    if (s.id == id) return s;
  throw std::runtime_error("missing schema " + std::string(id));
}

TEST(BuiltinSchemasTest, AllSixSchemasOfSection8_7AreEmbedded) {
  auto all = builtin_schemas();
  ASSERT_EQ(all.size(), 6u);
  for (auto id : {urn::kUser, urn::kGroup, urn::kEnterpriseUser, urn::kServiceProviderConfig,
                  urn::kResourceType, urn::kSchema})
    EXPECT_NO_THROW(find(all, id)) << id;
}

TEST(BuiltinSchemasTest, EachDocumentRoundTrips) {
  for (const Schema& parsed : builtin_schemas()) {
    auto again = parse_schema(parsed.to_json(), parsed.id);
    if (parsed.id == urn::kSchema) {
      // §8.7.2's Schema schema nests complex attributes, which §2.3.8 forbids for user schemas:
      // the strict loader refuses it, only the embedded copy is exempt.
      ASSERT_FALSE(again);
      EXPECT_NE(again.error().find("2.3.8"), std::string::npos);
      continue;
    }
    ASSERT_TRUE(again) << again.error();
    EXPECT_EQ(again->to_json(), parsed.to_json()) << parsed.id;
  }
  for (auto file : builtin_schema_files()) {
    auto doc = nlohmann::json::parse(builtin_schema_document(file));
    EXPECT_EQ(doc["schemas"][0], urn::kSchema) << file;
    EXPECT_FALSE(doc["attributes"].empty()) << file;
  }
}

// RFC 7643 §4.1.1: userName is required, unique (server) and case-insensitive.
TEST(BuiltinSchemasTest, Section4_1_UserNameCharacteristics) {
  auto all = builtin_schemas();
  const Attribute* user_name = find(all, urn::kUser).find("USERNAME");  // case-insensitive lookup
  ASSERT_NE(user_name, nullptr);
  EXPECT_TRUE(user_name->required);
  EXPECT_FALSE(user_name->case_exact);
  EXPECT_EQ(user_name->uniqueness, Uniqueness::Server);
}

// RFC 7643 §4.1.1: password is writeOnly and returned never.
TEST(BuiltinSchemasTest, Section4_1_PasswordIsNeverReturned) {
  auto all = builtin_schemas();
  const Attribute* password = find(all, urn::kUser).find("password");
  ASSERT_NE(password, nullptr);
  EXPECT_EQ(password->mutability, Mutability::WriteOnly);
  EXPECT_EQ(password->returned, Returned::Never);
}

TEST(BuiltinSchemasTest, Section4_1_2_GroupsIsReadOnlyWithCanonicalTypes) {
  auto all = builtin_schemas();
  const Attribute* groups = find(all, urn::kUser).find("groups");
  ASSERT_NE(groups, nullptr);
  EXPECT_TRUE(groups->multi_valued);
  EXPECT_EQ(groups->mutability, Mutability::ReadOnly);
  const Attribute* type = groups->find_sub("Type");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->canonical_values, (std::vector<std::string>{"direct", "indirect"}));
}

TEST(BuiltinSchemasTest, ServiceProviderConfigIncludesEtag) {
  auto all = builtin_schemas();
  const Attribute* etag = find(all, urn::kServiceProviderConfig).find("etag");
  ASSERT_NE(etag, nullptr);  // RFC 7643 §5 lists etag although §8.7.2 omits it
  EXPECT_NE(etag->find_sub("supported"), nullptr);
}

TEST(CommonAttributesTest, Section3_1) {
  const Attribute* id = find_common_attribute("ID");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->returned, Returned::Always);
  EXPECT_EQ(id->mutability, Mutability::ReadOnly);
  EXPECT_TRUE(id->case_exact);
  const Attribute* meta = find_common_attribute("meta");
  ASSERT_NE(meta, nullptr);
  ASSERT_NE(meta->find_sub("lastModified"), nullptr);
  EXPECT_EQ(meta->find_sub("lastModified")->type, AttributeType::DateTime);
  EXPECT_TRUE(find_common_attribute("externalId")->case_exact);
}

TEST(EnumSpellingTest, RoundTrip) {
  for (auto s :
       {"string", "boolean", "decimal", "integer", "dateTime", "binary", "reference", "complex"})
    EXPECT_EQ(to_string(*parse_attribute_type(s)), s);
  EXPECT_FALSE(parse_attribute_type("String"));
  EXPECT_EQ(to_string(*parse_mutability("writeOnly")), "writeOnly");
  EXPECT_EQ(to_string(*parse_returned("request")), "request");
  EXPECT_EQ(to_string(*parse_uniqueness("global")), "global");
}

}  // namespace
}  // namespace scim
