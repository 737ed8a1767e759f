// LazyDeadline: when a connection's single timer has to be (re)armed, so that the timeouts of
// each request (idle, read, write: options.hpp Limits) cost a store of a time point rather than
// arming and cancelling a kernel timer several times per request. The deadline is a value; the
// timer is armed only when none is pending or the new deadline comes before the pending expiry,
// and never more than `check_every` ahead (the shortest configured timeout). Any later deadline
// set within that interval is then at or after the pending expiry and needs no re-arm: busy
// keep-alive connections arm their timer about once per `check_every`. When the timer fires
// early for the deadline it re-arms; when it fires after it, the deadline has expired, exactly
// when it would have with a timer per deadline. No Beast here: the session owns the timer and
// asks this class what to do with it (socket-free, so it is tested without a server).
#pragma once

#include <chrono>
#include <optional>

namespace scim::http {

class LazyDeadline {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LazyDeadline(std::chrono::milliseconds check_every);

  // The deadline is now + after. Returns when to arm the timer, or nullopt when the pending
  // timer already fires at or before the deadline (then nothing needs doing).
  std::optional<Clock::time_point> set(Clock::time_point now, std::chrono::milliseconds after);
  // No deadline until the next set(); a pending timer is left to fire and finds none.
  void clear() { active_ = false; }
  bool active() const { return active_; }

  // What the pending timer's expiry means.
  struct Fired {
    bool expired = false;                       // the deadline has passed (and is cleared)
    std::optional<Clock::time_point> rearm_at;  // not yet: arm the timer again for this time
  };
  // The pending timer fired at `now`. With no deadline set, neither expired nor re-armed: the
  // next set() arms the timer.
  Fired fired(Clock::time_point now);

 private:
  Clock::time_point arm(Clock::time_point now);

  std::chrono::milliseconds check_every_;
  Clock::time_point deadline_{};
  Clock::time_point timer_expiry_{};
  bool active_ = false;
  bool timer_pending_ = false;
};

}  // namespace scim::http
