// RFC 8936 poll delivery, from the recipient side: build a poll request (ack, setErrs, maxEvents,
// returnImmediately — §2.2) and read the response ("sets" keyed by jti, "moreAvailable" — §2.3).
// Requests go through Context::send so they are recorded like every other exchange.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/context.hpp"

namespace scim::conf {

struct PollRequest {
  std::vector<std::string> ack;                                         // jti values to acknowledge
  std::map<std::string, std::pair<std::string, std::string>> set_errs;  // jti -> (err, description)
  std::optional<int> max_events;
  std::optional<bool> return_immediately;

  nlohmann::json to_json() const;
};

struct PollResponse {
  std::map<std::string, std::string> sets;  // jti -> compact SET
  bool more_available = false;
};

// Reads an RFC 8936 §2.3 body; nullopt (with `problem` set) when it does not have that shape.
std::optional<PollResponse> parse_poll_response(const nlohmann::json& body, std::string* problem);

// POSTs `request` to `endpoint` ("application/json", §2.2) and returns the raw response.
HttpResponse poll(Context& ctx, const std::string& endpoint, const PollRequest& request);

}  // namespace scim::conf
