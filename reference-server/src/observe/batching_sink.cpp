// The batching spdlog sink (see batching_sink.hpp).
#include "batching_sink.hpp"

#include <cstdio>
#include <ctime>

namespace scim::observe {

BatchingSink::BatchingSink(std::ostream* out, BatchLimits limits)
    : out_(out), limits_(limits), writer_([this] { run(); }) {}

BatchingSink::~BatchingSink() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

void BatchingSink::sink_it_(const spdlog::details::log_msg& msg) {
  spdlog::memory_buf_t line;
  formatter_->format(msg, line);
  push_line(std::string_view(line.data(), line.size()));
}

void BatchingSink::push_line(std::string_view line) {
  if (sizes_.size() >= limits_.max_lines && !sizes_.empty()) {
    waiting_from_ += sizes_.front();
    sizes_.pop_front();
    dropped_.fetch_add(1, std::memory_order_relaxed);
    // Dropped bytes are skipped, not moved; once they are half the buffer, they go.
    if (waiting_from_ >= waiting_.size() / 2) {
      waiting_.erase(0, waiting_from_);
      waiting_from_ = 0;
    }
  }
  const bool was_below = waiting_bytes() < limits_.batch_bytes;
  waiting_.append(line);
  sizes_.push_back(line.size());
  // One wake per full batch, not one per line.
  if (was_below && waiting_bytes() >= limits_.batch_bytes) wake_.notify_one();
}

void BatchingSink::text_line(std::chrono::system_clock::time_point time, std::string_view level,
                             std::string_view text) {
  // As spdlog's pattern formatter: the calendar fields of the whole second (UTC), then the
  // milliseconds within it (TextLinesAreThePatternsBytes).
  using namespace std::chrono;
  const auto since = time.time_since_epoch();
  const auto second = duration_cast<seconds>(since);
  const auto millis =
      (duration_cast<milliseconds>(since) - duration_cast<milliseconds>(second)).count();
  char tail[8];
  tail[0] = static_cast<char>('0' + millis / 100 % 10);
  tail[1] = static_cast<char>('0' + millis / 10 % 10);
  tail[2] = static_cast<char>('0' + millis % 10);
  tail[3] = 'Z';
  tail[4] = ' ';
  std::lock_guard lock(mutex_);
  if (prefix_.empty() || second.count() != prefix_second_) {
    const std::time_t t = system_clock::to_time_t(time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text_time[64];
    const int n = std::snprintf(text_time, sizeof text_time, "%d-%02d-%02dT%02d:%02d:%02d.",
                                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                                tm.tm_sec);
    prefix_.assign(text_time, static_cast<std::size_t>(n > 0 ? n : 0));
    prefix_second_ = second.count();
  }
  // Assembled in a local buffer, then appended to the waiting buffer and counted as one line.
  const std::size_t size = prefix_.size() + 5 + level.size() + 1 + text.size() + 1;
  spdlog::memory_buf_t line;
  line.reserve(size);
  line.append(prefix_.data(), prefix_.data() + prefix_.size());
  line.append(tail, tail + 5);
  line.append(level.data(), level.data() + level.size());
  line.push_back(' ');
  line.append(text.data(), text.data() + text.size());
  line.push_back('\n');
  push_line(std::string_view(line.data(), line.size()));
}

void BatchingSink::flush_() {
  write_now_ = true;
  wake_.notify_one();
}

void BatchingSink::run() {
  std::string batch;  // the writer's buffer, swapped with waiting_: both keep their capacity
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, limits_.interval, [this] {
      return stopping_ || write_now_ || waiting_bytes() >= limits_.batch_bytes;
    });
    batch.clear();
    batch.swap(waiting_);
    const std::size_t from = waiting_from_;
    waiting_from_ = 0;
    sizes_.clear();
    write_now_ = false;
    const bool stop = stopping_;
    lock.unlock();  // the logging threads go on while the batch is written
    if (batch.size() > from) write(std::string_view(batch).substr(from));
    lock.lock();
    if (stop && sizes_.empty()) return;
  }
}

void BatchingSink::write(std::string_view batch) {
  if (out_) {
    out_->write(batch.data(), static_cast<std::streamsize>(batch.size()));
    out_->flush();
    return;
  }
  std::fwrite(batch.data(), 1, batch.size(), stderr);
  std::fflush(stderr);
}

}  // namespace scim::observe
