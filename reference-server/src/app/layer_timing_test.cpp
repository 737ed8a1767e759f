// The layers that time a request (access log, metrics, journal, in the order app/server.cpp
// chains them) share two clock readings (server::arrival, server::answered): the access line's
// duration_ms, the latency histogram's observation and the journal entry's duration are the same
// span, from the request's arrival in the chain to the journal's answer, the injected delay
// added where it was before (the access line and the histogram, not the journal).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>

#include "scim/server/admin/journal_middleware.hpp"
#include "scim/server/admin/journals.hpp"
#include "scim/server/observe/access_log_middleware.hpp"
#include "scim/server/observe/metrics_middleware.hpp"
#include "scim/server/observe/metrics_registry.hpp"
#include "scim/server/observe/server_log.hpp"
#include "scim/server/testing/function_handler.hpp"

namespace scim::app {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

struct Timings {
  long long access_us = -1;    // the access line's duration_ms, in microseconds
  double histogram_us = -1;    // the latency histogram's sum, in microseconds
  long long journal_us = -1;   // the journal entry's duration
  std::string histogram_text;  // the exposition, for failure messages
};

// One GET of a path-addressed tenant through the three layers; the handler sleeps `work` and
// asks for `delay` of injected latency (Delivery::delay).
Timings time_one(server::Request request, milliseconds work, milliseconds delay) {
  std::ostringstream out;
  Timings t;
  observe::MetricsRegistry registry;
  admin::Journals journals({}, nullptr);
  journals.add_tenant("acme");
  {
    observe::LogOptions json;
    json.format = observe::LogFormat::Json;
    observe::ServerLog log(json, &out);
    test::FunctionHandler terminal([&](const server::Request&) {
      std::this_thread::sleep_for(work);
      server::Response r;
      r.body = "{}";
      r.delivery.delay = delay;
      return r;
    });
    server::Pipeline pipeline(terminal);
    observe::AccessLogMiddleware access(log);
    observe::MetricsMiddleware metrics(registry, {{{"users", "User"}}, nullptr});
    admin::JournalMiddleware journal(journals);
    pipeline.use(access).use(metrics).use(journal);
    EXPECT_EQ(pipeline.take(std::move(request)).status, 200);
    // Read while the layers live: the metrics layer's collector (registered with the registry)
    // reads the layer itself.
    t.histogram_text = registry.expose();
  }
  const auto line = nlohmann::json::parse(out.str());
  t.access_us = std::llround(line["duration_ms"].get<double>() * 1000);
  const std::string sum =
      "scim_http_request_duration_seconds_sum{method=\"GET\",resource_type=\"User\"} ";
  const auto at = t.histogram_text.find(sum);
  if (at != std::string::npos) {
    t.histogram_us = std::strtod(t.histogram_text.c_str() + at + sum.size(), nullptr) * 1e6;
  }
  const auto entries = journals.tenant("acme")->query({.limit = 1}).entries;
  if (entries.size() == 1) t.journal_us = entries[0].duration.count();
  return t;
}

server::Request get_user() {
  server::Request r;
  r.method = "GET";
  r.target = "/tenants/acme/scim/v2/Users/2819c223";
  r.path = "/Users/2819c223";
  return r;
}

TEST(LayerTiming, TheThreeLayersTimeTheSameSpan) {
  const auto t = time_one(get_user(), milliseconds(3), milliseconds(0));
  EXPECT_GE(t.journal_us, 3000);
  EXPECT_LT(t.journal_us, 3000 + 1'000'000);
  EXPECT_EQ(t.access_us, t.journal_us);
  // The histogram keeps the nanoseconds the microseconds of the other two cut off.
  EXPECT_GE(t.histogram_us, static_cast<double>(t.journal_us)) << t.histogram_text;
  EXPECT_LT(t.histogram_us, static_cast<double>(t.journal_us) + 1) << t.histogram_text;
}

TEST(LayerTiming, TheInjectedDelayCountsForTheClientsViewOnly) {
  const auto t = time_one(get_user(), milliseconds(1), milliseconds(40));
  EXPECT_GE(t.journal_us, 1000);
  EXPECT_LT(t.journal_us, 40'000);  // "handling time, without an injected delay" (journal.hpp)
  EXPECT_EQ(t.access_us, t.journal_us + 40'000);
  EXPECT_GE(t.histogram_us, static_cast<double>(t.journal_us + 40'000)) << t.histogram_text;
  EXPECT_LT(t.histogram_us, static_cast<double>(t.journal_us + 40'000) + 1) << t.histogram_text;
}

// The chain times from server::Request::arrived when the request comes with it (a transport
// that read the clock already); no layer reads its own start.
TEST(LayerTiming, AnArrivalGivenWithTheRequestIsWhereEveryLayerStarts) {
  auto request = get_user();
  request.arrived = std::chrono::steady_clock::now() - milliseconds(50);
  const auto t = time_one(std::move(request), milliseconds(0), milliseconds(0));
  EXPECT_GE(t.journal_us, 50'000);
  EXPECT_LT(t.journal_us, 50'000 + 1'000'000);
  EXPECT_EQ(t.access_us, t.journal_us);
  EXPECT_GE(t.histogram_us, 50'000.0) << t.histogram_text;
}

}  // namespace
}  // namespace scim::app
