// Feed and receiver bookkeeping per tenant.
#include "scim/server/events/feed_registry.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/events/ids.hpp"

namespace scim::events {
namespace {

bool valid_feed_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

}  // namespace

FeedRegistry::FeedRegistry(FeedRegistryLimits limits, PushTransport& transport,
                           PushDeliverer::Logger log)
    : limits_(limits), transport_(transport), log_(std::move(log)) {}

server::QueueMeter::Report FeedRegistry::feed_report(const FeedInfo& info) const {
  if (!log_) return {};
  return [log = log_, prefix = "feed " + info.tenant + "/" + info.id + " "](std::string_view line) {
    log(prefix + std::string(line));
  };
}

FeedRegistry::~FeedRegistry() {
  shutdown();
}

std::vector<std::shared_ptr<Feed>>& FeedRegistry::tenant_feeds_locked(const std::string& tenant) {
  auto it = by_tenant_.find(tenant);
  if (it != by_tenant_.end()) return it->second;
  auto& feeds = by_tenant_[tenant];
  FeedInfo info{kDefaultFeed, tenant, "Every resource of the tenant", Membership::All, {}};
  auto report = feed_report(info);
  feeds.push_back(std::make_shared<Feed>(std::move(info), limits_.poll, std::move(report)));
  return feeds;
}

Result<std::shared_ptr<Feed>> FeedRegistry::add_feed(FeedInfo info) {
  if (!valid_feed_id(info.id)) {
    return invalid_value("feed id must be 1-64 characters of [A-Za-z0-9._-], got \"" + info.id +
                         "\"");
  }
  std::lock_guard lock(mu_);
  if (by_tenant_.count(info.tenant) == 0 && by_tenant_.size() >= limits_.max_tenants) {
    return http_error(503, "too many tenants with feeds");
  }
  auto& feeds = tenant_feeds_locked(info.tenant);
  for (const auto& f : feeds) {
    if (iequals(f->info().id, info.id)) return uniqueness("feed \"" + info.id + "\" exists");
  }
  if (feeds.size() >= limits_.max_feeds_per_tenant) {
    return invalid_value("feed limit reached (" + std::to_string(limits_.max_feeds_per_tenant) +
                         " per tenant)");
  }
  auto report = feed_report(info);
  feeds.push_back(std::make_shared<Feed>(std::move(info), limits_.poll, std::move(report)));
  return feeds.back();
}

std::vector<std::shared_ptr<Feed>> FeedRegistry::feeds(const std::string& tenant) {
  std::lock_guard lock(mu_);
  if (by_tenant_.count(tenant) == 0 && by_tenant_.size() >= limits_.max_tenants) return {};
  return tenant_feeds_locked(tenant);
}

std::map<std::string, std::vector<std::shared_ptr<Feed>>> FeedRegistry::all_feeds() {
  std::lock_guard lock(mu_);
  return by_tenant_;
}

std::shared_ptr<Feed> FeedRegistry::find(const std::string& tenant, const std::string& feed_id) {
  for (auto& f : feeds(tenant)) {
    if (iequals(f->info().id, feed_id)) return f;
  }
  return nullptr;
}

Result<std::string> FeedRegistry::add_receiver(const std::string& tenant,
                                               const std::string& feed_id, PushTarget target) {
  if (!istarts_with(target.url, "http://") && !istarts_with(target.url, "https://")) {
    return invalid_value("receiver url must be http:// or https://");
  }
  if (target.url.size() > 2048) return invalid_value("receiver url longer than 2048 characters");
  auto feed = find(tenant, feed_id);
  if (!feed) return not_found("feed \"" + feed_id + "\" not found");
  std::string id = random_hex_id();
  auto deliverer =
      std::make_unique<PushDeliverer>(id, std::move(target), transport_, limits_.push, log_);
  if (!feed->add_receiver(std::move(deliverer))) {
    return invalid_value("receiver limit reached (" + std::to_string(Feed::kMaxReceivers) +
                         " per feed)");
  }
  return id;
}

Status<> FeedRegistry::remove_receiver(const std::string& tenant, const std::string& receiver_id) {
  for (auto& f : feeds(tenant)) {
    if (f->remove_receiver(receiver_id)) return Ok{};
  }
  return not_found("receiver \"" + receiver_id + "\" not found");
}

nlohmann::json FeedRegistry::receivers_json(const std::string& tenant) {
  nlohmann::json out = nlohmann::json::array();
  for (auto& f : feeds(tenant)) {
    for (auto& r : f->receivers_json()) out.push_back(std::move(r));
  }
  return out;
}

void FeedRegistry::reset_tenant(const std::string& tenant) {
  std::vector<std::shared_ptr<Feed>> feeds;
  {
    std::lock_guard lock(mu_);
    auto it = by_tenant_.find(tenant);
    if (it == by_tenant_.end()) return;
    feeds = it->second;
  }
  for (auto& f : feeds) f->reset();
}

void FeedRegistry::remove_tenant(const std::string& tenant) {
  std::vector<std::shared_ptr<Feed>> feeds;
  {
    std::lock_guard lock(mu_);
    auto it = by_tenant_.find(tenant);
    if (it == by_tenant_.end()) return;
    feeds = std::move(it->second);
    by_tenant_.erase(it);
  }
  for (auto& f : feeds) f->shutdown();  // joins the receivers' workers: outside the lock
}

void FeedRegistry::shutdown() {
  std::map<std::string, std::vector<std::shared_ptr<Feed>>> all;
  {
    std::lock_guard lock(mu_);
    all = by_tenant_;
  }
  for (auto& [tenant, feeds] : all) {
    for (auto& f : feeds) f->shutdown();
  }
}

}  // namespace scim::events
