// RFC 8936 Poll-Based SET Delivery, from the recipient's side, through the run's poll feed
// (scim-conformance run --poll-feed ID; the endpoint comes from securityEvents.pollEndpoint): a
// write's SET can be polled, in the §2.3 response shape, and maxEvents bounds a response.
#include "channel.hpp"
#include "index.hpp"
#include "scim/conformance/poll_feed.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::events {
namespace rfc8936_poll_local {

const Tags kTags = {tag::kEvents};
const Needs kCaps = {cap::kEvents, cap::kUsers};

conf::PollFeed& feed_of(conf::Context& ctx) {
  conf::PollFeed* feed = ctx.poll_feed();
  if (feed == nullptr)
    ctx.skip(
        "the run polls no feed: give --poll-feed with a feed of its own (the runner "
        "acknowledges what it reads) on a target that advertises securityEvents.pollEndpoint");
  return *feed;
}

void poll_returns_sets(conf::Context& ctx) {
  conf::PollFeed& feed = feed_of(ctx);
  json user = ctx.create_user();
  const std::string path = user_path(ctx, user);
  auto set = feed.wait_for(
      ctx,
      [&](const conf::ReceivedSet& s) {
        const json* sub = member(s.claims, "sub_id");
        const std::string uri = sub && sub->is_object() ? sub->value("uri", "") : "";
        return uri.size() >= path.size() &&
               uri.compare(uri.size() - path.size(), path.size(), path) == 0;
      },
      std::min(std::chrono::milliseconds(3000), ctx.request_timeout()));
  ctx.expect(set.has_value(), "a SET about the created user is returned by a poll",
             "a SET whose sub_id.uri ends with " + path,
             std::to_string(feed.received().size()) + " other SETs polled");
}

void max_events_zero(conf::Context& ctx) {
  conf::PollFeed& feed = feed_of(ctx);
  ctx.create_user();  // so that a SET is pending
  // RFC 8936 §2.2: a poll is a POST of application/json; maxEvents 0 asks for no SET at all.
  const json request = {{"maxEvents", 0}, {"returnImmediately", true}};
  auto r = ctx.send("POST", feed.url(), request.dump(),
                    {{"Content-Type", "application/json"}, {"Accept", "application/json"}});
  json body = expect_json(ctx, r, 200, "POST <poll endpoint> with maxEvents 0");
  const json* sets = member(body, "sets");
  ctx.expect(sets && sets->is_object() && sets->empty(), "maxEvents 0 returns no SET",
             "\"sets\": {}", sets ? brief(*sets) : "absent");
}

}  // namespace rfc8936_poll_local

void register_rfc8936_poll(conf::Catalog& catalog) {
  using namespace rfc8936_poll_local;
  SectionBuilder p(catalog, rfc8936_spec(catalog), "2.5", "Poll Response");
  p.add({.slug = "poll-returns-sets-of-writes",
         .title = "a write's SET is returned by the poll endpoint",
         .level = kMust,
         .requirement = "As described in Section 2.3, a JSON document is returned containing "
                        "members including \"sets\", which SHALL contain zero or more SETs.",
         .tags = kTags,
         .needs = kCaps,
         .run = poll_returns_sets});
  SectionBuilder r(catalog, rfc8936_spec(catalog), "2.2", "Polling HTTP Request");
  r.add({.slug = "max-events-bounds-response",
         .title = "maxEvents 0 returns no SET",
         .level = kShould,
         .requirement = "The SET Transmitter SHOULD NOT send more SETs than the specified maximum.",
         .tags = kTags,
         .needs = kCaps,
         .run = max_events_zero});
}

}  // namespace scim::suites::events
