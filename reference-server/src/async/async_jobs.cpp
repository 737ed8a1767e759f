// Async job bookkeeping: creation, completion, tenant-scoped lookup, bounded retention.
#include "scim/server/async/async_jobs.hpp"

#include "scim/protocol/error.hpp"
#include "scim/server/events/ids.hpp"

namespace scim::async {

using events::random_hex_id;

AsyncJobs::AsyncJobs(AsyncJobLimits limits, Clock clock, server::QueueMeter::Report report)
    : limits_(limits),
      clock_(clock ? std::move(clock) : [] { return std::chrono::steady_clock::now(); }),
      meter_("async job table", limits.max_jobs, std::move(report)) {}

void AsyncJobs::evict_locked() {
  const auto now = clock_();
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    const bool expired =
        it->second.completed_at && now - *it->second.completed_at > limits_.retention;
    it = expired ? jobs_.erase(it) : std::next(it);
  }
  while (jobs_.size() >= limits_.max_jobs) {
    auto oldest = jobs_.end();
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
      if (!it->second.completed_at) continue;
      if (oldest == jobs_.end() || *it->second.completed_at < *oldest->second.completed_at) {
        oldest = it;
      }
    }
    if (oldest == jobs_.end()) return;  // everything is pending: nothing may be dropped
    jobs_.erase(oldest);
  }
}

Result<std::string> AsyncJobs::create(const std::string& tenant) {
  std::lock_guard lock(mu_);
  evict_locked();
  if (jobs_.size() >= limits_.max_jobs) {
    meter_.on_refused();
    return http_error(503, "too many asynchronous requests in progress (" +
                               std::to_string(limits_.max_jobs) + ")");
  }
  std::string txn = random_hex_id();
  jobs_.emplace(txn, Job{tenant, clock_(), std::nullopt, std::nullopt});
  meter_.on_accepted();
  return txn;
}

void AsyncJobs::complete(const std::string& txn, AsyncOutcome outcome) {
  {
    std::lock_guard lock(mu_);
    auto it = jobs_.find(txn);
    if (it == jobs_.end()) return;
    it->second.outcome = std::move(outcome);
    it->second.completed_at = clock_();
  }
  cv_.notify_all();
}

std::optional<AsyncJobView> AsyncJobs::find(const std::string& tenant, const std::string& txn) {
  std::lock_guard lock(mu_);
  evict_locked();
  auto it = jobs_.find(txn);
  if (it == jobs_.end() || it->second.tenant != tenant) return std::nullopt;
  return AsyncJobView{txn, it->second.outcome.has_value(), it->second.outcome};
}

bool AsyncJobs::wait(const std::string& txn, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] {
    auto it = jobs_.find(txn);
    return it == jobs_.end() || it->second.outcome.has_value();
  });
}

void AsyncJobs::forget_tenant(const std::string& tenant) {
  std::lock_guard lock(mu_);
  std::erase_if(jobs_, [&](const auto& item) { return item.second.tenant == tenant; });
}

std::size_t AsyncJobs::size() const {
  std::lock_guard lock(mu_);
  return jobs_.size();
}

}  // namespace scim::async
