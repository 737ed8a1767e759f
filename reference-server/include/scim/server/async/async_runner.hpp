// Runs accepted asynchronous requests (RFC 9967 §2.5.1) on worker threads owned
// by this object: the request goes through the same route table as a synchronous one, the
// outcome is stored in AsyncJobs and announced as misc:asyncresp SETs (§2.5.1.3) carrying the
// txn - for a bulk job one SET per operation with txn "<txn>:<index>" (§2.5.1.2). The queue of
// waiting requests is bounded; submit() refuses (503) instead of blocking.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "scim/server/api/queue_meter.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/events/event_hub.hpp"

namespace scim::async {

struct AsyncRunnerLimits {
  std::size_t workers = 2;
  std::size_t queue_capacity = 256;
};

// Runs one request synchronously through `handler` (the route table) and describes the outcome
// as asyncresp payloads; socket-free, used by the workers and by tests. A response that carries
// per-operation outcomes (a bulk request) is announced operation by operation (§2.5.1.2).
AsyncOutcome run_async_request(const server::Request& request, const std::string& txn,
                               server::Handler& handler, events::EventHub* hub);

class AsyncRunner {
 public:
  // All references must outlive the runner. `hub` may be null (no SETs).
  AsyncRunner(AsyncJobs& jobs, server::Handler& handler, events::EventHub* hub,
              AsyncRunnerLimits limits = {}, server::QueueMeter::Report report = {});
  ~AsyncRunner();
  AsyncRunner(const AsyncRunner&) = delete;
  AsyncRunner& operator=(const AsyncRunner&) = delete;

  // Queues the request; returns its txn, or 503 when the queue or the job table is full.
  Result<std::string> submit(server::Request request);
  // Completes still-queued requests with 503 (their jobs stay queryable) and joins the workers.
  void stop();
  // The run queue as a bounded queue: requests taken, refused because it was full.
  server::QueueCounters queue_counters() const { return meter_.counters(); }

 private:
  struct Task {
    std::string txn;
    server::Request request;
  };
  void work();

  AsyncJobs& jobs_;
  server::Handler& handler_;
  events::EventHub* hub_;
  AsyncRunnerLimits limits_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> queue_;
  bool stopping_ = false;
  server::QueueMeter meter_;
  std::vector<std::thread> workers_;
};

}  // namespace scim::async
