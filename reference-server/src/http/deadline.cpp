// When the connection's timer is armed (see deadline.hpp).
#include "scim/server/http/deadline.hpp"

#include <algorithm>

namespace scim::http {

LazyDeadline::LazyDeadline(std::chrono::milliseconds check_every)
    : check_every_(std::max(check_every, std::chrono::milliseconds(1))) {}

std::optional<LazyDeadline::Clock::time_point> LazyDeadline::set(Clock::time_point now,
                                                                 std::chrono::milliseconds after) {
  deadline_ = now + after;
  active_ = true;
  if (timer_pending_ && timer_expiry_ <= deadline_) return std::nullopt;
  return arm(now);
}

LazyDeadline::Fired LazyDeadline::fired(Clock::time_point now) {
  timer_pending_ = false;
  if (!active_) return {};
  if (now < deadline_) return {false, arm(now)};
  active_ = false;
  return {true, std::nullopt};
}

LazyDeadline::Clock::time_point LazyDeadline::arm(Clock::time_point now) {
  timer_pending_ = true;
  timer_expiry_ = std::min(deadline_, now + check_every_);
  return timer_expiry_;
}

}  // namespace scim::http
