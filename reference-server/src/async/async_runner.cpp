// Asynchronous request execution and asyncresp SETs (RFC 9967 §2.5.1).
#include "scim/server/async/async_runner.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::async {

using events::EventHub;
using events::SubjectRef;
using server::error_of;
using server::error_response;
using server::json_response;
namespace {

std::string relative_to(const std::string& location, const std::string& base) {
  if (!base.empty() && location.compare(0, base.size(), base) == 0) {
    return location.substr(base.size());
  }
  return location;
}

// One request's outcome as an RFC 7644 §3.7.3 operation (the §2.5.1.3 payload).
nlohmann::json operation_of(const server::Request& request, const server::Response& response) {
  nlohmann::json op = {{"method", request.method}, {"status", std::to_string(response.status)}};
  const bool ok = response.status >= 200 && response.status < 300;
  if (auto loc = response.header("Location")) {
    op["location"] = *loc;
  } else if (!(request.method == "POST" && !ok)) {
    op["location"] = request.base_url + request.path;
  }
  if (auto etag = response.header("ETag")) op["version"] = *etag;
  if (!ok) op["response"] = error_of(response).to_json();  // §2.5.1.3: errors carry "response"
  return op;
}

SubjectRef subject_for(const nlohmann::json& op, const std::string& fallback,
                       const std::string& base_url) {
  SubjectRef s;
  s.uri = op.contains("location") ? relative_to(op.value("location", ""), base_url) : fallback;
  const auto slash = s.uri.rfind('/');
  if (slash != std::string::npos && slash > 0) s.id = s.uri.substr(slash + 1);
  return s;
}

}  // namespace

AsyncOutcome run_async_request(const server::Request& request, const std::string& txn,
                               server::Handler& handler, EventHub* hub) {
  AsyncOutcome out;
  server::Request with_txn = request;
  with_txn.txn = txn;
  out.response = handler.handle(with_txn);
  if (!out.response.operations.empty()) {
    // A bulk request: one asyncresp per operation, each with the operation's own txn.
    out.operations = nlohmann::json::array();
    for (const auto& o : out.response.operations) {
      out.operations.push_back(o.operation);
      if (!hub) continue;
      out.sets.push_back(hub->publish_async_response(
          request.principal.tenant, o.operation,
          subject_for(o.operation, o.subject, request.base_url), o.txn, request.base_url));
    }
    return out;
  }
  out.operations = nlohmann::json::array({operation_of(request, out.response)});
  if (hub) {
    out.sets.push_back(hub->publish_async_response(
        request.principal.tenant, out.operations[0],
        subject_for(out.operations[0], request.path, request.base_url), txn, request.base_url));
  }
  return out;
}

AsyncRunner::AsyncRunner(AsyncJobs& jobs, server::Handler& handler, EventHub* hub,
                         AsyncRunnerLimits limits, server::QueueMeter::Report report)
    : jobs_(jobs),
      handler_(handler),
      hub_(hub),
      limits_(limits),
      meter_("async run queue", limits.queue_capacity, std::move(report)) {
  for (std::size_t i = 0; i < std::max<std::size_t>(1, limits_.workers); ++i) {
    workers_.emplace_back([this] { work(); });
  }
}

AsyncRunner::~AsyncRunner() {
  stop();
}

Result<std::string> AsyncRunner::submit(server::Request request) {
  std::unique_lock lock(mu_);
  if (stopping_ || queue_.size() >= limits_.queue_capacity) {
    if (!stopping_) meter_.on_refused();
    return http_error(503, "the asynchronous request queue is full (" +
                               std::to_string(limits_.queue_capacity) + ")");
  }
  auto txn = jobs_.create(request.principal.tenant);
  if (!txn) return txn.error();
  queue_.push_back(Task{*txn, std::move(request)});
  meter_.on_accepted();
  lock.unlock();
  cv_.notify_one();
  return txn;
}

void AsyncRunner::stop() {
  std::deque<Task> abandoned;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    abandoned.swap(queue_);
  }
  cv_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  for (auto& task : abandoned) {
    AsyncOutcome out;
    out.response = error_response(http_error(503, "the server shut down before running it"));
    out.operations = nlohmann::json::array({operation_of(task.request, out.response)});
    jobs_.complete(task.txn, std::move(out));
  }
}

void AsyncRunner::work() {
  while (true) {
    Task task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    AsyncOutcome out;
    try {
      out = run_async_request(task.request, task.txn, handler_, hub_);
    } catch (const std::exception& e) {  // a bug in a handler must not kill the worker
      out.response = error_response(http_error(500, std::string("internal error: ") + e.what()));
      out.operations = nlohmann::json::array({operation_of(task.request, out.response)});
    }
    jobs_.complete(task.txn, std::move(out));
  }
}

}  // namespace scim::async
