// Push delivery to one receiver (RFC 8935): a bounded queue that never blocks the caller (a full
// queue drops the SET and counts it), one worker thread owned by this object, retries with
// exponential backoff for failures that may be transient, and delivery counters.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "scim/server/api/queue_meter.hpp"
#include "scim/server/events/pending_set.hpp"
#include "scim/server/events/push_transport.hpp"

namespace scim::events {

struct PushLimits {
  std::size_t queue_capacity = 1000;
  int max_attempts = 5;                            // first try included
  std::chrono::milliseconds initial_backoff{200};  // doubled after every failed attempt
  std::chrono::milliseconds max_backoff{10000};
};

struct PushCounters {
  std::uint64_t enqueued = 0;
  std::uint64_t delivered = 0;  // receiver answered 202
  std::uint64_t rejected = 0;   // receiver answered 400 (RFC 8935 §2.3): not retried
  std::uint64_t failed = 0;     // gave up after max_attempts
  std::uint64_t retried = 0;    // attempts beyond the first
  std::uint64_t dropped = 0;    // queue full, or discarded at shutdown
  std::string last_error;
};

class PushDeliverer {
 public:
  using Logger = std::function<void(std::string_view)>;

  // `transport` must outlive this object. The worker starts immediately.
  PushDeliverer(std::string id, PushTarget target, PushTransport& transport, PushLimits limits,
                Logger log = {});
  ~PushDeliverer();
  PushDeliverer(const PushDeliverer&) = delete;
  PushDeliverer& operator=(const PushDeliverer&) = delete;

  // Never blocks on the network. Returns false (and counts a drop) when the queue is full or the
  // deliverer is stopping.
  bool enqueue(std::string jti, std::string jwt);
  // The same for a SET that may not be signed yet: the worker signs it before sending.
  bool enqueue(SharedSet set);
  // Stops the worker: the SET in flight finishes its current attempt, queued SETs are dropped
  // (counted). Idempotent; the destructor calls it.
  void stop();
  // Drops the queued SETs and zeroes the counters; the worker keeps running (the control
  // plane's tenant reset). A SET in flight finishes its current attempt.
  void reset();
  // Blocks until the queue is empty and nothing is in flight, or the timeout passes (tests).
  bool wait_idle(std::chrono::milliseconds timeout);

  const std::string& id() const { return id_; }
  const PushTarget& target() const { return target_; }
  PushCounters counters() const;
  // The delivery queue as a bounded queue: SETs taken, refused because it was full.
  server::QueueCounters queue_counters() const { return meter_.counters(); }
  std::size_t queued() const;

 private:
  struct Item {
    SharedSet set;
  };
  void run();
  void deliver(const Item& item);
  // Returns true when the outcome is final (delivered or rejected).
  bool handle_outcome(const Item& item, const PushOutcome& outcome, int attempt);
  void log(const std::string& line) const;

  std::string id_;
  PushTarget target_;
  PushTransport& transport_;
  PushLimits limits_;
  Logger log_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::deque<Item> queue_;
  bool in_flight_ = false;
  bool stopping_ = false;
  PushCounters counters_;
  server::QueueMeter meter_;
  std::thread worker_;  // last: started once every member above exists
};

}  // namespace scim::events
