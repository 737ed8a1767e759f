// Registry: resource types, case-insensitive lookups, attribute-path resolution.
#include <gtest/gtest.h>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/urns.hpp"

namespace scim {
namespace {

class RegistryTest : public ::testing::Test {
 protected:
  Registry registry = Registry::with_builtin();
  const ResourceType& user() { return *registry.find_resource_type("User"); }
};

TEST_F(RegistryTest, BuiltinTypes) {
  ASSERT_NE(registry.find_resource_type("user"), nullptr);
  EXPECT_EQ(registry.find_by_endpoint("/users"), registry.find_resource_type("User"));
  EXPECT_EQ(registry.find_by_endpoint("Groups")->schema, urn::kGroup);
  EXPECT_TRUE(user().has_extension(urn::kEnterpriseUser));
  EXPECT_EQ(registry.schemas().size(), 6u);
  EXPECT_NE(registry.find_schema("URN:IETF:params:scim:schemas:core:2.0:user"), nullptr);
}

// The schema URNs, which tell a URN prefix from an attribute name in a path (RFC 7644
// §3.10), follow the schemas as they are added and edited.
TEST_F(RegistryTest, SchemaUrnsFollowTheSchemas) {
  const auto& urns = registry.schema_urns();
  ASSERT_EQ(urns.size(), registry.schemas().size());
  for (std::size_t i = 0; i < urns.size(); ++i) EXPECT_EQ(urns[i], registry.schemas()[i]->id);
  Schema extra;
  extra.id = "urn:example:params:scim:schemas:extension:acme:2.0:User";
  ASSERT_TRUE(registry.add_schema(extra).ok());
  ASSERT_EQ(registry.schema_urns().size(), 7u);
  EXPECT_EQ(registry.schema_urns().back(), extra.id);
  EXPECT_FALSE(registry.add_schema(extra).ok());
  EXPECT_EQ(registry.schema_urns().size(), 7u);
  EXPECT_TRUE(registry.edit_schema(extra.id, [](Schema& s) { s.description = "edited"; }));
  EXPECT_EQ(registry.schema_urns().back(), extra.id);
}

// RFC 7643 §8.6 representation of the User resource type.
TEST_F(RegistryTest, Section8_6_ResourceTypeJson) {
  auto j = user().to_json();
  EXPECT_EQ(j["endpoint"], "/Users");
  EXPECT_EQ(j["schema"], urn::kUser);
  EXPECT_EQ(j["schemaExtensions"][0]["schema"], urn::kEnterpriseUser);
  EXPECT_EQ(j["schemaExtensions"][0]["required"], false);
  EXPECT_EQ(j["schemas"][0], urn::kResourceType);
}

TEST_F(RegistryTest, ResolvesCoreCommonAndExtension) {
  auto a = registry.resolve(user(), "name.GIVENNAME");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->path.to_string(), "name.givenName");
  EXPECT_FALSE(a->is_extension);
  auto m = registry.resolve(user(), "meta.lastModified");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->schema, nullptr);
  EXPECT_EQ(m->sub_attribute->type, AttributeType::DateTime);
  auto e = registry.resolve(
      user(), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->is_extension);
  EXPECT_EQ(e->attribute->name, "department");
  auto bare = registry.resolve(user(), urn::kEnterpriseUser);
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->attribute, nullptr);
}

TEST_F(RegistryTest, UnknownAttributesAreInvalidPath) {
  for (const char* bad :
       {"shoeSize", "name.nickname", "urn:ietf:params:scim:schemas:core:2.0:Group:displayName",
        "urn:example:unknown:attr"}) {
    auto r = registry.resolve(user(), bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().scim_type, ScimType::InvalidPath) << bad;
  }
}

TEST_F(RegistryTest, RejectsTypesWithUnknownSchemasAndDuplicates) {
  auto bad =
      registry.add_resource_type({"Device", "Device", "", "/Devices", "urn:example:Device", {}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("unknown schema"), std::string::npos);
  auto dup =
      registry.add_resource_type({"Other", "Other", "", "/users", std::string(urn::kUser), {}});
  ASSERT_FALSE(dup);
  EXPECT_NE(dup.error().find("endpoint"), std::string::npos);
}

}  // namespace
}  // namespace scim
