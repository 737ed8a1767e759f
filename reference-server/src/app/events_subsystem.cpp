// Building and wiring the events subsystem from EventsOptions (see events_subsystem.hpp).
#include "scim/server/app/events_subsystem.hpp"

#include <iostream>

#include "scim/server/bulk/bulk_endpoint.hpp"

namespace scim::server {
namespace {

Status<std::string> validate(const events::EventsOptions& o) {
  if (o.payload_mode != "notice" && o.payload_mode != "full") {
    return Unexpected{"--events-mode must be notice or full, got \"" + o.payload_mode + "\""};
  }
  if (!events::parse_async_mode(o.async_mode)) {
    return Unexpected{"--async-mode must be none, request or long, got \"" + o.async_mode + "\""};
  }
  if (!o.signing_key.empty()) {
    if (auto s = events::JwsSigner::hs256(o.signing_key); !s) return Unexpected{s.error()};
  }
  if (o.async_max_wait_seconds < 0 || o.async_wait_seconds < 0 || o.poll_max_wait_seconds < 0 ||
      o.poll_redelivery_seconds < 0 || o.poll_retention_seconds <= 0 || o.push_max_attempts < 1) {
    return Unexpected{std::string("events time limits must be >= 0 and push attempts >= 1")};
  }
  if (o.bulk_max_operations == 0 || o.bulk_max_payload_bytes == 0 || o.async_max_jobs == 0) {
    return Unexpected{std::string("bulk and async limits must be positive")};
  }
  return Ok{};
}

events::FeedRegistryLimits registry_limits(const events::EventsOptions& o) {
  events::FeedRegistryLimits l;
  l.poll.max_entries = o.poll_max_entries;
  l.poll.max_age = std::chrono::seconds(o.poll_retention_seconds);
  l.poll.redelivery_after = std::chrono::seconds(o.poll_redelivery_seconds);
  l.push.queue_capacity = o.push_queue;
  l.push.max_attempts = o.push_max_attempts;
  return l;
}

}  // namespace

EventsSubsystem::EventsSubsystem(const events::EventsOptions& options)
    : options_(options),
      jobs_({options.async_max_jobs, std::chrono::seconds(options.async_retention_seconds)}) {}

EventsSubsystem::~EventsSubsystem() {
  shutdown();
}

Result<std::unique_ptr<EventsSubsystem>, std::string> EventsSubsystem::create(
    const events::EventsOptions& options) {
  if (auto st = validate(options); !st) return Unexpected{st.error()};
  std::unique_ptr<EventsSubsystem> s(new EventsSubsystem(options));
  s->transport_ = events::make_curl_transport();
  auto log = [](std::string_view line) { std::cerr << "events: " << line << "\n"; };
  s->feeds_ = std::make_unique<events::FeedRegistry>(registry_limits(options), *s->transport_, log);
  auto signer = options.signing_key.empty() ? events::JwsSigner::unsecured()
                                            : *events::JwsSigner::hs256(options.signing_key);
  events::HubOptions hub{options.issuer, options.payload_mode == "full"
                                             ? events::PayloadMode::Full
                                             : events::PayloadMode::Notice};
  s->hub_ = std::make_unique<events::EventHub>(hub, std::move(signer), *s->feeds_);
  for (const auto& f : options.feeds) {
    events::FeedInfo info{
        f.id, f.tenant, f.description,
        f.membership == "explicit" ? events::Membership::Explicit : events::Membership::All,
        f.resource_types};
    if (auto added = s->feeds_->add_feed(std::move(info)); !added) {
      return Unexpected{"feed \"" + f.id + "\": " + added.error().detail};
    }
  }
  for (const auto& r : options.receivers) {
    if (auto id = s->feeds_->add_receiver(r.tenant, r.feed, {r.url, r.token}); !id) {
      return Unexpected{"push receiver " + r.url + ": " + id.error().detail};
    }
  }
  return s;
}

void EventsSubsystem::configure(ServiceConfig& config) const {
  config.bulk.supported = true;
  config.bulk.max_operations = options_.bulk_max_operations;
  config.bulk.max_payload_size = options_.bulk_max_payload_bytes;
  const auto mode = *events::parse_async_mode(options_.async_mode);
  auto uris = hub_->event_uris();
  if (mode == events::AsyncMode::None) uris.pop_back();  // no asyncresp without async requests
  config.service_provider_config_extra["securityEvents"] = {
      {"asyncRequest", std::string(events::to_string(mode))}, {"eventUris", uris}};
}

void EventsSubsystem::attach(Service& service) {
  events::BulkLimits limits;
  limits.max_operations = options_.bulk_max_operations;
  limits.max_payload_bytes = options_.bulk_max_payload_bytes;
  bulk_ = std::make_unique<events::BulkExecutor>(service, limits);
  runner_ = std::make_unique<events::AsyncRunner>(
      jobs_, service, bulk_.get(), hub_.get(),
      events::AsyncRunnerLimits{options_.async_workers, options_.async_queue});
  AsyncFrontOptions front{*events::parse_async_mode(options_.async_mode),
                          std::chrono::seconds(options_.async_wait_seconds),
                          std::chrono::seconds(options_.async_max_wait_seconds)};
  front_ = std::make_unique<AsyncFront>(service, jobs_, *runner_, front);
  feed_ctx_.reset(new FeedEndpointsContext{
      *hub_, std::chrono::seconds(options_.poll_max_wait_seconds), options_.poll_max_long_polls});
  events::BulkExecutor* bulk = bulk_.get();
  service.add_route("Bulk", [bulk](const Request& r) { return bulk_endpoint(*bulk, r); });
  FeedEndpointsContext* ctx = feed_ctx_.get();
  service.add_route("Feeds", [ctx](const Request& r) { return feeds_endpoint(*ctx, r); });
}

Handler& EventsSubsystem::front() {
  return *front_;
}

void EventsSubsystem::shutdown() {
  if (runner_) runner_->stop();
  if (feeds_) feeds_->shutdown();
}

}  // namespace scim::server
