// SET lookup for event checks (see channel.hpp).
#include "channel.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include "scim/conformance/poll_feed.hpp"

namespace scim::suites::events {
namespace channel_local {

// Bounds: a matching SET normally arrives within milliseconds on loopback; the quiet bound keeps
// a run short when the target was never pointed at the receiver.
constexpr std::chrono::milliseconds kMatchWait{3000};
constexpr std::chrono::milliseconds kQuietWait{300};

constexpr std::chrono::milliseconds kSlice{100};
constexpr int kMaxDrainFactor = 10;

using Match = std::function<bool(const conf::ReceivedSet&)>;

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Match set_about(const std::string& resource_path, const std::string& event_prefix) {
  return [resource_path, event_prefix](const conf::ReceivedSet& set) {
    const json* sub = member(set.claims, "sub_id");
    std::string uri = sub && sub->is_object() ? sub->value("uri", "") : "";
    return ends_with(uri, resource_path) && !event_uri(set.claims, event_prefix).empty();
  };
}

// Waits on the push receiver. `timeout` bounds the quiet time: while SETs keep arriving (a
// transmitter working through the backlog of a run's writes, slowed by a loaded machine) the wait
// goes on, up to kMaxDrainFactor x timeout, so a slow delivery is not mistaken for a missing one.
std::optional<conf::ReceivedSet> wait_pushed(conf::SetReceiver& receiver, const Match& match,
                                             std::chrono::milliseconds timeout) {
  const auto start = std::chrono::steady_clock::now();
  auto quiet_until = start + timeout;
  for (;;) {
    const std::size_t before = receiver.total_received();
    if (auto found = receiver.wait_for(match, std::min(kSlice, timeout))) return found;
    const auto now = std::chrono::steady_clock::now();
    if (receiver.total_received() > before) quiet_until = std::max(quiet_until, now + timeout);
    if (now >= quiet_until || now - start >= kMaxDrainFactor * timeout) return std::nullopt;
  }
}

std::string receiver_hint(const conf::SetReceiver& receiver) {
  return "no SET reached the loopback receiver " + receiver.url() +
         "; register the receiver with the target's SET transmitter to run push checks";
}

}  // namespace channel_local

std::string event_uri(const json& claims, const std::string& prefix) {
  const json* events = member(claims, "events");
  if (!events || !events->is_object()) return {};
  for (auto it = events->begin(); it != events->end(); ++it)
    if (it.key().rfind(prefix, 0) == 0) return it.key();
  return {};
}

conf::ReceivedSet await_set(conf::Context& ctx, const std::string& resource_path,
                            const std::string& event_prefix) {
  using namespace channel_local;
  const Match match = set_about(resource_path, event_prefix);
  const auto wait = std::min(kMatchWait, ctx.request_timeout());
  conf::SetReceiver* receiver = ctx.set_receiver();
  conf::PollFeed* feed = ctx.poll_feed();
  const bool pushed = receiver != nullptr && receiver->total_received() > 0;
  // Push first when the target pushes to us; else the run's poll feed (RFC 8936); else a short
  // wait on the receiver, in case this is the first SET ever pushed.
  std::optional<conf::ReceivedSet> found;
  if (pushed) {
    found = wait_pushed(*receiver, match, wait);
  } else if (feed != nullptr) {
    found = feed->wait_for(ctx, match, wait);
    if (!found && feed->received().empty() && receiver == nullptr)
      ctx.skip("no SET came from the poll feed " + feed->url());
  } else if (receiver != nullptr) {
    found = wait_pushed(*receiver, match, kQuietWait);
  } else {
    ctx.skip("the runner has no SET receiver or poll feed for this run");
  }
  if (found) return *found;
  const bool nothing = (receiver == nullptr || receiver->total_received() == 0) &&
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

conf::ReceivedSet await_pushed_set(conf::Context& ctx, const std::string& resource_path,
                                   const std::string& event_prefix) {
  using namespace channel_local;
  conf::SetReceiver* receiver = ctx.set_receiver();
  if (receiver == nullptr) ctx.skip("the runner has no SET receiver for this run");
  // Once the target has shown it emits SETs (one was pushed, or its poll feed delivered one, maybe
  // sooner than the push), the full wait: whether this SET comes by push is the question. Before
  // any SET reached the runner, the short wait of await_set: a target that is not pointed at the
  // receiver (the usual run) must not hold the whole run up for kMatchWait.
  conf::PollFeed* feed = ctx.poll_feed();
  const bool emits =
      receiver->total_received() > 0 || (feed != nullptr && !feed->received().empty());
  const auto wait = emits ? std::min(kMatchWait, ctx.request_timeout()) : kQuietWait;
  if (auto found = wait_pushed(*receiver, set_about(resource_path, event_prefix), wait))
    return *found;
  if (receiver->total_received() == 0) ctx.skip(receiver_hint(*receiver));
  ctx.fail("a " + event_prefix + "* SET about " + resource_path + " is pushed",
           event_prefix + "* with sub_id.uri " + resource_path, "other SETs pushed, not this one");
}

}  // namespace scim::suites::events
