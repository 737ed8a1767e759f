// What event checks see of SET delivery: a receiver endpoint URL to register with the target's
// transmitter, the SETs received so far, and a bounded wait for one that matches. The loopback
// implementation (events/loopback_receiver.hpp) follows RFC 8935 push delivery.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/http.hpp"

namespace scim::conf {

struct ReceivedSet {
  std::string token;      // the compact JWT exactly as received (RFC 8417 §2.3)
  nlohmann::json header;  // decoded JOSE header; null when undecodable
  nlohmann::json claims;  // decoded claims ("iss", "jti", "events", ...); null when undecodable
  std::string path;       // request target the transmitter posted to
  Headers request_headers;
  std::chrono::system_clock::time_point received_at;
  // Empty when the receiver answered 202; otherwise the RFC 8935 §2.4 error code it answered 400
  // with ("invalid_request"). Rejected deliveries are kept so checks can say what was wrong.
  std::string rejection;
};

class SetReceiver {
 public:
  virtual ~SetReceiver() = default;
  // "http://127.0.0.1:<port>/events": where a transmitter should POST SETs.
  virtual std::string url() const = 0;
  virtual std::vector<ReceivedSet> received() const = 0;
  // Every SET delivered so far, including those the bounded store has since dropped: a waiter
  // tells a transmitter still working through a backlog from one that went quiet.
  virtual std::size_t total_received() const = 0;
  // Blocks until a received SET (earlier or future) satisfies `match`, at most `timeout`.
  virtual std::optional<ReceivedSet> wait_for(const std::function<bool(const ReceivedSet&)>& match,
                                              std::chrono::milliseconds timeout) = 0;
};

}  // namespace scim::conf
