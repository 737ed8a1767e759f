// The metrics layer counts and times what passes through it, with bounded labels.
#include "scim/server/observe/metrics_middleware.hpp"

#include <gtest/gtest.h>

#include <functional>

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
