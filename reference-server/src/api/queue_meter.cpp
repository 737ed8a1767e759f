// Counting and edge-triggered reporting of bounded queues (see queue_meter.hpp).
#include "scim/server/api/queue_meter.hpp"

namespace scim::server {

QueueMeter::QueueMeter(std::string name, std::size_t capacity, Report report)
    : name_(std::move(name)), capacity_(capacity), report_(std::move(report)) {}

void QueueMeter::on_accepted(bool still_full) {
  accepted_.fetch_add(1, std::memory_order_relaxed);
  if (still_full) return;
  if (full_.exchange(false) && report_) {
    report_(name_ + ": has room again after refusing " + std::to_string(refused_.load()) +
            " items in all");
  }
}

void QueueMeter::on_refused() {
  refused_.fetch_add(1, std::memory_order_relaxed);
  if (!full_.exchange(true)) {
    episodes_.fetch_add(1, std::memory_order_relaxed);
    if (report_) {
      report_(name_ + ": full (capacity " + std::to_string(capacity_) +
              "); refusing or dropping items until it has room");
    }
  }
}

QueueCounters QueueMeter::counters() const {
  return {name_, capacity_, accepted_.load(), refused_.load(), episodes_.load(), full_.load()};
}

}  // namespace scim::server
