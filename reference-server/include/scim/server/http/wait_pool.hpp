// WaitPool: the threads that serve requests which may wait (an RFC 8936 §2.5 long poll, an
// RFC 7240 "Prefer: respond-async, wait=N" in long mode), so that a waiting request never holds
// an HTTP I/O thread and ordinary requests keep flowing. Bounded: at most `max_threads` requests
// wait at once; one more is refused (the transport answers 503 with Retry-After) and counted.
// Threads are started on demand, up to the bound, and joined by the destructor. No Beast here.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "scim/server/api/queue_meter.hpp"

namespace scim::http {

struct WaitPoolStats {
  std::size_t capacity = 0;    // max_threads
  std::size_t busy = 0;        // requests being served now
  std::uint64_t accepted = 0;  // requests handed to the pool since start
  std::uint64_t rejected = 0;  // refused because `capacity` requests were already waiting
  std::size_t high_water = 0;  // most requests ever served at once
};

class WaitPool {
 public:
  // `report` hears when the pool becomes full and when it has room again (QueueMeter).
  explicit WaitPool(std::size_t max_threads, server::QueueMeter::Report report = {});
  ~WaitPool();  // lets running tasks finish, then joins every thread
  WaitPool(const WaitPool&) = delete;
  WaitPool& operator=(const WaitPool&) = delete;

  // Runs `task` on a pool thread; false (and counted) when `capacity` tasks are already running.
  bool try_submit(std::function<void()> task);
  WaitPoolStats stats() const;

 private:
  void work();

  const std::size_t max_threads_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;  // never longer than the idle threads can take
  std::vector<std::thread> threads_;
  std::size_t busy_ = 0;
  std::size_t idle_ = 0;
  std::uint64_t accepted_ = 0;
  std::uint64_t rejected_ = 0;
  std::size_t high_water_ = 0;
  bool stopping_ = false;
  server::QueueMeter meter_;
};

}  // namespace scim::http
