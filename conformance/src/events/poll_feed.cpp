// RunPollFeed: RFC 8936 polling shared by the checks of a run (see poll_feed_impl.hpp).
#include <algorithm>
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
constexpr int kMaxDrainFactor = 10;  // a wait reads a backlog for at most 10 x its timeout

}  // namespace

std::string poll_url(const std::string& advertised_template, const std::string& feed_id) {
  const auto at = advertised_template.find("{id}");
  if (at == std::string::npos || feed_id.empty()) return {};
  std::string url = advertised_template;
  url.replace(at, 4, percent_encode(feed_id));
  return url;
}

bool RunPollFeed::poll_once(Context& ctx) {
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
  // A full answer, or moreAvailable (§2.3), says a backlog is waiting: poll again at once.
  return parsed->more_available ||
         parsed->sets.size() >= static_cast<std::size_t>(kMaxEventsPerPoll);
}

// `timeout` bounds the quiet time, not the drain: a feed holding a backlog (every write of the run
// so far, on a loaded machine) is read to its end first, as long as each poll brings SETs, so the
// match is not missed because the backlog took longer than `timeout` to read. kMaxDrain bounds
// that against a target that never stops producing.
std::optional<ReceivedSet> RunPollFeed::wait_for(
    Context& ctx, const std::function<bool(const ReceivedSet&)>& match,
    std::chrono::milliseconds timeout) {
  const auto start = std::chrono::steady_clock::now();
  auto quiet_until = start + timeout;
  for (;;) {
    if (auto found = store_.wait_for(match, std::chrono::milliseconds(0))) return found;
    const std::size_t before = store_.total();
    bool backlog = false;
    {
      std::lock_guard lock(poll_mutex_);
      backlog = poll_once(ctx);
    }
    if (auto found = store_.wait_for(match, std::chrono::milliseconds(0))) return found;
    const auto now = std::chrono::steady_clock::now();
    // Progress by this poll or by another check's poll in between both count.
    if (store_.total() > before) quiet_until = std::max(quiet_until, now + timeout);
    if (now >= quiet_until || now - start >= kMaxDrainFactor * timeout) return std::nullopt;
    if (!backlog) std::this_thread::sleep_for(kPollPause);
  }
}

}  // namespace scim::conf
