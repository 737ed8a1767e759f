// The table of asynchronous requests (RFC 9967 §2.5.1.1): one job per accepted
// "Prefer: respond-async" request, keyed by the txn returned in Set-Txn, scoped to the tenant that
// made it (§5: the result URI must be protected). Bounded: at most max_jobs entries; completed jobs
// are kept for `retention` and evicted oldest first when room is needed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scim/protocol/result.hpp"
#include "scim/server/api/queue_meter.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/events/event_hub.hpp"

namespace scim::async {

struct AsyncJobLimits {
  std::size_t max_jobs = 1000;
  std::chrono::seconds retention{600};
};

struct AsyncOutcome {
  server::Response response;            // what the synchronous request would have answered
  nlohmann::json operations;            // the asyncresp payload(s) (RFC 7644 §3.7.3 operations)
  std::vector<events::IssuedSet> sets;  // the misc:asyncresp SETs issued for it
};

struct AsyncJobView {
  std::string txn;
  bool completed = false;
  std::optional<AsyncOutcome> outcome;
};

class AsyncJobs {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit AsyncJobs(AsyncJobLimits limits = {}, Clock clock = {},
                     server::QueueMeter::Report report = {});

  // Registers a pending job and returns its txn; 503 when the table is full of pending jobs.
  Result<std::string> create(const std::string& tenant);
  void complete(const std::string& txn, AsyncOutcome outcome);
  // nullopt when unknown, expired, or owned by another tenant.
  std::optional<AsyncJobView> find(const std::string& tenant, const std::string& txn);
  // Waits until the job completes or the timeout passes; true when completed.
  bool wait(const std::string& txn, std::chrono::milliseconds timeout);
  std::size_t size() const;
  // The job table as a bounded queue: jobs taken, refused because every slot held a pending job.
  server::QueueCounters table_counters() const { return meter_.counters(); }
  // Forgets every job of the tenant (the control plane's reset and delete): its results can no
  // longer be fetched, and a job still running completes into nothing.
  void forget_tenant(const std::string& tenant);

 private:
  struct Job {
    std::string tenant;
    std::chrono::steady_clock::time_point created;
    std::optional<std::chrono::steady_clock::time_point> completed_at;
    std::optional<AsyncOutcome> outcome;
  };
  void evict_locked();

  AsyncJobLimits limits_;
  Clock clock_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, Job> jobs_;
  server::QueueMeter meter_;
};

}  // namespace scim::async
