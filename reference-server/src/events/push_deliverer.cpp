// Worker loop, retry policy and counters of PushDeliverer (RFC 8935 §2.2-§2.3, §4).
#include "scim/server/events/push_deliverer.hpp"

#include <nlohmann/json.hpp>

namespace scim::events {

PushDeliverer::PushDeliverer(std::string id, PushTarget target, PushTransport& transport,
                             PushLimits limits, Logger log)
    : id_(std::move(id)),
      target_(std::move(target)),
      transport_(transport),
      limits_(limits),
      log_(std::move(log)),
      meter_("delivery queue", limits.queue_capacity,
             [this](std::string_view line) { this->log(std::string(line)); }),
      worker_([this] { run(); }) {}

PushDeliverer::~PushDeliverer() {
  stop();
}

bool PushDeliverer::enqueue(std::string jti, std::string jwt) {
  return enqueue(std::make_shared<const PendingSet>(std::move(jti), std::move(jwt)));
}

bool PushDeliverer::enqueue(SharedSet set) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= limits_.queue_capacity) {
      ++counters_.dropped;
      if (!stopping_) meter_.on_refused();
      return false;
    }
    queue_.push_back(Item{std::move(set)});
    ++counters_.enqueued;
    meter_.on_accepted();
  }
  cv_.notify_one();
  return true;
}

void PushDeliverer::stop() {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      stopping_ = true;
      counters_.dropped += queue_.size();
      queue_.clear();
    }
  }
  cv_.notify_all();
  if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
  idle_cv_.notify_all();
}

void PushDeliverer::reset() {
  {
    std::lock_guard lock(mu_);
    queue_.clear();
    counters_ = {};
  }
  idle_cv_.notify_all();
}

bool PushDeliverer::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return idle_cv_.wait_for(lock, timeout, [&] { return queue_.empty() && !in_flight_; });
}

PushCounters PushDeliverer::counters() const {
  std::lock_guard lock(mu_);
  return counters_;
}

std::size_t PushDeliverer::queued() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

void PushDeliverer::log(const std::string& line) const {
  if (log_) log_("push[" + id_ + "] " + line);
}

void PushDeliverer::run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) break;
    Item item = std::move(queue_.front());
    queue_.pop_front();
    in_flight_ = true;
    lock.unlock();
    deliver(item);
    lock.lock();
    in_flight_ = false;
    if (queue_.empty()) idle_cv_.notify_all();
  }
  in_flight_ = false;
  idle_cv_.notify_all();
}

void PushDeliverer::deliver(const Item& item) {
  auto backoff = limits_.initial_backoff;
  for (int attempt = 1; attempt <= limits_.max_attempts; ++attempt) {
    if (attempt > 1) {
      std::unique_lock lock(mu_);
      ++counters_.retried;
      // Interruptible sleep: stop() must not wait for a long backoff.
      if (cv_.wait_for(lock, backoff, [&] { return stopping_; })) {
        ++counters_.dropped;
        return;
      }
      backoff = std::min(backoff * 2, limits_.max_backoff);
    }
    const PushOutcome outcome = transport_.post(target_, item.set->jwt());
    if (handle_outcome(item, outcome, attempt)) return;
  }
  std::lock_guard lock(mu_);
  ++counters_.failed;
  log("gave up on " + item.set->jti() + " after " + std::to_string(limits_.max_attempts) +
      " attempts");
}

bool PushDeliverer::handle_outcome(const Item& item, const PushOutcome& outcome, int attempt) {
  std::lock_guard lock(mu_);
  if (outcome.status == 202) {  // RFC 8935 §2.2: success is 202 Accepted
    ++counters_.delivered;
    return true;
  }
  std::string why;
  if (outcome.status == 0) {
    why = "transport error: " + outcome.error;
  } else {
    // RFC 8935 §2.3: the receiver explains a 400 with {"err","description"}; log it verbatim.
    auto body = nlohmann::json::parse(outcome.body, nullptr, false);
    why = "HTTP " + std::to_string(outcome.status);
    if (body.is_object()) {
      why += " err=" + body.value("err", std::string("?")) +
             " description=" + body.value("description", std::string());
    }
  }
  counters_.last_error = why;
  log(item.set->jti() + " attempt " + std::to_string(attempt) + ": " + why);
  // A 400 is the receiver rejecting this SET (parse/validation): retrying the same bytes cannot
  // help (RFC 8935 §4). Every other failure may be transient.
  if (outcome.status == 400) {
    ++counters_.rejected;
    return true;
  }
  return false;
}

}  // namespace scim::events
