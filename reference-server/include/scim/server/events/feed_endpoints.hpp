// Event feed endpoints (draft-ietf-scim-events-16 §1.3 "Event Feed"; stream management is out of
// the draft's scope, so these shapes are this server's, documented in docs/events.md):
//   GET  /Feeds                          list the tenant's feeds
//   POST /Feeds                          create a feed {"id", "membership", "resourceTypes"}
//   GET  /Feeds/{id}                     one feed with its counters
//   POST /Feeds/{id}/poll                RFC 8936 poll (poll_endpoint.hpp)
//   POST /Feeds/{id}/members             {"uri": "/Users/x"} -> feed:add (explicit feeds)
//   DELETE /Feeds/{id}/members/{Type}/{rid}                  -> feed:remove
//   GET|POST /Feeds/{id}/receivers       list / register a push receiver {"url", "token"}
//   DELETE /Feeds/{id}/receivers/{rid}   unregister it
#pragma once

#include <atomic>
#include <chrono>

#include "scim/server/api/request.hpp"
#include "scim/server/events/event_hub.hpp"

namespace scim::server {

struct FeedEndpointsContext {
  events::EventHub& hub;
  std::chrono::milliseconds poll_max_wait;
  // Handlers run on the HTTP layer's I/O threads, so a waiting long poll holds one. At most this
  // many polls wait at once; further polls answer immediately (RFC 8936 §2.5: the timeout is
  // configuration).
  int max_long_polls = 1;
  std::atomic<int> long_polls{0};
};

Response feeds_endpoint(FeedEndpointsContext& ctx, const Request& request);

}  // namespace scim::server
