// Scrape-time collectors over the components (see server_metrics.hpp). Each collector gathers
// its numbers first, then writes whole families, as the exposition format requires.
#include "scim/server/observe/server_metrics.hpp"

#include <string>
#include <vector>

namespace scim::observe {
namespace {

struct TenantSample {
  std::string name;
  std::vector<std::pair<std::string, std::size_t>> resources;  // type -> count
  admin::JournalStats journal;
};

struct FeedSample {
  std::string name;  // the tenant
  events::PollCounters poll;
  std::size_t poll_depth = 0;
  events::PushCounters push;
  std::size_t push_depth = 0;
};

template <typename Items, typename Value>
void write_family(Exposition& out, std::string_view name, std::string_view help, MetricType type,
                  const Items& items, Value value) {
  out.family(name, help, type);
  for (const auto& item : items) out.sample(name, {{"tenant", item.name}}, value(item));
}

using TenantRow = TenantSample;
using FeedRow = FeedSample;

std::vector<TenantRow> sample_tenants(const ServerSources& s) {
  std::vector<TenantRow> rows;
  for (const auto& name : s.tenants.tenants()) {
    TenantRow row;
    row.name = name;
    if (auto store = s.tenants.store(name)) {
      for (const auto& type : store->type_names()) {
        row.resources.emplace_back(type, store->size(type));
      }
    }
    if (auto journal = s.journals.tenant(name)) row.journal = journal->stats();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<FeedRow> sample_feeds(const ServerSources& s) {
  std::vector<FeedRow> rows;
  for (const auto& [tenant, feeds] : s.feeds.all_feeds()) {
    FeedRow row;
    row.name = tenant;
    for (const auto& feed : feeds) {
      const auto poll = feed->queue().counters();
      row.poll.published += poll.published;
      row.poll.acknowledged += poll.acknowledged;
      row.poll.dropped_full += poll.dropped_full;
      row.poll.expired += poll.expired;
      row.poll_depth += feed->queue().size();
      const auto push = feed->push_totals(&row.push_depth);
      row.push.delivered += push.delivered;
      row.push.rejected += push.rejected;
      row.push.failed += push.failed;
      row.push.dropped += push.dropped;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void write_tenants(Exposition& out, const std::vector<TenantRow>& rows) {
  out.family("scim_tenants", "Tenants that exist now", MetricType::Gauge);
  out.sample("scim_tenants", {}, static_cast<std::uint64_t>(rows.size()));
  out.family("scim_resources", "Resources stored, by tenant and resource type", MetricType::Gauge);
  for (const auto& row : rows) {
    for (const auto& [type, count] : row.resources) {
      out.sample("scim_resources", {{"tenant", row.name}, {"resource_type", type}},
                 static_cast<std::uint64_t>(count));
    }
  }
  using G = MetricType;
  write_family(out, "scim_journal_entries", "Entries in the tenant's request journal", G::Gauge,
               rows, [](const TenantRow& r) { return std::uint64_t{r.journal.size}; });
  write_family(out, "scim_journal_size_bytes", "Bytes held by the tenant's request journal",
               G::Gauge, rows, [](const TenantRow& r) { return std::uint64_t{r.journal.bytes}; });
  write_family(out, "scim_journal_appended_total", "Entries appended to the tenant's journal",
               G::Counter, rows, [](const TenantRow& r) { return r.journal.appended; });
  write_family(out, "scim_journal_evictions_total",
               "Journal entries evicted because the ring was full (count or bytes)", G::Counter,
               rows, [](const TenantRow& r) { return r.journal.evicted; });
}

void write_feeds(Exposition& out, const std::vector<FeedRow>& rows, std::uint64_t issued) {
  using G = MetricType;
  out.family("scim_sets_issued_total", "Security Event Tokens signed by the event hub", G::Counter);
  out.sample("scim_sets_issued_total", {}, issued);
  write_family(out, "scim_sets_published_total",
               "SETs published to the tenant's feeds (one per feed that carries the SET)",
               G::Counter, rows, [](const FeedRow& r) { return r.poll.published; });
  write_family(out, "scim_sets_acknowledged_total", "SETs acknowledged by pollers (RFC 8936)",
               G::Counter, rows, [](const FeedRow& r) { return r.poll.acknowledged; });
  write_family(out, "scim_sets_pushed_total", "SETs a push receiver accepted (RFC 8935 202)",
               G::Counter, rows, [](const FeedRow& r) { return r.push.delivered; });
  write_family(out, "scim_sets_push_failed_total",
               "SET pushes given up: rejected by the receiver (400) or out of attempts", G::Counter,
               rows, [](const FeedRow& r) { return r.push.failed + r.push.rejected; });
  out.family("scim_sets_dropped_total",
             "SETs dropped: poll queue full, expired unacknowledged, or push queue full",
             G::Counter);
  for (const auto& r : rows) {
    out.sample("scim_sets_dropped_total", {{"tenant", r.name}, {"reason", "poll_full"}},
               r.poll.dropped_full);
    out.sample("scim_sets_dropped_total", {{"tenant", r.name}, {"reason", "poll_expired"}},
               r.poll.expired);
    out.sample("scim_sets_dropped_total", {{"tenant", r.name}, {"reason", "push_full"}},
               r.push.dropped);
  }
  write_family(out, "scim_poll_queue_depth", "SETs waiting in the tenant's poll queues", G::Gauge,
               rows, [](const FeedRow& r) { return std::uint64_t{r.poll_depth}; });
  write_family(out, "scim_push_queue_depth", "SETs waiting in the tenant's push queues", G::Gauge,
               rows, [](const FeedRow& r) { return std::uint64_t{r.push_depth}; });
}

void write_async(Exposition& out, const async::AsyncJobs& jobs, const async::AsyncRunner& runner) {
  const auto table = jobs.table_counters();
  const auto queue = runner.queue_counters();
  auto one = [&out](std::string_view name, std::string_view help, MetricType type,
                    std::uint64_t value) {
    out.family(name, help, type);
    out.sample(name, {}, value);
  };
  one("scim_async_jobs_created_total", "Asynchronous jobs accepted (RFC 7240 respond-async)",
      MetricType::Counter, table.accepted);
  one("scim_async_jobs_refused_total", "Asynchronous jobs refused or evicted: job table full",
      MetricType::Counter, table.refused);
  one("scim_async_jobs", "Asynchronous jobs held now, running or with a result to fetch",
      MetricType::Gauge, jobs.size());
  one("scim_async_queue_refused_total",
      "Asynchronous requests run synchronously because the run queue was full", MetricType::Counter,
      queue.refused);
}

void write_transport(Exposition& out, const TransportGauges& t) {
  auto one = [&out](std::string_view name, std::string_view help, MetricType type,
                    std::uint64_t value) {
    out.family(name, help, type);
    out.sample(name, {}, value);
  };
  one("scim_http_open_connections", "Open client connections", MetricType::Gauge,
      t.open_connections);
  one("scim_http_rejected_connections_total",
      "Connections refused at the connection limit (--max-connections)", MetricType::Counter,
      t.rejected_connections);
  one("scim_http_waiting_requests", "Requests waiting now (long polls, async waits)",
      MetricType::Gauge, t.waiting.busy);
  one("scim_http_waiting_rejected_total",
      "Waiting requests refused with 503 at --max-waiting-requests", MetricType::Counter,
      t.waiting.rejected);
}

}  // namespace

void add_server_collectors(MetricsRegistry& registry, ServerSources sources) {
  registry.add_collector([s = std::move(sources)](Exposition& out) {
    write_tenants(out, sample_tenants(s));
    write_feeds(out, sample_feeds(s), s.hub.issued());
    write_async(out, s.jobs, s.runner);
    if (s.transport) write_transport(out, s.transport());
  });
}

}  // namespace scim::observe
