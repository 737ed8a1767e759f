// Tenant isolation: each tenant has its own store.
#include "scim/server/store/tenant_directory.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/store_test_support.hpp"

namespace scim::store {
namespace {

TEST(TenantDirectory, UnknownTenantIsNullWithoutAutoCreate) {
  TenantDirectory dir(testing::user_and_group_specs());
  ASSERT_TRUE(dir.add("acme"));
  EXPECT_NE(dir.find("acme"), nullptr);
  EXPECT_EQ(dir.find("other"), nullptr);
}

TEST(TenantDirectory, TenantsAreIsolated) {
  TenantDirectory dir(testing::user_and_group_specs(), {}, TenantOptions{true, 10});
  auto* a = dir.find("a");
  auto* b = dir.find("b");
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(a->create("User", testing::user("1", "bjensen")).ok());
  EXPECT_TRUE(b->create("User", testing::user("1", "bjensen")).ok());  // same name, other tenant
  EXPECT_EQ(a->size("User"), 1u);
  EXPECT_EQ(dir.tenants().size(), 2u);
}

TEST(TenantDirectory, MaxTenantsBoundsAutoCreation) {
  TenantDirectory dir(testing::user_and_group_specs(), {}, TenantOptions{true, 1});
  EXPECT_NE(dir.find("a"), nullptr);
  EXPECT_EQ(dir.find("b"), nullptr);
  EXPECT_FALSE(dir.add("c"));
}

}  // namespace
}  // namespace scim::store
