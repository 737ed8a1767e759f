// RunPollFeed: RFC 8936 polling shared by the checks of a run (see poll_feed_impl.hpp).
#include <thread>

#include "scim/conformance/context.hpp"
#include "scim/conformance/events/poll_client.hpp"
#include "scim/conformance/events/poll_feed_impl.hpp"
#include "scim/conformance/json_limits.hpp"
#include "scim/conformance/set_token.hpp"

namespace scim::conf {
namespace {

constexpr std::chrono::milliseconds kPollPause{100};  // between empty short polls
constexpr int kMaxEventsPerPoll = 100;

}  // namespace

std::string poll_url(const std::string& advertised_template, const std::string& feed_id) {
  const auto at = advertised_template.find("{id}");
  if (at == std::string::npos || feed_id.empty()) return {};
  std::string url = advertised_template;
  url.replace(at, 4, percent_encode(feed_id));
  return url;
}

void RunPollFeed::poll_once(Context& ctx) {
  PollRequest request;
  request.ack = std::move(ack_);
  ack_.clear();
  request.max_events = kMaxEventsPerPoll;
  request.return_immediately = true;
  auto response = poll(ctx, url_, request);
  ctx.expect_status(response, 200, "POST <poll endpoint> (RFC 8936 §2.4)");
  std::string problem;
  auto body = parse_json_limited(response.body);
  auto parsed = body ? parse_poll_response(*body, &problem) : std::nullopt;
  if (!parsed)
    ctx.fail("the poll response has the RFC 8936 §2.3 shape", "{\"sets\": {...}}", problem);
  for (auto& [jti, token] : parsed->sets) {
    ReceivedSet set;
    set.token = token;
    if (auto decoded = decode_set(token)) {
      set.header = decoded->header;
      set.claims = decoded->claims;
    }
    set.path = url_;
    set.received_at = std::chrono::system_clock::now();
    store_.add(std::move(set));
    ack_.push_back(jti);
  }
}

std::optional<ReceivedSet> RunPollFeed::wait_for(
    Context& ctx, const std::function<bool(const ReceivedSet&)>& match,
    std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (auto found = store_.wait_for(match, std::chrono::milliseconds(0))) return found;
    {
      std::lock_guard lock(poll_mutex_);
      poll_once(ctx);
    }
    if (auto found = store_.wait_for(match, std::chrono::milliseconds(0))) return found;
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(kPollPause);
  }
}

}  // namespace scim::conf
