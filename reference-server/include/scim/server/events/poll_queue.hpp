// The per-feed buffer of signed SETs for poll-based delivery (RFC 8936 §2): SETs wait until a
// recipient acknowledges them ("ack") or reports them ("setErrs"); SETs handed out but not
// acknowledged become eligible again after a redelivery delay (§2.4 "MAY redeliver"). Retention is
// bounded by count and age (§2 "Transmitters may also discard undelivered SETs").
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>
#include "scim/server/api/queue_meter.hpp"
#include "scim/server/events/pending_set.hpp"

namespace scim::events {

struct PollQueueLimits {
  std::size_t max_entries = 10000;                    // oldest dropped (and counted) beyond
  std::chrono::seconds max_age{24 * 3600};            // unacknowledged SETs expire after this
  std::chrono::milliseconds redelivery_after{30000};  // handed-out SETs re-offered after this
  std::size_t max_events_per_poll = 1000;             // cap even when "maxEvents" is absent
};

struct PollRequest {
  std::vector<std::string> ack;
  // jti -> {"err", "description"} as sent (RFC 8936 §2.2 "setErrs").
  std::map<std::string, std::pair<std::string, std::string>> set_errs;
  std::optional<std::size_t> max_events;
  bool return_immediately = false;
};

struct PollResult {
  std::vector<std::pair<std::string, std::string>> sets;  // (jti, compact SET), oldest first
  bool more_available = false;
};

struct PollCounters {
  std::uint64_t published = 0;
  std::uint64_t acknowledged = 0;
  std::uint64_t errors_reported = 0;
  std::uint64_t dropped_full = 0;
  std::uint64_t expired = 0;
  std::uint64_t redelivered = 0;
};

class PollQueue {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit PollQueue(PollQueueLimits limits = {}, Clock clock = {},
                     server::QueueMeter::Report report = {});

  // Appends a SET. When the queue is full the oldest entry is dropped and counted.
  void publish(std::string jti, std::string jwt);
  // The same for a SET that may not be signed yet: a poll that hands it out signs it, outside
  // the queue's lock.
  void publish(SharedSet set);
  // Applies acks and errors, then returns eligible SETs. When none are eligible and the request
  // is a long poll, waits up to `max_wait` (or until close()) for one to arrive.
  PollResult poll(const PollRequest& request, std::chrono::milliseconds max_wait);
  // Wakes every long poll; later polls return immediately.
  void close();
  // Drops every buffered SET and zeroes the counters (the control plane's tenant reset).
  void clear();

  std::size_t size() const;
  PollCounters counters() const;
  // Retention as a bounded queue: SETs taken, and evicted because it was full.
  server::QueueCounters retention() const { return meter_.counters(); }
  // Last errors recipients reported, newest last (bounded), "jti: err: description".
  std::vector<std::string> recent_errors() const;

 private:
  struct Entry {
    SharedSet set;
    std::chrono::steady_clock::time_point published_at;
    std::optional<std::chrono::steady_clock::time_point> handed_out_at;
  };
  using Iter = std::list<Entry>::iterator;

  void apply_acks_locked(const PollRequest& request);
  void expire_locked(std::chrono::steady_clock::time_point now);
  bool eligible(const Entry& e, std::chrono::steady_clock::time_point now) const;
  // Marks up to `limit` eligible SETs handed out and appends them; true when more were eligible.
  bool take_locked(std::size_t limit, std::vector<SharedSet>& taken);
  void erase_locked(Iter it);

  PollQueueLimits limits_;
  Clock clock_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::list<Entry> entries_;                           // publication order
  std::unordered_map<std::string_view, Iter> by_jti_;  // views of the entries' own jti
  PollCounters counters_;
  std::list<std::string> recent_errors_;
  bool closed_ = false;
  server::QueueMeter meter_;
};

}  // namespace scim::events
