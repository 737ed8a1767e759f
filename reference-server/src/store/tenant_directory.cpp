// Tenant isolation: one InMemoryStore per tenant id.
#include "scim/server/store/tenant_directory.hpp"

#include <mutex>

namespace scim::store {

TenantDirectory::TenantDirectory(std::vector<TypeSpec> types, StoreOptions store_options,
                                 TenantOptions tenant_options)
    : types_(std::move(types)),
      store_options_(std::move(store_options)),
      tenant_options_(tenant_options) {}

bool TenantDirectory::add(std::string_view tenant) {
  std::unique_lock lock(mu_);
  if (stores_.find(tenant) != stores_.end()) return true;
  if (stores_.size() >= tenant_options_.max_tenants) return false;
  stores_.emplace(std::string(tenant), std::make_unique<InMemoryStore>(types_, store_options_));
  return true;
}

ResourceStore* TenantDirectory::find(std::string_view tenant) {
  {
    std::shared_lock lock(mu_);
    auto it = stores_.find(tenant);
    if (it != stores_.end()) return it->second.get();
  }
  if (!tenant_options_.auto_create || tenant.empty() || !add(tenant)) return nullptr;
  std::shared_lock lock(mu_);
  auto it = stores_.find(tenant);
  return it == stores_.end() ? nullptr : it->second.get();
}

std::vector<std::string> TenantDirectory::tenants() const {
  std::shared_lock lock(mu_);
  std::vector<std::string> out;
  for (const auto& [name, store] : stores_) out.push_back(name);
  return out;
}

}  // namespace scim::store
