// TenantDirectory: tenant id -> that tenant's isolated store. Tenants are either declared up
// front or, when `auto_create` is on, created on first use (bounded by `max_tenants`). The
// control plane also removes tenants while requests run: stores are shared, so a request that
// found a store keeps it alive until it is done, and the next lookup no longer finds it.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/store/memory_store.hpp"

namespace scim::store {

struct TenantOptions {
  bool auto_create = false;
  std::size_t max_tenants = 1000;
};

class TenantDirectory {
 public:
  TenantDirectory(std::vector<TypeSpec> types, StoreOptions store_options = {},
                  TenantOptions tenant_options = {});

  // Declares a tenant (idempotent); false when max_tenants is reached.
  bool add(std::string_view tenant);
  // The tenant's store, creating it when auto_create is on; null for an unknown tenant.
  std::shared_ptr<ResourceStore> find(std::string_view tenant);
  // The concrete store, for the control plane's whole-tenant operations; never auto-creates.
  std::shared_ptr<InMemoryStore> store(std::string_view tenant) const;
  // Forgets the tenant and its data; false when it was not there.
  bool remove(std::string_view tenant);
  std::vector<std::string> tenants() const;
  std::size_t max_tenants() const { return tenant_options_.max_tenants; }

 private:
  std::vector<TypeSpec> types_;
  StoreOptions store_options_;
  TenantOptions tenant_options_;
  mutable std::shared_mutex mu_;
  std::map<std::string, std::shared_ptr<InMemoryStore>, std::less<>> stores_;
};

}  // namespace scim::store
