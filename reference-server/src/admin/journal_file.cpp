// The JSON-lines journal file (see journal_file.hpp): one writer thread, batches of lines per
// wake-up, a flush after each batch so `tail -f` sees every entry.
#include "scim/server/admin/journal_file.hpp"

#include <cstdio>
#include <filesystem>

namespace scim::admin {

Result<std::unique_ptr<JournalFile>, std::string> JournalFile::open(JournalFileOptions options) {
  std::unique_ptr<JournalFile> file(new JournalFile(std::move(options)));
  if (!file->out_) return Unexpected{"cannot open journal file " + file->options_.path};
  file->worker_ = std::thread([f = file.get()] { f->run(); });
  return file;
}

JournalFile::JournalFile(JournalFileOptions options) : options_(std::move(options)) {
  std::error_code ec;
  auto existing = std::filesystem::file_size(options_.path, ec);
  size_ = ec ? 0 : static_cast<std::size_t>(existing);
  out_.open(options_.path, std::ios::app);
}

JournalFile::~JournalFile() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void JournalFile::write(std::string line) {
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= options_.max_queued_lines) {
      ++counters_.dropped;
      return;
    }
    queue_.push_back(std::move(line));
  }
  cv_.notify_one();
}

void JournalFile::flush() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [&] { return queue_.empty() && !writing_; });
}

JournalFileCounters JournalFile::counters() const {
  std::lock_guard lock(mu_);
  return counters_;
}

// Called with mu_ held: the worker is the only writer, so holding it while renaming is brief.
void JournalFile::rotate_locked() {
  out_.close();
  std::error_code ec;
  std::filesystem::rename(options_.path, options_.path + ".1", ec);
  if (ec) ++counters_.errors;
  out_.open(options_.path, std::ios::trunc);
  size_ = 0;
  ++counters_.rotations;
}

void JournalFile::run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty() && stopping_) return;
    std::deque<std::string> batch;
    batch.swap(queue_);
    writing_ = true;
    lock.unlock();
    std::uint64_t written = 0;
    for (auto& line : batch) {
      out_ << line << '\n';
      size_ += line.size() + 1;
      ++written;
      if (size_ >= options_.max_bytes) {
        lock.lock();
        rotate_locked();
        lock.unlock();
      }
    }
    out_.flush();
    const bool failed = !out_;
    lock.lock();
    counters_.written += written;
    if (failed) {
      ++counters_.errors;
      out_.clear();
    }
    writing_ = false;
    idle_cv_.notify_all();
  }
}

}  // namespace scim::admin
