// The bounded pool of threads for requests that may wait (see wait_pool.hpp).
#include "scim/server/http/wait_pool.hpp"

#include <algorithm>

namespace scim::http {

WaitPool::WaitPool(std::size_t max_threads, server::QueueMeter::Report report)
    : max_threads_(std::max<std::size_t>(1, max_threads)),
      meter_("waiting requests", max_threads_, std::move(report)) {}

WaitPool::~WaitPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

bool WaitPool::try_submit(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  // Every accepted task has a thread of its own: busy counts queued and running tasks alike.
  if (stopping_ || busy_ >= max_threads_) {
    ++rejected_;
    if (!stopping_) meter_.on_refused();
    return false;
  }
  meter_.on_accepted();
  ++busy_;
  ++accepted_;
  high_water_ = std::max(high_water_, busy_);
  queue_.push_back(std::move(task));
  if (idle_ < queue_.size() && threads_.size() < max_threads_)
    threads_.emplace_back([this] { work(); });
  lock.unlock();
  cv_.notify_one();
  return true;
}

WaitPoolStats WaitPool::stats() const {
  std::lock_guard lock(mutex_);
  return {max_threads_, busy_, accepted_, rejected_, high_water_};
}

void WaitPool::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    ++idle_;
    cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;  // stopping, nothing left to run
    auto task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    task();  // the transport's task catches everything the handler throws
    lock.lock();
    --busy_;
  }
}

}  // namespace scim::http
