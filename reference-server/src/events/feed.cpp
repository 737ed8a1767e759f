// Feed membership, fan-out to poll and push, and the feed's JSON representation.
#include "scim/server/events/feed.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"

namespace scim::events {

std::optional<Membership> parse_membership(std::string_view text) {
  if (text == "all") return Membership::All;
  if (text == "explicit") return Membership::Explicit;
  return std::nullopt;
}

Feed::Feed(FeedInfo info, PollQueueLimits poll_limits, server::QueueMeter::Report report)
    : info_(std::move(info)), queue_(poll_limits, {}, std::move(report)) {}

Feed::~Feed() {
  shutdown();
}

namespace {
constexpr std::string_view kFeeds = "/Feeds/";  // between the issuer and the feed's id
}  // namespace

std::string Feed::uri(const std::string& issuer) const {
  return issuer + std::string(kFeeds) + info_.id;
}

bool Feed::has_uri(std::string_view candidate, std::string_view issuer) const {
  return candidate.size() == issuer.size() + kFeeds.size() + info_.id.size() &&
         candidate.substr(0, issuer.size()) == issuer &&
         candidate.substr(issuer.size(), kFeeds.size()) == kFeeds &&
         candidate.substr(issuer.size() + kFeeds.size()) == info_.id;
}

bool Feed::carries(const std::string& resource_type, const std::string& subject_uri) const {
  if (!info_.resource_types.empty()) {
    const bool typed = std::any_of(info_.resource_types.begin(), info_.resource_types.end(),
                                   [&](const std::string& t) { return iequals(t, resource_type); });
    if (!typed) return false;
  }
  if (info_.membership == Membership::All) return true;
  return is_member(subject_uri);
}

bool Feed::add_member(const std::string& subject_uri) {
  std::lock_guard lock(mu_);
  if (members_.size() >= kMaxMembers) return false;
  return members_.insert(subject_uri).second;
}

bool Feed::remove_member(const std::string& subject_uri) {
  std::lock_guard lock(mu_);
  return members_.erase(subject_uri) > 0;
}

bool Feed::is_member(const std::string& subject_uri) const {
  std::lock_guard lock(mu_);
  return members_.count(subject_uri) > 0;
}

std::size_t Feed::member_count() const {
  std::lock_guard lock(mu_);
  return members_.size();
}

void Feed::publish(const std::string& jti, const std::string& jwt) {
  publish(std::make_shared<const PendingSet>(jti, jwt));
}

void Feed::publish(const SharedSet& set) {
  queue_.publish(set);
  std::lock_guard lock(mu_);
  for (auto& r : receivers_) r->enqueue(set);
}

bool Feed::add_receiver(std::unique_ptr<PushDeliverer> receiver) {
  std::lock_guard lock(mu_);
  if (receivers_.size() >= kMaxReceivers) return false;
  receivers_.push_back(std::move(receiver));
  return true;
}

bool Feed::remove_receiver(const std::string& receiver_id) {
  std::unique_ptr<PushDeliverer> victim;
  {
    std::lock_guard lock(mu_);
    auto it = std::find_if(receivers_.begin(), receivers_.end(),
                           [&](const auto& r) { return r->id() == receiver_id; });
    if (it == receivers_.end()) return false;
    victim = std::move(*it);
    receivers_.erase(it);
  }
  victim->stop();  // joins outside the feed lock so publishing is never blocked by it
  return true;
}

nlohmann::json Feed::receivers_json() const {
  std::lock_guard lock(mu_);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : receivers_) {
    out.push_back({{"id", r->id()},
                   {"feed", info_.id},
                   {"url", r->target().url},
                   {"queued", r->queued()},
                   {"counters", counters_json(r->counters())}});
  }
  return out;
}

void Feed::shutdown() {
  queue_.close();
  std::vector<std::unique_ptr<PushDeliverer>> receivers;
  {
    std::lock_guard lock(mu_);
    receivers.swap(receivers_);
  }
  for (auto& r : receivers) r->stop();
}

void Feed::reset() {
  queue_.clear();
  std::lock_guard lock(mu_);
  members_.clear();
  for (auto& r : receivers_) r->reset();
}

nlohmann::json Feed::to_json(const std::string& issuer, const std::string& base_url) const {
  nlohmann::json j = {
      {"id", info_.id},
      {"uri", uri(issuer)},
      {"description", info_.description},
      {"membership", info_.membership == Membership::All ? "all" : "explicit"},
      {"resourceTypes", info_.resource_types},
      {"members", member_count()},
      {"pollEndpoint", base_url + "/Feeds/" + info_.id + "/poll"},
      {"queued", queue_.size()},
      {"counters", counters_json(queue_.counters())},
      {"retention", queue_json(queue_.retention())},
      {"receivers", receivers_json()},
  };
  return j;
}

PushCounters Feed::push_totals(std::size_t* queued) const {
  std::lock_guard lock(mu_);
  PushCounters sum;
  for (const auto& r : receivers_) {
    const PushCounters c = r->counters();
    sum.enqueued += c.enqueued;
    sum.delivered += c.delivered;
    sum.rejected += c.rejected;
    sum.failed += c.failed;
    sum.retried += c.retried;
    sum.dropped += c.dropped;
    if (queued) *queued += r->queued();
  }
  return sum;
}

nlohmann::json counters_json(const PushCounters& c) {
  return {{"enqueued", c.enqueued},   {"delivered", c.delivered}, {"rejected", c.rejected},
          {"failed", c.failed},       {"retried", c.retried},     {"dropped", c.dropped},
          {"lastError", c.last_error}};
}

nlohmann::json queue_json(const server::QueueCounters& c) {
  return {{"capacity", c.capacity},
          {"accepted", c.accepted},
          {"refused", c.refused},
          {"fullEpisodes", c.full_episodes},
          {"full", c.full}};
}

nlohmann::json counters_json(const PollCounters& c) {
  return {{"published", c.published},
          {"acknowledged", c.acknowledged},
          {"errorsReported", c.errors_reported},
          {"droppedFull", c.dropped_full},
          {"expired", c.expired},
          {"redelivered", c.redelivered}};
}

}  // namespace scim::events
