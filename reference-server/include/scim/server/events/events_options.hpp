// Options of the Security Event Token subsystem (RFC 9967, RFC 8935, RFC 8936):
// signing and payloads, the feeds and push receivers configured at start, and the bounds of
// every queue. Each default is written once, next to what it bounds (HubOptions, PollQueueLimits,
// PushLimits, FeedRegistryLimits, LongPollLimits); docs/events.md lists them. Filled by app/.
#pragma once

#include <string>
#include <vector>

#include "scim/server/events/event_hub.hpp"
#include "scim/server/events/feed_endpoints.hpp"
#include "scim/server/events/feed_registry.hpp"

namespace scim::events {

struct FeedOption {
  std::string id;
  std::string tenant = "default";
  Membership membership = Membership::All;
  std::vector<std::string> resource_types;  // empty: every type
  std::string description;
};

struct PushReceiverOption {
  std::string url;
  std::string token;  // bearer token sent to the receiver ("" = none)
  std::string feed = "default";
  std::string tenant = "default";
};

struct EventsOptions {
  HubOptions hub;                 // "iss" and prov:* payload mode (notice | full)
  std::string signing_key;        // HS256 secret, >= 32 bytes; "" = unsigned (alg none)
  FeedRegistryLimits limits;      // feeds per tenant, poll retention/redelivery, push queue
  LongPollLimits long_poll;       // RFC 8936 §2.1 wait cap, concurrent waiting polls
  std::vector<FeedOption> feeds;  // besides each tenant's "default" feed
  std::vector<PushReceiverOption> receivers;
};

}  // namespace scim::events
