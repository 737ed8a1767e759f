// Event feed endpoints (RFC 9967 §1.3 "Event Feed"; stream management is out of
// RFC 9967's scope, so these shapes are this server's, documented in docs/events.md):
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
#include <string_view>

#include "scim/server/api/request.hpp"
#include "scim/server/events/event_hub.hpp"

namespace scim::events {

using server::Request;
using server::Response;

// RFC 8936 §2.1 leaves the long-poll timeout to configuration. Handlers run on the HTTP layer's
// I/O threads, so a waiting long poll holds one: at most `max_waiting` polls wait at once, further
// polls answer immediately.
struct LongPollLimits {
  std::chrono::milliseconds max_wait{10'000};
  // Polls that wait at once (further ones return at once). Waiting polls run on the transport's
  // WaitPool, not on I/O threads; keep this below http Limits::max_waiting_requests.
  int max_waiting = 16;
};

struct FeedEndpointsContext {
  EventHub& hub;
  LongPollLimits long_poll;
  std::atomic<int> long_polls{0};
};

// One handler per route (the route table in endpoints/routes.cpp names method and path). `id` is
// the feed id; every handler answers 404 for a feed the caller's tenant does not have.
Response list_feeds(FeedEndpointsContext& ctx, const Request& request);
Response create_feed(FeedEndpointsContext& ctx, const Request& request);
Response get_feed(FeedEndpointsContext& ctx, const Request& request, std::string_view id);
// RFC 8936 poll; waits at most long_poll.max_wait while fewer than max_waiting polls wait.
Response poll_feed(FeedEndpointsContext& ctx, const Request& request, std::string_view id);
Response add_feed_member(FeedEndpointsContext& ctx, const Request& request, std::string_view id);
Response remove_feed_member(FeedEndpointsContext& ctx, const Request& request, std::string_view id,
                            std::string_view endpoint, std::string_view resource_id);
Response list_feed_receivers(FeedEndpointsContext& ctx, const Request& request,
                             std::string_view id);
Response add_feed_receiver(FeedEndpointsContext& ctx, const Request& request, std::string_view id);
Response remove_feed_receiver(FeedEndpointsContext& ctx, const Request& request,
                              std::string_view id, std::string_view receiver_id);

}  // namespace scim::events
