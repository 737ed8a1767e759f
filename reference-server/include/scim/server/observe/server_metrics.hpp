// The metrics the components keep themselves, read when /metrics is scraped: resources stored
// per tenant and type, each tenant's journal, Security Event Tokens (issued, published to poll
// queues, pushed, failed, dropped; queue depths), asynchronous jobs, and the transport's
// connections and waiting requests. Reading them costs one pass over the tenants, never over
// resources (InMemoryStore::size is kept by the type tables).
#pragma once

#include <functional>

#include "scim/server/admin/journals.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/async/async_runner.hpp"
#include "scim/server/events/event_hub.hpp"
#include "scim/server/events/feed_registry.hpp"
#include "scim/server/http/wait_pool.hpp"
#include "scim/server/observe/metrics_registry.hpp"
#include "scim/server/store/tenant_directory.hpp"

namespace scim::observe {

// What the transport reports (http::HttpServer), as plain numbers.
struct TransportGauges {
  std::size_t open_connections = 0;
  std::uint64_t rejected_connections = 0;
  http::WaitPoolStats waiting;
};

struct ServerSources {
  store::TenantDirectory& tenants;
  admin::Journals& journals;
  events::EventHub& hub;
  events::FeedRegistry& feeds;
  async::AsyncJobs& jobs;
  async::AsyncRunner& runner;
  std::function<TransportGauges()> transport;  // unset: no transport metrics (tests)
};

// Adds the collectors of `sources` (which must outlive `registry`'s use).
void add_server_collectors(MetricsRegistry& registry, ServerSources sources);

}  // namespace scim::observe
