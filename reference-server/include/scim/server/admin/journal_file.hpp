// --journal-file: the journal's entries streamed as JSON lines (one entry per line, the same
// JSON as the admin API), written by a thread of its own so no request waits for the disk.
// Bounded twice: the queue of lines waiting to be written (a full queue drops the line and
// counts it) and the file itself, which is rotated to FILE.1 (the previous FILE.1 is removed)
// once it reaches max_bytes, so at most about 2 x max_bytes stay on disk.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "scim/protocol/result.hpp"

namespace scim::admin {

struct JournalFileOptions {
  std::string path;                          // "" = no file
  std::size_t max_bytes = 64 * 1024 * 1024;  // rotate beyond this
  std::size_t max_queued_lines = 10'000;
};

struct JournalFileCounters {
  std::uint64_t written = 0;
  std::uint64_t dropped = 0;
  std::uint64_t rotations = 0;
  std::uint64_t errors = 0;
};

class JournalFile {
 public:
  // Opens (appends to) the file; the message says why it cannot.
  static Result<std::unique_ptr<JournalFile>, std::string> open(JournalFileOptions options);
  ~JournalFile();  // writes what is queued, then stops
  JournalFile(const JournalFile&) = delete;
  JournalFile& operator=(const JournalFile&) = delete;

  // Queues one line (without its newline); never blocks on I/O.
  void write(std::string line);
  // Waits until every queued line is written (tests, shutdown).
  void flush();
  JournalFileCounters counters() const;

 private:
  explicit JournalFile(JournalFileOptions options);
  void run();
  void rotate_locked();

  JournalFileOptions options_;
  std::ofstream out_;
  std::size_t size_ = 0;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::deque<std::string> queue_;
  bool writing_ = false;
  bool stopping_ = false;
  JournalFileCounters counters_;
  std::thread worker_;
};

}  // namespace scim::admin
