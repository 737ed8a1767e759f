// QueueMeter: the one shape in which every bounded queue of the server (push deliveries, poll
// retention, async jobs and their run queue, waiting requests, and later the request journal)
// counts what it took and what it refused or dropped because it was full, and reports the
// moment it fills up. Reporting is edge-triggered: one line when a queue becomes full, one when
// it has room again, however many items it refuses in between, so a flood cannot flood the log.
// Lock-free counters; safe to call from any thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace scim::server {

struct QueueCounters {
  std::string name;  // "push[feed/receiver]", "poll[feed]", "async-jobs", ...
  std::size_t capacity = 0;
  std::uint64_t accepted = 0;       // items taken
  std::uint64_t refused = 0;        // items refused or evicted because the queue was full
  std::uint64_t full_episodes = 0;  // times the queue became full
  bool full = false;                // full right now (as of the last accept/refuse)
};

class QueueMeter {
 public:
  using Report = std::function<void(std::string_view line)>;
  QueueMeter(std::string name, std::size_t capacity, Report report = {});

  // An item was taken. Unless `still_full` (a queue that evicts its oldest item to take a new
  // one), a queue that was full has room again.
  void on_accepted(bool still_full = false);
  void on_refused();  // an item was refused (or the oldest evicted) because the queue was full
  QueueCounters counters() const;
  const std::string& name() const { return name_; }

 private:
  const std::string name_;
  const std::size_t capacity_;
  const Report report_;
  std::atomic<std::uint64_t> accepted_{0};
  std::atomic<std::uint64_t> refused_{0};
  std::atomic<std::uint64_t> episodes_{0};
  std::atomic<bool> full_{false};
};

}  // namespace scim::server
