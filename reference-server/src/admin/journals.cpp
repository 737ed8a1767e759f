// The journals of every tenant and of the server (see journals.hpp).
#include "scim/server/admin/journals.hpp"

#include "scim/server/admin/journal_json.hpp"

namespace scim::admin {

Journals::Journals(JournalLimits limits, JournalFile* file)
    : limits_(limits), file_(file), server_(limits) {}

void Journals::add_tenant(const std::string& tenant) {
  std::lock_guard lock(mu_);
  if (tenants_.find(tenant) == tenants_.end()) {
    tenants_.emplace(tenant, std::make_shared<Journal>(limits_));
  }
}

void Journals::remove_tenant(const std::string& tenant) {
  sessions_.remove_tenant(tenant);
  std::lock_guard lock(mu_);
  tenants_.erase(tenant);
}

std::shared_ptr<Journal> Journals::tenant(std::string_view tenant) const {
  std::lock_guard lock(mu_);
  auto it = tenants_.find(tenant);
  return it == tenants_.end() ? nullptr : it->second;
}

void Journals::record(JournalEntry&& entry) {
  auto stored = std::make_unique<JournalEntry>(std::move(entry));
  record(stored);
}

void Journals::record(std::unique_ptr<JournalEntry>& stored) {
  if (!stored) return;
  JournalEntry& entry = *stored;
  auto journal = tenant(entry.tenant);
  if (file_ != nullptr) {
    if (entry.time == std::chrono::system_clock::time_point{}) {
      entry.time = std::chrono::system_clock::now();
    }
    auto line = to_json(entry);
    line.erase("seq");  // seq numbers are per ring; the file interleaves every ring
    file_->write(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  if (entry.kind == JournalEntry::Kind::Request && journal) sessions_.record(entry);
  if (journal) journal->append(stored);
}

void Journals::audit(const std::string& tenant, const std::string& credential, std::string action,
                     nlohmann::json detail) {
  JournalEntry entry;
  entry.kind = JournalEntry::Kind::Audit;
  entry.time = std::chrono::system_clock::now();
  entry.tenant = tenant;
  entry.credential = credential;
  entry.action = std::move(action);
  entry.detail = std::move(detail);
  server_.append(JournalEntry(entry));  // a copy: the tenant's ring takes the entry
  record(std::move(entry));
}

}  // namespace scim::admin
