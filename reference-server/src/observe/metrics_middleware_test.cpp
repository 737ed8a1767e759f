// The metrics layer counts and times what passes through it, with bounded labels.
#include "scim/server/observe/metrics_middleware.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "scim/server/testing/function_handler.hpp"

namespace scim::observe {
namespace {

// Stands in for the authentication layer: scope, path and principal as it would set them.
class FakeAuthenticate final : public server::Middleware {
 public:
  std::string_view name() const override { return "authenticate"; }
  server::Response handle(server::Request& r, const server::Next& next) override {
    r.scope = server::Scope::Scim;
    r.path = r.target.substr(std::string_view("/scim/v2").size());
    r.principal.tenant = "acme";
    r.principal.credential_name = "token#1";
    return next(r);
  }
};

struct Fixture {
  Fixture()
      : terminal([this](const server::Request&) { return answer; }),
        pipeline(terminal),
        layer(registry, RequestLabelSources{{{"users", "User"}}, {}}) {
    pipeline.use(layer);
    pipeline.use(auth);
  }
  server::Response send(std::string method, std::string target, std::string body = "") {
    server::Request r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.body = std::move(body);
    return pipeline.handle(r);
  }
  server::Response answer;
  MetricsRegistry registry;
  test::FunctionHandler terminal;
  server::Pipeline pipeline;
  MetricsMiddleware layer;
  FakeAuthenticate auth;
};

TEST(MetricsMiddleware, CountsByTenantMethodTypeAndStatusClass) {
  Fixture f;
  f.answer.status = 200;
  f.answer.body = "{\"id\":\"1\"}";
  f.send("GET", "/scim/v2/Users/2819c223");
  f.send("GET", "/scim/v2/Users/other-id");
  f.answer.status = 404;
  f.send("GET", "/scim/v2/Users/missing");
  const std::string text = f.registry.expose();
  EXPECT_NE(text.find("scim_http_requests_total{tenant=\"acme\",method=\"GET\",resource_type="
                      "\"User\",status_class=\"2xx\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("scim_http_requests_total{tenant=\"acme\",method=\"GET\",resource_type="
                      "\"User\",status_class=\"4xx\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("scim_http_request_duration_seconds_count{method=\"GET\",resource_type="
                      "\"User\"} 3\n"),
            std::string::npos);
  // Ids never become labels.
  EXPECT_EQ(text.find("2819c223"), std::string::npos);
  EXPECT_EQ(text.find("missing"), std::string::npos);
}

TEST(MetricsMiddleware, CountsBodyBytesLenienciesAndFaultKinds) {
  Fixture f;
  f.answer.status = 201;
  f.answer.body = std::string(40, 'x');
  f.answer.notes.leniencies = {"op-case"};
  f.answer.notes.fault_kinds = {"latency"};
  f.answer.delivery.delay = std::chrono::milliseconds(300);
  f.send("POST", "/scim/v2/Users", std::string(25, 'y'));
  const std::string text = f.registry.expose();
  EXPECT_NE(text.find("scim_http_request_body_bytes_total{tenant=\"acme\"} 25\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("scim_http_response_body_bytes_total{tenant=\"acme\"} 40\n"),
            std::string::npos);
  EXPECT_NE(text.find("scim_leniencies_used_total{leniency=\"op-case\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("scim_faults_injected_total{kind=\"latency\"} 1\n"), std::string::npos);
  // The injected delay is part of what the client waited: the 0.25 s bucket is still empty.
  EXPECT_NE(text.find("scim_http_request_duration_seconds_bucket{method=\"POST\",resource_type="
                      "\"User\",le=\"0.25\"} 0\n"),
            std::string::npos);
  EXPECT_NE(text.find("scim_http_request_duration_seconds_bucket{method=\"POST\",resource_type="
                      "\"User\",le=\"0.5\"} 1\n"),
            std::string::npos);
}

// Sets what the authentication layer would from the test's headers: the tenant (x-tenant, with
// a credential; none without the header).
class HeaderTenant final : public server::Middleware {
 public:
  std::string_view name() const override { return "authenticate"; }
  server::Response handle(server::Request& r, const server::Next& next) override {
    r.scope = server::Scope::Scim;
    r.path = r.target.substr(std::string_view("/scim/v2").size());
    if (const auto* tenant = r.header("x-tenant")) {
      r.principal.tenant = *tenant;
      r.principal.credential_name = "token#1";
    }
    return next(r);
  }
};

struct Exchange {
  std::string tenant;  // "" for none
  std::string method;
  std::string target;
  std::size_t request_bytes;
  int status;
  std::size_t response_bytes;
  std::string type;  // the resource_type label
};

// The exposition's samples, without the latency histogram's buckets and sum (times differ run
// to run; its _count stays) and the in-flight gauge.
std::string counted_samples(const std::string& exposition) {
  std::string out;
  std::size_t at = 0;
  while (at < exposition.size()) {
    const auto end = exposition.find('\n', at);
    const std::string_view line(exposition.data() + at, end - at);
    at = end + 1;
    if (line.empty() || line.front() == '#' || line.starts_with("scim_http_requests_in_flight") ||
        line.starts_with("scim_http_request_duration_seconds_bucket") ||
        line.starts_with("scim_http_request_duration_seconds_sum")) {
      continue;
    }
    out.append(line).append("\n");
  }
  return out;
}

// The layer counts a label set it has seen before through the series it found the first time
// (MetricsMiddleware::Cells): the same series and counts as the families' own lookups give for
// every request, body-byte series only once they count something, and with full families the
// same overflow series and overflowed samples.
TEST(MetricsMiddleware, LabelSetsSeenBeforeCountAsTheFamiliesDo) {
  const std::vector<Exchange> exchanges = {
      {"acme", "GET", "/scim/v2/Users/1", 0, 200, 10, "User"},
      {"acme", "GET", "/scim/v2/Users/2", 0, 404, 5, "User"},
      {"acme", "POST", "/scim/v2/Users", 7, 201, 12, "User"},
      {"beta", "GET", "/scim/v2/Groups/x", 0, 200, 0, "Group"},
      {"", "GET", "/scim/v2/Users", 0, 401, 3, "User"},
      {"beta", "PATCH", "/scim/v2/Users/1", 4, 200, 9, "User"},
      {"acme", "DELETE", "/scim/v2/Users/1", 0, 204, 0, "User"},
      {"gamma", "GET", "/scim/v2/Schemas", 0, 200, 20, "none"},
  };
  for (const std::size_t limit : {std::size_t{5000}, std::size_t{3}}) {
    MetricsRegistry registry(MetricsLimits{limit});
    const Exchange* current = nullptr;
    test::FunctionHandler terminal([&current](const server::Request&) {
      server::Response r;
      r.status = current->status;
      r.body = std::string(current->response_bytes, 'x');
      return r;
    });
    server::Pipeline pipeline(terminal);
    MetricsMiddleware layer(registry,
                            RequestLabelSources{{{"users", "User"}, {"groups", "Group"}}, {}});
    HeaderTenant auth;
    pipeline.use(layer).use(auth);

    MetricsRegistry reference(MetricsLimits{limit});
    auto& requests = reference.counter("scim_http_requests_total", "",
                                       {"tenant", "method", "resource_type", "status_class"});
    auto& latency = reference.histogram("scim_http_request_duration_seconds", "",
                                        {"method", "resource_type"}, default_latency_buckets());
    auto& request_bytes = reference.counter("scim_http_request_body_bytes_total", "", {"tenant"});
    auto& response_bytes = reference.counter("scim_http_response_body_bytes_total", "", {"tenant"});
    reference.counter("scim_leniencies_used_total", "", {"leniency"});
    reference.counter("scim_faults_injected_total", "", {"kind"});

    for (int round = 0; round < 3; ++round) {
      for (const auto& e : exchanges) {
        current = &e;
        server::Request r;
        r.method = e.method;
        r.target = e.target;
        r.body = std::string(e.request_bytes, 'y');
        if (!e.tenant.empty()) r.headers["x-tenant"] = e.tenant;
        ASSERT_EQ(pipeline.handle(r).status, e.status);
        const std::string tenant = e.tenant.empty() ? "none" : e.tenant;
        requests.inc({tenant, e.method, e.type, std::to_string(e.status / 100) + "xx"});
        latency.observe({e.method, e.type}, 0.0);
        if (e.request_bytes > 0) request_bytes.inc({tenant}, e.request_bytes);
        if (e.response_bytes > 0) response_bytes.inc({tenant}, e.response_bytes);
      }
    }
    const std::string got = counted_samples(registry.expose());
    EXPECT_EQ(got, counted_samples(reference.expose())) << "series limit " << limit;
    EXPECT_EQ(got.find("scim_http_request_body_bytes_total{tenant=\"gamma\"}"), std::string::npos);
    if (limit == 3) {
      EXPECT_GT(registry.overflowed(), 0u);
    }
  }
}

TEST(MetricsMiddleware, InFlightReturnsToZeroAfterAnException) {
  MetricsRegistry registry;
  test::FunctionHandler throwing(
      [](const server::Request&) -> server::Response { throw std::runtime_error("bug"); });
  server::Pipeline pipeline(throwing);
  MetricsMiddleware layer(registry, {});
  pipeline.use(layer);
  server::Request r;
  r.method = "GET";
  EXPECT_THROW(pipeline.handle(r), std::runtime_error);
  EXPECT_EQ(layer.in_flight(), 0);
}

}  // namespace
}  // namespace scim::observe
