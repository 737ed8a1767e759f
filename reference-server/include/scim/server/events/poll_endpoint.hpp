// Poll-based SET delivery (RFC 8936): POST <base>/Feeds/{id}/poll with "ack", "setErrs",
// "maxEvents" and "returnImmediately"; answers {"sets": {jti: SET}, "moreAvailable": bool}.
#pragma once

#include <chrono>
#include <string_view>

#include "scim/protocol/result.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/events/feed.hpp"

namespace scim::events {

using server::Request;
using server::Response;

inline constexpr std::size_t kMaxAcksPerPoll = 10000;

// RFC 8936 §2.2. 400 invalidSyntax for a body that is not a JSON object, 400 invalidValue for a
// member of the wrong type or more than kMaxAcksPerPoll acks/errors.
Result<events::PollRequest> parse_poll_request(std::string_view body);

// The long poll waits at most `max_wait` (RFC 8936 §2.1: the timeout is configuration).
Response poll_endpoint(events::Feed& feed, const Request& request,
                       std::chrono::milliseconds max_wait);

}  // namespace scim::events
