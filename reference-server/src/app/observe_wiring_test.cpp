// The operator's view as the composed server wires it: /ready follows the transport's life
// cycle, /metrics sees requests through the whole chain and the components' own numbers, and
// --metrics-auth admin puts /metrics behind the admin token.
#include <gtest/gtest.h>

#include <thread>

#include "scim/server/app/config.hpp"
#include "scim/server/app/server.hpp"

namespace scim::app {
namespace {

server::Request get(std::string target, std::string authorization = "") {
  server::Request r;
  r.method = "GET";
  r.target = std::move(target);
  if (!authorization.empty()) r.headers["authorization"] = std::move(authorization);
  return r;
}

TEST(ObserveWiring, ReadyOnlyWhileTheListenerAccepts) {
  ServerConfig config;
  config.http.bind = "127.0.0.1";
  config.http.port = 0;
  auto created = ReferenceServer::create(config);
  ASSERT_TRUE(created.ok()) << created.error();
  auto& server = **created;
  auto before = server.handler().handle(get("/ready"));
  EXPECT_EQ(before.status, 503);
  EXPECT_NE(before.body.find("not listening yet"), std::string::npos);
  ASSERT_TRUE(server.start().ok());
  EXPECT_EQ(server.handler().handle(get("/ready")).status, 200);
  std::thread running([&server] { server.run(); });
  server.stop();
  running.join();
  auto after = server.handler().handle(get("/ready"));
  EXPECT_EQ(after.status, 503);
  EXPECT_NE(after.body.find("shutting down"), std::string::npos);
  EXPECT_EQ(server.handler().handle(get("/health")).status, 200);  // liveness is unaffected
}

TEST(ObserveWiring, MetricsSeeRequestsAndStoredResources) {
  auto created = ReferenceServer::create(ServerConfig{});
  ASSERT_TRUE(created.ok()) << created.error();
  auto& handler = (*created)->handler();
  server::Request create;
  create.method = "POST";
  create.target = "/scim/v2/Users";
  create.headers["authorization"] = "Bearer secret";
  create.headers["content-type"] = "application/scim+json";
  create.body =
      R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen"})";
  ASSERT_EQ(handler.handle(create).status, 201);
  auto metrics = handler.handle(get("/metrics"));
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(*metrics.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(metrics.body.find("scim_http_requests_total{tenant=\"default\",method=\"POST\","
                              "resource_type=\"User\",status_class=\"2xx\"} 1\n"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("scim_resources{tenant=\"default\",resource_type=\"User\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("scim_journal_appended_total{tenant=\"default\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("scim_sets_issued_total 1\n"), std::string::npos);
}

TEST(ObserveWiring, MetricsBehindTheAdminToken) {
  ServerConfig config;
  config.auth.admin_tokens = {"admin-secret"};
  config.observe.metrics_auth = observe::MetricsAuth::Admin;
  auto created = ReferenceServer::create(config);
  ASSERT_TRUE(created.ok()) << created.error();
  auto& handler = (*created)->handler();
  EXPECT_EQ(handler.handle(get("/metrics")).status, 401);
  EXPECT_EQ(handler.handle(get("/metrics", "Bearer secret")).status, 403);  // a tenant's token
  EXPECT_EQ(handler.handle(get("/metrics", "Bearer admin-secret")).status, 200);
}

TEST(ObserveWiring, AdminMetricsNeedAnAdminToken) {
  ServerConfig config;
  config.observe.metrics_auth = observe::MetricsAuth::Admin;
  auto created = ReferenceServer::create(config);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error(), "--metrics-auth admin needs an --admin-token");
}

TEST(ObserveWiring, NoMetricsMeansNoRouteAndNoLayer) {
  ServerConfig config;
  config.observe.metrics = false;
  auto created = ReferenceServer::create(config);
  ASSERT_TRUE(created.ok()) << created.error();
  auto metrics = (*created)->handler().handle(get("/metrics"));
  EXPECT_EQ(metrics.status, 404) << metrics.body;
  EXPECT_EQ((*created)->handler().handle(get("/ready")).status, 503);  // /ready stays
}

TEST(ObserveWiring, FlagsAndConfigFileFillObserveOptions) {
  const char* argv[] = {"scim-reference-server",
                        "--admin-token",
                        "a",
                        "--metrics-auth",
                        "admin",
                        "--metrics-max-series",
                        "12"};
  auto parsed = parse_command_line(7, argv);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->observe.metrics_auth, observe::MetricsAuth::Admin);
  EXPECT_EQ(parsed->observe.limits.max_series_per_family, 12u);
  const char* off[] = {"scim-reference-server", "--no-metrics"};
  EXPECT_FALSE(parse_command_line(2, off)->observe.metrics);
  const char* bad[] = {"scim-reference-server", "--metrics-auth", "maybe"};
  EXPECT_EQ(parse_command_line(3, bad).error().code, 2);

  ServerConfig config;
  ASSERT_TRUE(apply_config_json({{"observe", {{"metrics", false}, {"metricsAuth", "admin"}}}},
                                config, "test")
                  .ok());
  EXPECT_FALSE(config.observe.metrics);
  EXPECT_EQ(config.observe.metrics_auth, observe::MetricsAuth::Admin);
  auto wrong = apply_config_json({{"observe", {{"metricsAuth", "everyone"}}}}, config, "test");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error(), "test: observe.metricsAuth: expected none or admin");
}

}  // namespace
}  // namespace scim::app
