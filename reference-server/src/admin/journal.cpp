// The journal ring (see journal.hpp): a circular buffer with an entry bound and a byte bound,
// oldest out first.
#include "scim/server/admin/journal.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/admin/glob.hpp"

namespace scim::admin {

CapturedBody capture_body(const std::string& body, std::size_t max_bytes) {
  CapturedBody out;
  capture_body(body, max_bytes, out);
  return out;
}

void capture_body(const std::string& body, std::size_t max_bytes, CapturedBody& out) {
  const std::size_t kept = std::min(body.size(), max_bytes);
  // A reused text keeps its capacity, but not one far beyond what it holds: the ring's byte
  // bound counts sizes, so an entry's memory must stay near what it counts.
  if (out.text.capacity() > 2 * kept + 1024) std::string().swap(out.text);
  out.size = body.size();
  out.truncated = body.size() > max_bytes;
  out.text.assign(body, 0, kept);
}

std::size_t JournalEntry::bytes() const {
  std::size_t n = sizeof(JournalEntry) + tenant.size() + request_id.size() + credential.size() +
                  method.size() + target.size() + path.size() + request_body.text.size() +
                  response_body.text.size() + fault.size() + action.size();
  for (const auto* headers : {&request_headers, &response_headers}) {
    for (const auto& [name, value] : *headers) n += name.size() + value.size() + 64;
  }
  for (const auto& name : leniencies) n += name.size() + 32;
  for (const auto& name : variants) n += name.size() + 32;
  if (!detail.is_null()) n += detail.dump().size();
  if (!page.is_null()) n += page.dump().size();
  return n;
}

Journal::Journal(JournalLimits limits) : limits_(limits) {}

std::uint64_t Journal::append(JournalEntry&& entry) {
  auto stored = std::make_unique<JournalEntry>(std::move(entry));
  return append(stored);
}

std::uint64_t Journal::append(std::unique_ptr<JournalEntry>& entry) {
  if (!entry) return 0;
  const std::size_t size = entry->bytes();
  std::lock_guard lock(mu_);
  entry->seq = next_seq_++;
  const std::uint64_t seq = entry->seq;
  if (limits_.max_entries == 0) {
    ++evicted_;
    return seq;
  }
  const std::size_t slot = claim_slot();
  std::swap(slots_[slot], entry);
  held_[slot] = size;
  bytes_ += size;
  // The newest entry always stays, even when it alone is over the byte bound.
  while (count_ > 1 && bytes_ > limits_.max_bytes) {
    slots_[head_].reset();  // its memory goes, as the byte bound says
    evict_oldest();
  }
  return seq;
}

std::size_t Journal::claim_slot() {
  if (count_ == limits_.max_entries) {  // full: the newest takes the oldest's slot
    const std::size_t slot = head_;
    evict_oldest();
    ++count_;
    return slot;
  }
  if (count_ < slots_.size()) return (head_ + count_++) % slots_.size();
  // Every slot is in use and the ring may grow: one more slot, after the newest.
  std::rotate(slots_.begin(), slots_.begin() + static_cast<std::ptrdiff_t>(head_), slots_.end());
  std::rotate(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(head_), held_.end());
  head_ = 0;
  slots_.emplace_back();  // null: the caller's entry comes back null
  held_.push_back(0);
  return count_++;
}

void Journal::evict_oldest() {
  bytes_ -= held_[head_];
  held_[head_] = 0;
  head_ = (head_ + 1) % slots_.size();
  --count_;
  ++evicted_;
}

bool matches(const JournalQuery& q, const JournalEntry& e) {
  if (q.kind && e.kind != *q.kind) return false;
  if (q.method && !iequals(*q.method, e.method)) return false;
  if (q.status && e.status != *q.status) return false;
  if (q.status_class && e.status / 100 != *q.status_class) return false;
  if (q.since && e.time < *q.since) return false;
  if (q.until && !(e.time < *q.until)) return false;
  if (q.path_glob && !glob_match(*q.path_glob, e.path)) return false;
  return true;
}

JournalPage Journal::query(const JournalQuery& q) const {
  JournalPage page;
  std::lock_guard lock(mu_);
  // Newest first, so the most recent `limit` matches are kept; returned oldest first.
  for (std::size_t i = count_; i-- > 0;) {
    const JournalEntry& entry = *slots_[(head_ + i) % slots_.size()];
    if (!matches(q, entry)) continue;
    if (page.matched++ < q.limit) page.entries.push_back(entry);
  }
  std::reverse(page.entries.begin(), page.entries.end());
  return page;
}

void Journal::clear() {
  std::lock_guard lock(mu_);
  slots_.clear();
  held_.clear();
  head_ = 0;
  count_ = 0;
  bytes_ = 0;
}

JournalStats Journal::stats() const {
  std::lock_guard lock(mu_);
  return {count_, limits_.max_entries, bytes_, next_seq_ - 1, evicted_};
}

}  // namespace scim::admin
