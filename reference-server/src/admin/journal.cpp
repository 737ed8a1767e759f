// The journal ring (see journal.hpp): a deque with an entry bound and a byte bound, oldest out
// first.
#include "scim/server/admin/journal.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/admin/glob.hpp"

namespace scim::admin {

CapturedBody capture_body(const std::string& body, std::size_t max_bytes) {
  CapturedBody out;
  out.size = body.size();
  out.truncated = body.size() > max_bytes;
  out.text = body.substr(0, max_bytes);
  return out;
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
  std::lock_guard lock(mu_);
  entry.seq = next_seq_++;
  const std::uint64_t seq = entry.seq;
  if (limits_.max_entries == 0) {
    ++evicted_;
    return seq;
  }
  held_.push_back(entry.bytes());
  bytes_ += held_.back();
  ring_.push_back(std::move(entry));
  // The newest entry always stays, even when it alone is over the byte bound.
  while (ring_.size() > 1 && (ring_.size() > limits_.max_entries || bytes_ > limits_.max_bytes)) {
    bytes_ -= held_.front();
    held_.pop_front();
    ring_.pop_front();
    ++evicted_;
  }
  return seq;
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
  for (auto it = ring_.rbegin(); it != ring_.rend(); ++it) {
    if (!matches(q, *it)) continue;
    if (page.matched++ < q.limit) page.entries.push_back(*it);
  }
  std::reverse(page.entries.begin(), page.entries.end());
  return page;
}

void Journal::clear() {
  std::lock_guard lock(mu_);
  ring_.clear();
  held_.clear();
  bytes_ = 0;
}

JournalStats Journal::stats() const {
  std::lock_guard lock(mu_);
  return {ring_.size(), limits_.max_entries, bytes_, next_seq_ - 1, evicted_};
}

}  // namespace scim::admin
