// Prefer: respond-async as a layer in front of a service (RFC 9967 §2.5.1.1, §3),
// and the outcome endpoint GET /AsyncResults/{txn}.
#include "scim/server/async/async_middleware.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/fake_service.hpp"

namespace scim::async {
namespace {

using namespace std::chrono_literals;
using server::Request;
using server::Response;

struct AsyncFixture : ::testing::Test {
  server::testing::FakeService service;
  bulk::BulkExecutor bulk{service, bulk::BulkLimits{}};
  AsyncJobs jobs;
  server::testing::FakeRoutes routes{service, bulk};
  AsyncRunner runner{jobs, routes, nullptr, {1, 8}};

  // The layer in a chain of its own, in front of the fake service.
  struct Front {
    Front(AsyncFixture& f, AsyncMode mode)
        : layer(f.jobs, f.runner,
                {.mode = mode, .default_wait = 5s, .max_wait = 30s, .jobs = {}, .runner = {}}),
          chain(f.routes) {
      chain.use(layer);
    }
    Response handle(const Request& r) { return chain.handle(r); }
    AsyncMiddleware layer;
    server::Pipeline chain;
  };

  Request req(std::string method, std::string path, std::string prefer = "respond-async",
              std::string tenant = "t1") {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = R"({"userName":"a"})";
    if (!prefer.empty()) r.headers["prefer"] = prefer;
    r.principal.tenant = std::move(tenant);
    r.base_url = "http://h/v2";
    return r;
  }
  // GET {Location}: the route /AsyncResults/{txn}.
  Response fetch(const std::string& location, std::string tenant = "t1") {
    const std::string prefix = "http://h/v2/AsyncResults/";
    EXPECT_EQ(location.rfind(prefix, 0), 0u) << location;
    Request r = req("GET", location.substr(std::string("http://h/v2").size()), "", tenant);
    return async_result(jobs, r, location.substr(prefix.size()));
  }
};

TEST_F(AsyncFixture, Figure13RequestModeAnswers202ThenOutcomeIsFetchable) {
  Front front(*this, AsyncMode::Request);
  auto r = front.handle(req("POST", "/Users"));
  ASSERT_EQ(r.status, 202);
  EXPECT_TRUE(r.body.empty());  // "MUST contain no response body"
  ASSERT_TRUE(r.header("Set-Txn"));
  EXPECT_EQ(*r.header("Preference-Applied"), "respond-async");
  const std::string location = *r.header("Location");
  EXPECT_EQ(location, "http://h/v2/AsyncResults/" + *r.header("Set-Txn"));
  ASSERT_TRUE(jobs.wait(*r.header("Set-Txn"), 5s));
  auto outcome = fetch(location);
  ASSERT_EQ(outcome.status, 200) << outcome.body;
  auto body = nlohmann::json::parse(outcome.body);
  EXPECT_EQ(body["state"], "completed");
  EXPECT_EQ(body["status"], "201");
  EXPECT_EQ(body["operations"][0]["status"], "201");
  EXPECT_EQ(fetch(location, "t2").status, 404);  // §5: another tenant cannot read it
}

TEST_F(AsyncFixture, LongModeAnswersSynchronouslyWhenWorkFinishesInTime) {
  Front front(*this, AsyncMode::Long);
  auto r = front.handle(req("POST", "/Users", "respond-async, wait=5"));
  EXPECT_EQ(r.status, 201);
}

TEST_F(AsyncFixture, WithoutPreferOrInNoneModeRequestsAreSynchronous) {
  Front request_mode(*this, AsyncMode::Request);
  EXPECT_EQ(request_mode.handle(req("POST", "/Users", "")).status, 201);
  EXPECT_EQ(request_mode.handle(req("POST", "/Users", "return=minimal")).status, 201);
  Front none(*this, AsyncMode::None);
  auto r = none.handle(req("POST", "/Users"));
  EXPECT_EQ(r.status, 201);
  EXPECT_FALSE(r.header("Preference-Applied"));
}

// §2.5.1: the write done for an async request carries its Set-Txn, so its provisioning SETs
// share the asyncresp SET's "txn"; bulk operations get the per-operation suffix.
TEST_F(AsyncFixture, AsyncWritesCarryTheirSetTxn) {
  Front front(*this, AsyncMode::Request);
  auto r = front.handle(req("POST", "/Users"));
  ASSERT_EQ(r.status, 202);
  const std::string txn = *r.header("Set-Txn");
  ASSERT_TRUE(jobs.wait(txn, 5s));
  Request bulk_req = req("POST", "/Bulk");
  bulk_req.body = R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
    "Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"b1"}},
                  {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"b2"}}]})";
  auto b = front.handle(bulk_req);
  ASSERT_EQ(b.status, 202);
  const std::string bulk_txn = *b.header("Set-Txn");
  ASSERT_TRUE(jobs.wait(bulk_txn, 5s));
  std::lock_guard lock(service.mu);
  ASSERT_EQ(service.txns.size(), 3u);
  EXPECT_EQ(service.txns[0], txn);
  EXPECT_EQ(service.txns[1], bulk::bulk_operation_txn(bulk_txn, 0));
  EXPECT_EQ(service.txns[2], bulk::bulk_operation_txn(bulk_txn, 1));
  EXPECT_NE(txn, bulk_txn);
}

TEST_F(AsyncFixture, UnknownTxnIs404) {
  EXPECT_EQ(fetch("http://h/v2/AsyncResults/nope").status, 404);
}

}  // namespace
}  // namespace scim::async
