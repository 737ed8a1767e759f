// Every tenant's feeds and their push receivers. A tenant's "default" feed (membership "all") is
// created on first use, so events flow without configuration. Bounded: feeds per tenant and
// tenants with feeds are capped.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/events/feed.hpp"
#include "scim/server/events/push_deliverer.hpp"
#include "scim/server/events/push_transport.hpp"

namespace scim::events {

struct FeedRegistryLimits {
  std::size_t max_feeds_per_tenant = 32;
  std::size_t max_tenants = 1000;
  PollQueueLimits poll;
  PushLimits push;
};

class FeedRegistry {
 public:
  static constexpr const char* kDefaultFeed = "default";

  // `transport` must outlive the registry.
  FeedRegistry(FeedRegistryLimits limits, PushTransport& transport, PushDeliverer::Logger log = {});
  ~FeedRegistry();

  // Adds a feed; 409 uniqueness when the id exists in the tenant, 400 invalidValue for a bad id,
  // and 400 invalidValue when the per-tenant feed limit is reached.
  Result<std::shared_ptr<Feed>> add_feed(FeedInfo info);
  // The tenant's feeds, the default feed first (created if absent).
  std::vector<std::shared_ptr<Feed>> feeds(const std::string& tenant);
  std::shared_ptr<Feed> find(const std::string& tenant, const std::string& feed_id);
  // Every tenant's feeds as they are now; unlike feeds(), creates nothing (metrics).
  std::map<std::string, std::vector<std::shared_ptr<Feed>>> all_feeds();

  // Registers a push receiver on a feed; returns its id. 404 when the feed is unknown,
  // 400 invalidValue for a URL that is not http(s).
  Result<std::string> add_receiver(const std::string& tenant, const std::string& feed_id,
                                   PushTarget target);
  Status<> remove_receiver(const std::string& tenant, const std::string& receiver_id);
  nlohmann::json receivers_json(const std::string& tenant);

  // Closes every poll queue and stops every receiver (clean shutdown).
  void shutdown();

  // The control plane. Reset: every feed of the tenant is emptied (Feed::reset), feeds and
  // receivers stay. Remove: the tenant's feeds go, their receivers stop; the tenant's next
  // use starts with a fresh default feed.
  void reset_tenant(const std::string& tenant);
  void remove_tenant(const std::string& tenant);

 private:
  std::vector<std::shared_ptr<Feed>>& tenant_feeds_locked(const std::string& tenant);

  FeedRegistryLimits limits_;
  PushTransport& transport_;
  PushDeliverer::Logger log_;
  // Where a feed reports that its poll retention is full: the registry's log, prefixed.
  server::QueueMeter::Report feed_report(const FeedInfo& info) const;
  std::mutex mu_;
  std::map<std::string, std::vector<std::shared_ptr<Feed>>> by_tenant_;
};

}  // namespace scim::events
