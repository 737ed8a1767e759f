// The batching spdlog sink (see batching_sink.hpp).
#include "batching_sink.hpp"

#include <cstdio>

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
  if (waiting_.size() >= limits_.max_lines && !waiting_.empty()) {
    waiting_bytes_ -= waiting_.front().size();
    waiting_.pop_front();
    dropped_.fetch_add(1, std::memory_order_relaxed);
  }
  waiting_.emplace_back(line.data(), line.size());
  const bool was_below = waiting_bytes_ < limits_.batch_bytes;
  waiting_bytes_ += line.size();
  // One wake per full batch, not one per line.
  if (was_below && waiting_bytes_ >= limits_.batch_bytes) wake_.notify_one();
}

void BatchingSink::flush_() {
  write_now_ = true;
  wake_.notify_one();
}

void BatchingSink::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, limits_.interval, [this] {
      return stopping_ || write_now_ || waiting_bytes_ >= limits_.batch_bytes;
    });
    std::string batch;
    batch.reserve(waiting_bytes_);
    for (const auto& line : waiting_) batch += line;
    waiting_.clear();
    waiting_bytes_ = 0;
    write_now_ = false;
    const bool stop = stopping_;
    lock.unlock();  // the logging threads go on while the batch is written
    if (!batch.empty()) write(batch);
    lock.lock();
    if (stop && waiting_.empty()) return;
  }
}

void BatchingSink::write(const std::string& batch) {
  if (out_) {
    out_->write(batch.data(), static_cast<std::streamsize>(batch.size()));
    out_->flush();
    return;
  }
  std::fwrite(batch.data(), 1, batch.size(), stderr);
  std::fflush(stderr);
}

}  // namespace scim::observe
