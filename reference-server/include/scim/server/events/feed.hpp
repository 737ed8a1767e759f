// An event feed (RFC 9967 §1.3 "Event Feed / Event Stream"): which resources it
// carries, its poll buffer (RFC 8936) and its push receivers (RFC 8935). A feed either carries
// every resource of its tenant ("all") or only resources explicitly added to it ("explicit"),
// whose additions and removals are themselves signalled with feed:add / feed:remove (§2.3).
#pragma once

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/events/poll_queue.hpp"
#include "scim/server/events/push_deliverer.hpp"

namespace scim::events {

enum class Membership { All, Explicit };
// "all" or "explicit"; nullopt otherwise.
std::optional<Membership> parse_membership(std::string_view text);

struct FeedInfo {
  std::string id;
  std::string tenant;
  std::string description;
  Membership membership = Membership::All;
  std::vector<std::string> resource_types;  // empty: every resource type
};

class Feed {
 public:
  static constexpr std::size_t kMaxMembers = 100000;
  static constexpr std::size_t kMaxReceivers = 16;

  // `report` receives a line when the feed's poll retention fills up (and has room again).
  Feed(FeedInfo info, PollQueueLimits poll_limits, server::QueueMeter::Report report = {});
  ~Feed();

  const FeedInfo& info() const { return info_; }
  // The feed's URI, used as the SET "aud" (draft Figure 2): "<issuer>/Feeds/<id>".
  std::string uri(const std::string& issuer) const;
  // Whether `candidate` is uri(issuer), compared without making it.
  bool has_uri(std::string_view candidate, std::string_view issuer) const;

  // Whether a SET about this subject belongs in the feed.
  bool carries(const std::string& resource_type, const std::string& subject_uri) const;
  // Explicit membership; returns false when nothing changed (or the member limit is reached).
  bool add_member(const std::string& subject_uri);
  bool remove_member(const std::string& subject_uri);
  bool is_member(const std::string& subject_uri) const;
  std::size_t member_count() const;

  // Buffers the SET for polling and hands it to every push receiver (never blocks).
  void publish(const std::string& jti, const std::string& jwt);
  void publish(const SharedSet& set);
  PollQueue& queue() { return queue_; }

  bool add_receiver(std::unique_ptr<PushDeliverer> receiver);
  bool remove_receiver(const std::string& receiver_id);
  // Receivers as JSON (id, url, counters); the bearer token is never included.
  nlohmann::json receivers_json() const;
  // The receivers' counters added up, and the SETs waiting in their queues (for metrics).
  PushCounters push_totals(std::size_t* queued = nullptr) const;
  void shutdown();
  // The control plane's tenant reset: the poll buffer, the explicit members and the receivers'
  // queues are emptied and their counters zeroed; the feed and its receivers stay.
  void reset();

  // RFC-7643-style representation for GET /Feeds/{id}.
  nlohmann::json to_json(const std::string& issuer, const std::string& base_url) const;

 private:
  FeedInfo info_;
  PollQueue queue_;
  mutable std::mutex mu_;
  std::set<std::string> members_;
  std::vector<std::unique_ptr<PushDeliverer>> receivers_;
};

nlohmann::json counters_json(const PushCounters& c);
nlohmann::json counters_json(const PollCounters& c);
nlohmann::json queue_json(const server::QueueCounters& c);

}  // namespace scim::events
