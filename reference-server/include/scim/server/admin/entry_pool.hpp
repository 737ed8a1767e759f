// Spare journal entries for the journal layer: an entry taken here is filled by one request and
// swapped into its tenant's ring (Journal::append), which hands back the entry it evicted (or
// null while it grows); that one comes back here, so in steady state a request's entry reuses the
// strings of an evicted one instead of allocating its own and freeing the old. Thread-safe; holds
// at most kMaxSpare entries (one per request in flight is enough), the rest are freed.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "scim/server/admin/journal.hpp"

namespace scim::admin {

class EntryPool {
 public:
  static constexpr std::size_t kMaxSpare = 64;

  EntryPool() { spare_.reserve(kMaxSpare); }
  // A spare entry with unspecified content (the filler overwrites every field), or a new one.
  std::unique_ptr<JournalEntry> take();
  void give_back(std::unique_ptr<JournalEntry> entry);  // null is ignored

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<JournalEntry>> spare_;
};

}  // namespace scim::admin
