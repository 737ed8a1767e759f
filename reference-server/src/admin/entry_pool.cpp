// Spare journal entries (see entry_pool.hpp).
#include "scim/server/admin/entry_pool.hpp"

namespace scim::admin {

std::unique_ptr<JournalEntry> EntryPool::take() {
  {
    std::lock_guard lock(mu_);
    if (!spare_.empty()) {
      auto entry = std::move(spare_.back());
      spare_.pop_back();
      return entry;
    }
  }
  return std::make_unique<JournalEntry>();
}

void EntryPool::give_back(std::unique_ptr<JournalEntry> entry) {
  std::lock_guard lock(mu_);
  if (entry && spare_.size() < kMaxSpare) spare_.push_back(std::move(entry));
  // else `entry` is freed as the function returns, after the lock is released
}

}  // namespace scim::admin
