// Poll queue: ack/setErrs handling, redelivery of unacknowledged SETs, bounded retention and a
// bounded long-poll wait (RFC 8936 §2.2-§2.5).
#include "scim/server/events/poll_queue.hpp"

namespace scim::events {
namespace {
constexpr std::size_t kMaxRecentErrors = 50;
}

PollQueue::PollQueue(PollQueueLimits limits, Clock clock, server::QueueMeter::Report report)
    : limits_(limits),
      clock_(clock ? std::move(clock) : [] { return std::chrono::steady_clock::now(); }),
      meter_("poll retention", limits.max_entries, std::move(report)) {}

void PollQueue::publish(std::string jti, std::string jwt) {
  publish(std::make_shared<const PendingSet>(std::move(jti), std::move(jwt)));
}

void PollQueue::publish(SharedSet set) {
  {
    std::lock_guard lock(mu_);
    if (limits_.max_entries == 0) {  // holds nothing, so holds no SET of this jti either
      ++counters_.dropped_full;
      meter_.on_refused();
      return;
    }
    // One lookup: the index entry is made here (a view of the set's own jti) and pointed at the
    // set's entry once that exists.
    const auto [indexed, fresh] = by_jti_.try_emplace(set->jti(), entries_.end());
    if (!fresh) return;  // same jti twice is the same SET (RFC 8417 §2.2)
    bool evicted = false;
    while (entries_.size() >= limits_.max_entries) {
      erase_locked(entries_.begin());
      ++counters_.dropped_full;
      meter_.on_refused();  // the oldest SET makes room for the new one
      evicted = true;
    }
    entries_.push_back(Entry{std::move(set), clock_(), std::nullopt});
    indexed->second = std::prev(entries_.end());
    ++counters_.published;
    meter_.on_accepted(evicted);
  }
  cv_.notify_all();
}

void PollQueue::erase_locked(Iter it) {
  by_jti_.erase(it->set->jti());
  entries_.erase(it);
}

void PollQueue::apply_acks_locked(const PollRequest& request) {
  for (const auto& jti : request.ack) {
    auto it = by_jti_.find(jti);
    if (it == by_jti_.end()) continue;  // already acknowledged or expired: acks are idempotent
    erase_locked(it->second);
    ++counters_.acknowledged;
  }
  // A reported error releases the SET too: redelivering an invalid SET cannot succeed
  // (RFC 8935 §4), so it is recorded for operators instead.
  for (const auto& [jti, err] : request.set_errs) {
    auto it = by_jti_.find(jti);
    if (it == by_jti_.end()) continue;
    erase_locked(it->second);
    ++counters_.errors_reported;
    recent_errors_.push_back(jti + ": " + err.first + ": " + err.second);
    if (recent_errors_.size() > kMaxRecentErrors) recent_errors_.pop_front();
  }
}

void PollQueue::expire_locked(std::chrono::steady_clock::time_point now) {
  while (!entries_.empty() && now - entries_.front().published_at > limits_.max_age) {
    erase_locked(entries_.begin());
    ++counters_.expired;
  }
}

bool PollQueue::eligible(const Entry& e, std::chrono::steady_clock::time_point now) const {
  return !e.handed_out_at || now - *e.handed_out_at >= limits_.redelivery_after;
}

bool PollQueue::take_locked(std::size_t limit, std::vector<SharedSet>& taken) {
  const auto now = clock_();
  for (auto& e : entries_) {
    if (!eligible(e, now)) continue;
    if (taken.size() >= limit) return true;
    if (e.handed_out_at) ++counters_.redelivered;
    e.handed_out_at = now;
    taken.push_back(e.set);
  }
  return false;
}

PollResult PollQueue::poll(const PollRequest& request, std::chrono::milliseconds max_wait) {
  std::vector<SharedSet> taken;
  PollResult result;
  {
    std::unique_lock lock(mu_);
    apply_acks_locked(request);
    expire_locked(clock_());
    std::size_t limit = limits_.max_events_per_poll;
    if (request.max_events && *request.max_events < limit) limit = *request.max_events;
    result.more_available = take_locked(limit, taken);
    if (taken.empty() && !request.return_immediately && !closed_) {
      // Long poll (RFC 8936 §2.5): wait for a SET or the bounded timeout. An ack-only request
      // with maxEvents 0 still waits, as §2.4.2 says, until a SET is ready.
      const auto deadline = std::chrono::steady_clock::now() + max_wait;
      cv_.wait_until(lock, deadline, [&] {
        if (closed_) return true;
        const auto now = clock_();
        for (const auto& e : entries_) {
          if (eligible(e, now)) return true;
        }
        return false;
      });
      result.more_available = take_locked(limit, taken);
    }
  }
  // Signed here, outside the lock, so writers publishing meanwhile never wait for it.
  result.sets.reserve(taken.size());
  for (const auto& set : taken) result.sets.emplace_back(set->jti(), set->jwt());
  return result;
}

void PollQueue::close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

void PollQueue::clear() {
  std::lock_guard lock(mu_);
  entries_.clear();
  by_jti_.clear();
  counters_ = {};
  recent_errors_.clear();
}

std::size_t PollQueue::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

PollCounters PollQueue::counters() const {
  std::lock_guard lock(mu_);
  return counters_;
}

std::vector<std::string> PollQueue::recent_errors() const {
  std::lock_guard lock(mu_);
  return {recent_errors_.begin(), recent_errors_.end()};
}

}  // namespace scim::events
