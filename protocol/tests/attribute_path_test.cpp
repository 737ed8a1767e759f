// Attribute paths (RFC 7644 §3.10, RFC 7643 §2.1).
#include "scim/protocol/attribute_path.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/urns.hpp"

namespace scim {
namespace {

const std::vector<std::string> kKnown{std::string(urn::kUser), std::string(urn::kEnterpriseUser)};

TEST(AttributePathTest, SimpleAndSubAttribute) {
  auto a = parse_attribute_path("userName");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->attribute, "userName");
  EXPECT_TRUE(a->schema_urn.empty());
  auto b = parse_attribute_path("name.givenName");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->attribute, "name");
  EXPECT_EQ(b->sub_attribute, "givenName");
  EXPECT_TRUE(parse_attribute_path("members.$ref"));
}

// RFC 7644 §3.10: "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName".
TEST(AttributePathTest, Section3_10_FullyQualified) {
  auto p =
      parse_attribute_path("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", kKnown);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->schema_urn, urn::kUser);
  EXPECT_EQ(p->attribute, "name");
  EXPECT_EQ(p->sub_attribute, "givenName");
  EXPECT_EQ(p->to_string(), "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName");
}

TEST(AttributePathTest, ExtensionAttributeAndBareUrn) {
  auto p = parse_attribute_path(
      "URN:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", kKnown);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->schema_urn, urn::kEnterpriseUser);  // canonical spelling from the known list
  EXPECT_EQ(p->attribute, "manager");
  auto bare = parse_attribute_path(urn::kEnterpriseUser, kKnown);
  ASSERT_TRUE(bare);
  EXPECT_TRUE(bare->is_schema_only());
}

TEST(AttributePathTest, UnknownUrnSplitsAtLastColon) {
  auto p = parse_attribute_path("urn:ietf:params:scim:schemas:exampleCo:2.0:hr:age");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->schema_urn, "urn:ietf:params:scim:schemas:exampleCo:2.0:hr");
  EXPECT_EQ(p->attribute, "age");
}

TEST(AttributePathTest, MalformedPathsAreInvalidPath) {
  for (const char* bad : {"", "1abc", "name.", "name.given.more", "na me", "emails[", "urn:x:"}) {
    auto p = parse_attribute_path(bad);
    ASSERT_FALSE(p) << bad;
    EXPECT_EQ(p.error().status, 400);
    EXPECT_EQ(p.error().scim_type, ScimType::InvalidPath) << bad;
  }
  EXPECT_FALSE(parse_attribute_path(std::string(5000, 'a')));
}

}  // namespace
}  // namespace scim
