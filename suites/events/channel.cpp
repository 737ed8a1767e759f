// SET lookup for event checks (see channel.hpp).
#include "channel.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include "scim/conformance/poll_feed.hpp"

namespace scim::suites::events {
namespace {

// Bounds: a matching SET normally arrives within milliseconds on loopback; the quiet bound keeps
// a run short when the target was never pointed at the receiver.
constexpr std::chrono::milliseconds kMatchWait{3000};
constexpr std::chrono::milliseconds kQuietWait{300};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string event_uri(const json& claims, const std::string& prefix) {
  const json* events = member(claims, "events");
  if (!events || !events->is_object()) return {};
  for (auto it = events->begin(); it != events->end(); ++it)
    if (it.key().rfind(prefix, 0) == 0) return it.key();
  return {};
}

conf::ReceivedSet await_set(conf::Context& ctx, const std::string& resource_path,
                            const std::string& event_prefix) {
  auto match = [&](const conf::ReceivedSet& set) {
    const json* sub = member(set.claims, "sub_id");
    std::string uri = sub && sub->is_object() ? sub->value("uri", "") : "";
    return ends_with(uri, resource_path) && !event_uri(set.claims, event_prefix).empty();
  };
  const auto wait = std::min(kMatchWait, ctx.request_timeout());
  conf::SetReceiver* receiver = ctx.set_receiver();
  conf::PollFeed* feed = ctx.poll_feed();
  const bool pushed = receiver != nullptr && !receiver->received().empty();
  // Push first when the target pushes to us; else the run's poll feed (RFC 8936); else a short
  // wait on the receiver, in case this is the first SET ever pushed.
  std::optional<conf::ReceivedSet> found;
  if (pushed) {
    found = receiver->wait_for(match, wait);
  } else if (feed != nullptr) {
    found = feed->wait_for(ctx, match, wait);
    if (!found && feed->received().empty() && receiver == nullptr)
      ctx.skip("no SET came from the poll feed " + feed->url());
  } else if (receiver != nullptr) {
    found = receiver->wait_for(match, kQuietWait);
  } else {
    ctx.skip("the runner has no SET receiver or poll feed for this run");
  }
  if (found) return *found;
  const bool nothing = (receiver == nullptr || receiver->received().empty()) &&
                       (feed == nullptr || feed->received().empty());
  if (nothing)
    ctx.skip("no SET reached the loopback receiver" +
             (receiver ? " " + receiver->url() : std::string()) +
             " or a poll feed; register the receiver with the target's SET transmitter, or give "
             "--poll-feed, to run event checks");
  ctx.fail("a " + event_prefix + "* SET about " + resource_path + " is delivered",
           event_prefix + "* with sub_id.uri " + resource_path,
           "other SETs received, not this one");
}

}  // namespace scim::suites::events
