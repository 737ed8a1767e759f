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
  stores_.emplace(std::string(tenant), std::make_shared<InMemoryStore>(types_, store_options_));
  return true;
}

std::shared_ptr<ResourceStore> TenantDirectory::find(std::string_view tenant) {
  if (auto found = store(tenant)) return found;
  if (!tenant_options_.auto_create || tenant.empty() || !add(tenant)) return nullptr;
  return store(tenant);
}

std::shared_ptr<InMemoryStore> TenantDirectory::store(std::string_view tenant) const {
  std::shared_lock lock(mu_);
  auto it = stores_.find(tenant);
  return it == stores_.end() ? nullptr : it->second;
}

bool TenantDirectory::remove(std::string_view tenant) {
  std::shared_ptr<InMemoryStore> gone;  // released after the lock: a large store frees slowly
  std::unique_lock lock(mu_);
  auto it = stores_.find(tenant);
  if (it == stores_.end()) return false;
  gone = std::move(it->second);
  stores_.erase(it);
  lock.unlock();
  return true;
}

std::vector<std::string> TenantDirectory::tenants() const {
  std::shared_lock lock(mu_);
  std::vector<std::string> out;
  for (const auto& [name, store] : stores_) out.push_back(name);
  return out;
}

}  // namespace scim::store
