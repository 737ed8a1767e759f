// Cooperative cancellation of a run. main() owns the flag and sets it on SIGINT; the runner stops
// scheduling new checks and in-flight checks end at their next request, after which fixtures are
// still cleaned up and reports written. An object passed in, never a global.
#pragma once

#include <atomic>

namespace scim::conf {

class CancelFlag {
 public:
  void request() noexcept { flag_.store(true, std::memory_order_relaxed); }
  bool requested() const noexcept { return flag_.load(std::memory_order_relaxed); }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal-waiting thread");
  std::atomic<bool> flag_{false};
};

}  // namespace scim::conf
