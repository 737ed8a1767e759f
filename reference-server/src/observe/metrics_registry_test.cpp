// Counter and histogram families: values, cumulative buckets, the series bound, exposition.
#include "scim/server/observe/metrics_registry.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string_view>
#include <thread>
#include <vector>

namespace scim::observe {
namespace {

TEST(MetricsRegistry, CountersAddUpPerLabelSet) {
  MetricsRegistry registry;
  auto& c = registry.counter("scim_requests_total", "Requests", {"tenant", "method"});
  c.inc({"acme", "GET"});
  c.inc({"acme", "GET"}, 2);
  c.inc({"beta", "POST"});
  EXPECT_EQ(c.value({"acme", "GET"}), 3u);
  EXPECT_EQ(c.value({"beta", "POST"}), 1u);
  EXPECT_EQ(c.value({"beta", "GET"}), 0u);
  EXPECT_EQ(c.series_count(), 2u);
  const std::string text = registry.expose();
  EXPECT_NE(text.find("# TYPE scim_requests_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("scim_requests_total{tenant=\"acme\",method=\"GET\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("scim_requests_total{tenant=\"beta\",method=\"POST\"} 1\n"),
            std::string::npos);
}

// The request path counts with views of its labels (LabelViews): the same series as with
// LabelValues, created by either, and the exposition in the same order.
TEST(MetricsRegistry, LabelViewsAndValuesCountTheSameSeries) {
  MetricsRegistry registry;
  auto& c = registry.counter("scim_requests_total", "Requests", {"tenant", "method"});
  auto& h = registry.histogram("scim_latency_seconds", "Latency", {"method"}, {0.1, 1});
  const std::string tenant = "acme";
  const std::array<std::string_view, 2> acme_get{tenant, "GET"};
  const std::array<std::string_view, 2> beta_get{"beta", "GET"};
  const std::array<std::string_view, 1> get{"GET"};
  c.inc(acme_get);            // created by views
  c.inc({"acme", "GET"}, 2);  // found by values
  c.inc(beta_get, 5);
  c.inc({"acme", "DELETE"});  // created by values ...
  const std::array<std::string_view, 2> acme_delete{"acme", "DELETE"};
  c.inc(acme_delete);  // ... found by views
  h.observe(get, 0.05);
  h.observe({"GET"}, 0.5);
  EXPECT_EQ(c.value({"acme", "GET"}), 3u);
  EXPECT_EQ(c.value({"acme", "DELETE"}), 2u);
  EXPECT_EQ(c.value({"beta", "GET"}), 5u);
  EXPECT_EQ(c.series_count(), 3u);
  EXPECT_EQ(h.count({"GET"}), 2u);
  EXPECT_EQ(h.series_count(), 1u);
  const std::string text = registry.expose();
  const auto acme_delete_at =
      text.find("scim_requests_total{tenant=\"acme\",method=\"DELETE\"} 2\n");
  const auto acme_get_at = text.find("scim_requests_total{tenant=\"acme\",method=\"GET\"} 3\n");
  const auto beta_get_at = text.find("scim_requests_total{tenant=\"beta\",method=\"GET\"} 5\n");
  ASSERT_NE(acme_delete_at, std::string::npos) << text;
  ASSERT_NE(acme_get_at, std::string::npos) << text;
  ASSERT_NE(beta_get_at, std::string::npos) << text;
  EXPECT_LT(acme_delete_at, acme_get_at);  // sorted by the label values, as before
  EXPECT_LT(acme_get_at, beta_get_at);
  EXPECT_NE(text.find("scim_latency_seconds_bucket{method=\"GET\",le=\"+Inf\"} 2\n"),
            std::string::npos);
}

TEST(MetricsRegistry, HistogramBucketsAreCumulativeAndLeIsInclusive) {
  MetricsRegistry registry;
  auto& h = registry.histogram("scim_latency_seconds", "Latency", {"method"}, {0.1, 1});
  h.observe({"GET"}, 0.05);
  h.observe({"GET"}, 0.1);  // le="0.1" includes 0.1
  h.observe({"GET"}, 0.5);
  h.observe({"GET"}, 7);
  EXPECT_EQ(h.count({"GET"}), 4u);
  const std::string text = registry.expose();
  EXPECT_NE(text.find("# TYPE scim_latency_seconds histogram\n"), std::string::npos);
  EXPECT_NE(text.find("scim_latency_seconds_bucket{method=\"GET\",le=\"0.1\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("scim_latency_seconds_bucket{method=\"GET\",le=\"1\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("scim_latency_seconds_bucket{method=\"GET\",le=\"+Inf\"} 4\n"),
            std::string::npos);
  EXPECT_NE(text.find("scim_latency_seconds_sum{method=\"GET\"} 7.65\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("scim_latency_seconds_count{method=\"GET\"} 4\n"), std::string::npos);
}

TEST(MetricsRegistry, SeriesBeyondTheLimitGoToOneOverflowSeries) {
  MetricsRegistry registry(MetricsLimits{.max_series_per_family = 2});
  auto& c = registry.counter("scim_x_total", "X", {"tenant", "method"});
  c.inc({"a", "GET"});
  c.inc({"b", "GET"});
  for (int i = 0; i < 100; ++i) c.inc({"hostile-" + std::to_string(i), "GET"});
  EXPECT_EQ(c.series_count(), 3u);  // the two allowed plus the overflow series
  EXPECT_EQ(c.value({"overflow", "overflow"}), 100u);
  EXPECT_EQ(c.value({"a", "GET"}), 1u);  // existing series keep counting
  EXPECT_EQ(registry.overflowed(), 100u);
  EXPECT_NE(registry.expose().find("scim_metrics_series_overflow_total 100\n"), std::string::npos);
}

TEST(MetricsRegistry, CollectorsWriteAfterTheFamilies) {
  MetricsRegistry registry;
  registry.counter("scim_a_total", "A", {});
  registry.add_collector([](Exposition& out) {
    out.family("scim_b", "B", MetricType::Gauge);
    out.sample("scim_b", {}, std::uint64_t{5});
  });
  const std::string text = registry.expose();
  EXPECT_LT(text.find("scim_a_total"), text.find("scim_b 5\n"));
}

TEST(MetricsRegistry, ConcurrentIncrementsAreAllCounted) {
  MetricsRegistry registry;
  auto& c = registry.counter("scim_c_total", "C", {"tenant"});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&c, t] {
      for (int i = 0; i < 10000; ++i) c.inc({i % 2 == 0 ? "even" : "t" + std::to_string(t)});
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(c.value({"even"}), 20000u);
  EXPECT_EQ(c.value({"t0"}) + c.value({"t1"}) + c.value({"t2"}) + c.value({"t3"}), 20000u);
}

}  // namespace
}  // namespace scim::observe
