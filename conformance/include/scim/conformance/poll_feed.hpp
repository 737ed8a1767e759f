// The RFC 8936 poll feed of a run (scim-conformance run --poll-feed ID): the target's poll endpoint
// for that feed, found in /ServiceProviderConfig (securityEvents.pollEndpoint), polled through the
// calling check's Context so every poll is in that check's transcript. SETs are acknowledged on the
// next poll and kept for the whole run, so checks polling in parallel never take each other's SETs.
// A run polls only the feed it was given: acknowledging another consumer's SETs would lose them.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/set_receiver.hpp"

namespace scim::conf {

class Context;

class PollFeed {
 public:
  virtual ~PollFeed() = default;
  // The poll endpoint URL of the feed.
  virtual std::string url() const = 0;
  // Polls with returnImmediately (RFC 8936 §2.2) until a SET received so far satisfies `match`,
  // or `timeout` passes without any new SET (a backlog is read to its end first, within a bound).
  // Fails the check when a poll answer does not have the §2.3 shape.
  virtual std::optional<ReceivedSet> wait_for(Context& ctx,
                                              const std::function<bool(const ReceivedSet&)>& match,
                                              std::chrono::milliseconds timeout) = 0;
  virtual std::vector<ReceivedSet> received() const = 0;
};

}  // namespace scim::conf
