// Composition of the events subsystem for main.cpp: builds the SET signer, feeds, push transport,
// EventHub (the Service's EventSink), the bulk executor and the async runner from EventsOptions,
// installs the /Bulk and /Feeds routes on the Service and wraps it in the async decorator.
//
//   auto events = EventsSubsystem::create(options);          // before the Service
//   events->configure(service_config);                        // bulk limits, securityEvents
//   Service service(registry, service_config, tenants, events->sink());
//   events->attach(service);                                  // routes, executor, runner
//   HttpServer server(http, auth, events->front());           // async decorator over service
//   ... server.run(); events->shutdown();
#pragma once

#include <memory>
#include <string>

#include "scim/server/async/async_front.hpp"
#include "scim/server/api/write_event.hpp"
#include "scim/server/events/feed_endpoints.hpp"
#include "scim/server/endpoints/service.hpp"
#include "scim/server/endpoints/service_config.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/async/async_runner.hpp"
#include "scim/server/bulk/bulk_executor.hpp"
#include "scim/server/events/event_hub.hpp"
#include "scim/server/events/events_options.hpp"
#include "scim/server/events/feed_registry.hpp"
#include "scim/server/events/push_transport.hpp"
#include "scim/protocol/result.hpp"

namespace scim::server {

class EventsSubsystem {
 public:
  // Validates the options (modes, key length, limits, receivers); the message names the problem.
  static Result<std::unique_ptr<EventsSubsystem>, std::string> create(
      const events::EventsOptions& options);
  ~EventsSubsystem();

  EventSink* sink() { return hub_.get(); }
  events::EventHub& hub() { return *hub_; }
  // Bulk limits and the "securityEvents" ServiceProviderConfig attribute (draft §4).
  void configure(ServiceConfig& config) const;
  // Registers /Bulk and /Feeds on the service and starts the async workers.
  void attach(Service& service);
  // The handler to give the HTTP layer (valid after attach()).
  Handler& front();
  // Stops async workers, closes poll queues, stops push receivers. Idempotent.
  void shutdown();

 private:
  explicit EventsSubsystem(const events::EventsOptions& options);

  events::EventsOptions options_;
  std::unique_ptr<events::PushTransport> transport_;
  std::unique_ptr<events::FeedRegistry> feeds_;
  std::unique_ptr<events::EventHub> hub_;
  events::AsyncJobs jobs_;
  std::unique_ptr<events::BulkExecutor> bulk_;
  std::unique_ptr<events::AsyncRunner> runner_;
  std::unique_ptr<AsyncFront> front_;
  std::unique_ptr<FeedEndpointsContext> feed_ctx_;
};

}  // namespace scim::server
