// A spdlog sink that never makes the logging thread wait for output, and never wakes another
// thread per line. Formatted lines go to a bounded in-memory batch; the sink's own writer thread
// writes the batch out with one write when it reaches `batch_bytes` or every `interval`. When
// `max_lines` lines are waiting, the oldest is dropped and counted.
//
// Why not spdlog's async logger: its queue signals the worker's condition variable on every
// line, and the worker sleeps again after each one, so each request paid a futex wake and a
// write(2) of its own. Under the benchmark's load on the release build that was a third of the
// server's CPU time per GET (docs/observability.md, "Overhead").
//
// The waiting lines sit back to back in one string (no allocation per line), which the writer
// swaps for its own, emptied one; lines dropped from the front are skipped, and the string is
// compacted once they are half of it, so it never holds more than about twice the waiting lines.
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
#include <string_view>
#include <thread>

namespace scim::observe {

// The text log's pattern (spdlog syntax): UTC time with milliseconds, level name, message.
inline constexpr const char* kTextPattern = "%Y-%m-%dT%H:%M:%S.%eZ %l %v";

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

  // A line whose prefix is written here instead of by the sink's spdlog formatter: `time` and
  // `level` as the text pattern kTextPattern writes them, a space, `text`, a line feed. The
  // access log's lines come this way (one per request): the same bytes for less work.
  void text_line(std::chrono::system_clock::time_point time, std::string_view level,
                 std::string_view text);

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;  // under base_sink::mutex_
  void flush_() override;                                       // asks for a write now

 private:
  void run();
  void write(std::string_view batch);
  void push_line(std::string_view line);  // under mutex_: drops the oldest line when full
  std::size_t waiting_bytes() const { return waiting_.size() - waiting_from_; }

  std::ostream* out_;
  BatchLimits limits_;
  std::string waiting_;  // guarded by mutex_, like everything below but dropped_ and writer_
  std::size_t waiting_from_ = 0;    // bytes of dropped lines at the front of waiting_
  std::deque<std::size_t> sizes_;   // the size of each waiting line, oldest first
  std::int64_t prefix_second_ = 0;  // the second prefix_ was written for (text_line)
  std::string prefix_;              // "2026-12-06T17:05:00." of that second, "" before the first
  bool write_now_ = false;
  bool stopping_ = false;
  std::condition_variable wake_;
  std::atomic<std::uint64_t> dropped_{0};
  std::thread writer_;  // last: started once everything above exists
};

}  // namespace scim::observe
