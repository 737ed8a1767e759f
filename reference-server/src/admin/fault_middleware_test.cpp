// The fault layer in a chain: what reaches the handler, what the client is answered, and what
// the transport is asked to do.
#include "scim/server/admin/fault_middleware.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/fake_handler.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;
using Action = server::Delivery::Action;

class FaultMiddlewareTest : public ::testing::Test {
 protected:
  FaultMiddlewareTest() : layer_(faults_), chain_(handler_) { chain_.use(layer_); }
  void add(const json& doc) {
    auto spec = parse_fault(doc, {});
    ASSERT_TRUE(spec.ok()) << doc.dump();
    ASSERT_TRUE(faults_.tenant("acme", true)->add(*spec, {}).ok());
  }
  server::Response call(const std::string& method, const std::string& path,
                        const std::string& tenant = "acme") {
    server::Request r;
    r.method = method;
    r.path = path;
    r.principal.tenant = tenant;
    return chain_.handle(r);
  }

  Faults faults_;
  FaultMiddleware layer_;
  test::FakeHandler handler_;
  server::Pipeline chain_;
};

TEST_F(FaultMiddlewareTest, ErrorsAnswerWithoutProcessing) {
  add({{"id", "down"}, {"type", "error"}, {"status", 503}, {"path", "/Users/**"}});
  auto r = call("GET", "/Users/1");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(json::parse(r.body)["schemas"][0], "urn:ietf:params:scim:api:messages:2.0:Error");
  EXPECT_EQ(r.notes.fault, "503 (fault down)");
  EXPECT_EQ(handler_.calls(), 0);
  EXPECT_EQ(call("GET", "/Groups").status, 200);  // a fault changes nothing it does not name
  EXPECT_EQ(call("GET", "/Users/1", "other").status, 200);  // nor another tenant
}

// RFC 6585 §4: 429 Too Many Requests, with Retry-After (RFC 9110 §10.2.3).
TEST_F(FaultMiddlewareTest, RateLimitCarriesRetryAfter) {
  add({{"type", "rateLimit"}, {"retryAfterSeconds", 3}});
  auto r = call("POST", "/Users");
  EXPECT_EQ(r.status, 429);
  ASSERT_NE(r.header("Retry-After"), nullptr);
  EXPECT_EQ(*r.header("Retry-After"), "3");
  EXPECT_EQ(handler_.calls(), 0);
}

TEST_F(FaultMiddlewareTest, DropsAreForTheTransportBeforeOrAfterProcessing) {
  add({{"type", "reset"}, {"method", "GET"}});
  add({{"type", "close"}, {"method", "POST"}, {"afterProcessing", true}});
  auto reset = call("GET", "/Users");
  EXPECT_EQ(reset.delivery.action, Action::Reset);
  EXPECT_EQ(reset.status, 0);
  EXPECT_EQ(handler_.calls(), 0);
  auto closed = call("POST", "/Users");
  EXPECT_EQ(closed.delivery.action, Action::Close);
  EXPECT_EQ(handler_.calls(), 1);  // processed, then the connection is closed unanswered
}

TEST_F(FaultMiddlewareTest, LatencyAndTruncationWrapTheRealAnswer) {
  add({{"type", "latency"}, {"delayMs", 150}});
  add({{"type", "truncate"}});
  auto r = call("GET", "/Users");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.delivery.delay.count(), 150);
  EXPECT_EQ(r.delivery.action, Action::Truncate);
  EXPECT_EQ(r.delivery.truncate_at, r.body.size() / 2);
  EXPECT_EQ(handler_.calls(), 1);
  EXPECT_NE(r.notes.fault.find("latency 150ms"), std::string::npos);
}

TEST_F(FaultMiddlewareTest, RequestsOutsideTheScimBasePassUntouched) {
  add({{"type", "error"}});
  server::Request admin;
  admin.method = "GET";
  admin.path = "/admin/v1/tenants";
  admin.scope = server::Scope::Root;
  EXPECT_EQ(chain_.handle(admin).status, 404);  // the fake handler's answer, no fault
  EXPECT_EQ(handler_.calls(), 1);
}

}  // namespace
}  // namespace scim::admin
