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
  auto a = dir.find("a");
  auto b = dir.find("b");
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

// A removed tenant is gone for the next lookup, while a request that holds its store finishes.
TEST(TenantDirectory, RemovedTenantOutlivesItsLastRequest) {
  TenantDirectory dir(testing::user_and_group_specs());
  ASSERT_TRUE(dir.add("acme"));
  auto in_flight = dir.find("acme");
  ASSERT_TRUE(in_flight->create("User", testing::user("1", "bjensen")).ok());
  EXPECT_TRUE(dir.remove("acme"));
  EXPECT_FALSE(dir.remove("acme"));
  EXPECT_EQ(dir.find("acme"), nullptr);
  EXPECT_EQ(in_flight->size("User"), 1u);
  ASSERT_TRUE(dir.add("acme"));  // a new tenant of the same name starts empty
  EXPECT_EQ(dir.find("acme")->size("User"), 0u);
}

}  // namespace
}  // namespace scim::store
