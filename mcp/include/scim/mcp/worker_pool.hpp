// A fixed set of threads running tool calls, so the reader (stdio) or the HTTP sessions stay free
// to take pings and cancellations while a conformance run goes on. The queue is bounded: when it
// is full, submit() refuses and the caller answers "server busy".
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace scim::mcp {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t max_queued);
  ~WorkerPool();  // runs what is queued, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue already holds max_queued jobs (or the pool is stopping).
  bool submit(std::function<void()> job);
  // Waits until every submitted job has finished.
  void drain();

 private:
  void work();

  std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace scim::mcp
