// SET lookup for event checks (see channel.hpp).
#include "channel.hpp"

#include <algorithm>
#include <chrono>

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
  conf::SetReceiver* receiver = ctx.set_receiver();
  if (!receiver) ctx.skip("the runner has no SET receiver for this run");
  auto match = [&](const conf::ReceivedSet& set) {
    const json* sub = member(set.claims, "sub_id");
    std::string uri = sub && sub->is_object() ? sub->value("uri", "") : "";
    return ends_with(uri, resource_path) && !event_uri(set.claims, event_prefix).empty();
  };
  auto wait = std::min(kMatchWait, ctx.request_timeout());
  if (receiver->received().empty()) wait = kQuietWait;
  auto found = receiver->wait_for(match, wait);
  if (found) return *found;
  if (receiver->received().empty())
    ctx.skip("no SET reached the loopback receiver " + receiver->url() +
             "; register it with the target's SET transmitter to run event checks");
  ctx.fail("a " + event_prefix + "* SET about " + resource_path + " is delivered",
           event_prefix + "* with sub_id.uri " + resource_path,
           std::to_string(receiver->received().size()) + " other SETs received");
}

}  // namespace scim::suites::events
