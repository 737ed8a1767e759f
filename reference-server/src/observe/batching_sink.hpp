// A spdlog sink that never makes the logging thread wait for output, and never wakes another
// thread per line. Formatted lines go to a bounded in-memory batch; the sink's own writer thread
// writes the batch out with one write when it reaches `batch_bytes` or every `interval`. When
// `max_lines` lines are waiting, the oldest is dropped and counted.
//
// Why not spdlog's async logger: its queue signals the worker's condition variable on every
// line, and the worker sleeps again after each one, so each request paid a futex wake and a
// write(2) of its own. Under the benchmark's load on the release build that was a third of the
// server's CPU time per GET (docs/observability.md, "Overhead").
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace scim::observe {

struct BatchLimits {
  std::size_t max_lines = 8192;            // waiting lines; beyond: the oldest is dropped
  std::size_t batch_bytes = 64 * 1024;     // a batch this big is written at once
  std::chrono::milliseconds interval{50};  // otherwise waiting lines are written this often
};

class BatchingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  // `out` null: stderr. Otherwise `out` must outlive the sink (tests).
  BatchingSink(std::ostream* out, BatchLimits limits);
  ~BatchingSink() override;  // writes every waiting line, then stops the writer thread
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;  // under base_sink::mutex_
  void flush_() override;                                       // asks for a write now

 private:
  void run();
  void write(const std::string& batch);

  std::ostream* out_;
  BatchLimits limits_;
  std::deque<std::string> waiting_;  // guarded by mutex_, like the flags below
  std::size_t waiting_bytes_ = 0;
  bool write_now_ = false;
  bool stopping_ = false;
  std::condition_variable wake_;
  std::atomic<std::uint64_t> dropped_{0};
  std::thread writer_;  // last: started once everything above exists
};

}  // namespace scim::observe
