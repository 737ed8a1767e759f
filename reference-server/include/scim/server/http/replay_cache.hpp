// The token endpoint's memory of client-assertion "jti"s (RFC 7523 §3 item 7: the server may
// refuse a replayed JWT). Each entry lives until its assertion expires; the cache is bounded, and
// when it is full of unexpired entries new assertions are refused rather than old ones forgotten
// (forgetting would let a still-valid assertion be replayed). Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace scim::http {

class ReplayCache {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  enum class Outcome { Fresh, Replayed, Full };

  explicit ReplayCache(std::size_t max_entries) : max_entries_(max_entries) {}
  // Records `key` until `expires`; Replayed when it is already recorded and unexpired.
  Outcome remember(const std::string& key, TimePoint expires, TimePoint now);
  std::size_t size() const;

 private:
  void purge(TimePoint now);  // called with mu_ held

  std::size_t max_entries_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, TimePoint> entries_;
  TimePoint earliest_ = TimePoint::max();  // earliest expiry in entries_: no sweep before it
};

}  // namespace scim::http
