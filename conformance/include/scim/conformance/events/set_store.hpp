// Thread-safe, bounded store of received SETs with a blocking wait: the IO thread of the receiver
// adds, check threads wait. When full, the oldest SET is dropped (and counted), so a chatty
// transmitter cannot exhaust memory.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>

#include "scim/conformance/set_receiver.hpp"

namespace scim::conf {

class SetStore {
 public:
  explicit SetStore(std::size_t capacity = 1000) : capacity_(capacity) {}

  void add(ReceivedSet set);
  std::vector<ReceivedSet> all() const;
  std::optional<ReceivedSet> wait_for(const std::function<bool(const ReceivedSet&)>& match,
                                      std::chrono::milliseconds timeout);
  std::size_t dropped() const;
  // Every SET ever added, dropped ones included: a waiter tells progress from quiet by it.
  std::size_t total() const;

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ReceivedSet> sets_;
  std::size_t dropped_ = 0;
};

// The answer to one push request (RFC 8935 §2.2, §2.3).
struct PushAnswer {
  int status = 202;
  std::string content_type;  // "application/json" on errors
  std::string body;          // empty on success (§2.2: "The body of the response MUST be empty")
  std::string allow;         // for 405
};

// Pure request handling: validates method, path, media type and the SET, stores the delivery
// (also rejected ones, marked), and says what to answer.
PushAnswer handle_push(std::string_view method, std::string_view target, std::string_view path,
                       const Headers& headers, std::string body, SetStore& store);

}  // namespace scim::conf
