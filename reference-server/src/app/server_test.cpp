// The composed server, without sockets: the body limit the transport asks for per request.
#include "scim/server/app/server.hpp"

#include <gtest/gtest.h>

namespace scim::app {
namespace {

// RFC 7644 §3.7.4: the bulk route may take a larger body (maxPayloadSize) than other requests.
TEST(ReferenceServer, BulkGetsTheLargerBodyLimit) {
  ServerConfig config;
  config.http.limits.max_body_bytes = 100;
  config.http.limits.max_bulk_body_bytes = 5000;
  config.bulk.max_payload_bytes = 10;
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Bulk"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/bulk"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/tenants/acme/scim/v2/Bulk"), 5000u);
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Users"), 100u);
  EXPECT_EQ((*server)->body_limit("PUT", "/scim/v2/Bulk"), 100u);
  EXPECT_EQ((*server)->body_limit("POST", "/elsewhere/Bulk"), 100u);
}

// The HTTP limit for /Bulk never undercuts the advertised bulk maxPayloadSize.
TEST(ReferenceServer, BulkBodyLimitCoversMaxPayloadSize) {
  ServerConfig config;
  config.http.limits.max_body_bytes = 100;
  config.http.limits.max_bulk_body_bytes = 1000;
  config.bulk.max_payload_bytes = 50'000;
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_EQ((*server)->body_limit("POST", "/scim/v2/Bulk"), 50'000u);
}

TEST(ReferenceServer, ConfigurationProblemsAreMessages) {
  ServerConfig unknown_deviation;
  unknown_deviation.deviations = {"no-such-thing"};
  auto d = ReferenceServer::create(unknown_deviation);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().find("no-such-thing"), std::string::npos) << d.error();
  ServerConfig missing_schema;
  missing_schema.registry.schema_files = {"/nonexistent/schema.json"};
  EXPECT_FALSE(ReferenceServer::create(missing_schema).ok());
  ServerConfig bad_feed;
  bad_feed.events.receivers = {{"file:///etc/passwd", "", "default", "default"}};
  auto f = ReferenceServer::create(bad_feed);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.error().find("push receiver"), std::string::npos) << f.error();
}

}  // namespace
}  // namespace scim::app
