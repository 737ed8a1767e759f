// Bounded jti replay cache (see replay_cache.hpp).
#include "scim/server/http/replay_cache.hpp"

#include <algorithm>

namespace scim::http {

ReplayCache::Outcome ReplayCache::remember(const std::string& key, TimePoint expires,
                                           TimePoint now) {
  std::lock_guard lock(mu_);
  if (const auto it = entries_.find(key); it != entries_.end()) {
    if (it->second >= now) return Outcome::Replayed;
    entries_.erase(it);
  }
  // A sweep costs O(size); it runs only when the cache is full and some entry has expired, so a
  // flood against a full cache of live entries costs O(1) per refused assertion.
  if (entries_.size() >= max_entries_ && earliest_ < now) purge(now);
  if (entries_.size() >= max_entries_) return Outcome::Full;
  entries_.emplace(key, expires);
  earliest_ = std::min(earliest_, expires);
  return Outcome::Fresh;
}

std::size_t ReplayCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

void ReplayCache::purge(TimePoint now) {
  earliest_ = TimePoint::max();
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second < now) {
      it = entries_.erase(it);
    } else {
      earliest_ = std::min(earliest_, it->second);
      ++it;
    }
  }
}

}  // namespace scim::http
