// Asynchronous requests (RFC 9967 §2.5.1, RFC 7240): Prefer parsing, the job
// table, and the runner's asyncresp SETs including the bulk txn suffixes.
#include <gtest/gtest.h>

#include "scim/protocol/urns.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/async/async_prefer.hpp"
#include "scim/server/async/async_runner.hpp"
#include "scim/server/testing/fake_service.hpp"

namespace scim::async {
namespace {

using bulk::BulkExecutor;
using bulk::BulkLimits;
using events::EventHub;
using events::FeedRegistry;
using events::FeedRegistryLimits;
using events::HubOptions;
using events::IssuedSet;
using events::JwsSigner;
using events::PushOutcome;
using events::PushTarget;
using events::PushTransport;

using namespace std::chrono_literals;

TEST(Prefer, Rfc7240RespondAsyncAndWait) {
  auto p = parse_prefer("respond-async, wait=10");
  EXPECT_TRUE(p.respond_async);
  EXPECT_EQ(p.wait, 10s);
  p = parse_prefer("Respond-Async; foo=bar");
  EXPECT_TRUE(p.respond_async);
  EXPECT_FALSE(p.wait);
  p = parse_prefer("return=minimal, wait=\"5\"");
  EXPECT_FALSE(p.respond_async);
  EXPECT_EQ(p.wait, 5s);
  EXPECT_FALSE(parse_prefer("respond-async, wait=-1").wait);
  EXPECT_FALSE(parse_prefer("respond-async, wait=99999999999999999999").wait);
  EXPECT_FALSE(parse_prefer("wait=abc").wait);
  EXPECT_FALSE(parse_prefer("").respond_async);
}

TEST(AsyncMode, ParsesCaseInsensitively) {
  EXPECT_EQ(parse_async_mode("LONG"), AsyncMode::Long);
  EXPECT_EQ(parse_async_mode("request"), AsyncMode::Request);
  EXPECT_EQ(parse_async_mode("none"), AsyncMode::None);
  EXPECT_FALSE(parse_async_mode("sometimes"));
}

TEST(AsyncJobs, TenantScopedLookupAndCompletion) {
  AsyncJobs jobs;
  auto txn = jobs.create("t1");
  ASSERT_TRUE(txn.ok());
  EXPECT_FALSE(jobs.find("t2", *txn));  // §5: another tenant cannot read the result
  auto view = jobs.find("t1", *txn);
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->completed);
  EXPECT_FALSE(jobs.wait(*txn, 10ms));
  AsyncOutcome out;
  out.response.status = 201;
  jobs.complete(*txn, out);
  EXPECT_TRUE(jobs.wait(*txn, 10ms));
  EXPECT_EQ(jobs.find("t1", *txn)->outcome->response.status, 201);
}

// A reset or deleted tenant's results are gone; a job still running completes into nothing.
TEST(AsyncJobs, ForgetTenantDropsOnlyItsJobs) {
  AsyncJobs jobs;
  auto mine = jobs.create("t1");
  auto theirs = jobs.create("t2");
  ASSERT_TRUE(mine.ok() && theirs.ok());
  jobs.forget_tenant("t1");
  EXPECT_FALSE(jobs.find("t1", *mine));
  EXPECT_TRUE(jobs.find("t2", *theirs));
  jobs.complete(*mine, AsyncOutcome{});
  EXPECT_FALSE(jobs.find("t1", *mine));
  EXPECT_EQ(jobs.size(), 1u);
}

TEST(AsyncJobs, FullOfPendingJobsIs503AndCompletedOnesAreEvicted) {
  std::chrono::steady_clock::time_point now{};
  AsyncJobs jobs({2, 60s}, [&] { return now; });
  auto a = jobs.create("t");
  auto b = jobs.create("t");
  ASSERT_TRUE(a.ok() && b.ok());
  auto c = jobs.create("t");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().status, 503);
  jobs.complete(*a, {});
  EXPECT_TRUE(jobs.create("t").ok());  // the completed job made room
  EXPECT_FALSE(jobs.find("t", *a));
  jobs.complete(*b, {});
  now += 61s;  // retention passed
  EXPECT_FALSE(jobs.find("t", *b));
}

class NullTransport : public PushTransport {
 public:
  PushOutcome post(const PushTarget&, const std::string&) override { return {202, "", ""}; }
};

struct RunnerFixture : ::testing::Test {
  server::testing::FakeService service;
  BulkExecutor bulk{service, BulkLimits{}};
  server::testing::FakeRoutes routes{service, bulk};
  NullTransport transport;
  FeedRegistry feeds{FeedRegistryLimits{}, transport};
  JwsSigner signer = JwsSigner::unsecured();
  EventHub hub{HubOptions{}, signer, feeds};

  server::Request request(std::string method, std::string path, nlohmann::json body) {
    server::Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = body.dump();
    r.base_url = "http://h/v2";
    r.principal.tenant = "t1";
    return r;
  }
  nlohmann::json claims(const IssuedSet& s) { return signer.verify(s.jwt)->claims; }
};

TEST_F(RunnerFixture, Figure14SingleRequestOutcomeAndSet) {
  auto out =
      run_async_request(request("POST", "/Users", {{"userName", "a"}}), "txn1", routes, &hub);
  EXPECT_EQ(out.response.status, 201);
  ASSERT_EQ(out.sets.size(), 1u);
  auto c = claims(out.sets[0]);
  EXPECT_EQ(c["txn"], "txn1");
  const auto& payload = c["events"][std::string(urn::event::kAsyncResponse)];
  EXPECT_EQ(payload["method"], "POST");
  EXPECT_EQ(payload["status"], "201");
  EXPECT_EQ(payload["version"], "W/\"1\"");
  EXPECT_EQ(c["sub_id"]["uri"], "/Users/r1");
  EXPECT_EQ(feeds.find("t1", "default")->queue().size(), 1u);
}

TEST_F(RunnerFixture, Figure15ErrorOutcomeCarriesResponse) {
  auto out =
      run_async_request(request("POST", "/Users", {{"userName", "fail"}}), "t", routes, &hub);
  const auto c = claims(out.sets[0]);
  const auto& payload = c["events"][std::string(urn::event::kAsyncResponse)];
  EXPECT_EQ(payload["status"], "400");
  EXPECT_EQ(payload["response"]["scimType"], "invalidValue");
  EXPECT_FALSE(payload.contains("location"));
}

TEST_F(RunnerFixture, Section2_5_1_2BulkEmitsOneSetPerOperationWithZeroBasedSuffix) {
  nlohmann::json body = {
      {"schemas", {std::string(urn::kBulkRequest)}},
      {"Operations",
       {{{"method", "POST"}, {"path", "/Users"}, {"bulkId", "a"}, {"data", {{"userName", "a"}}}},
        {{"method", "POST"}, {"path", "/Users"}, {"bulkId", "b"}, {"data", {{"userName", "b"}}}}}}};
  auto out = run_async_request(request("POST", "/Bulk", body), "T", routes, &hub);
  EXPECT_EQ(out.response.status, 200);
  ASSERT_EQ(out.sets.size(), 2u);
  EXPECT_EQ(claims(out.sets[0])["txn"], "T:0");
  EXPECT_EQ(claims(out.sets[1])["txn"], "T:1");
  EXPECT_EQ(claims(out.sets[1])["events"][std::string(urn::event::kAsyncResponse)]["bulkId"], "b");
}

TEST_F(RunnerFixture, RunnerCompletesJobsOnWorkerThreads) {
  AsyncJobs jobs;
  AsyncRunner runner(jobs, routes, &hub, {1, 4});
  auto txn = runner.submit(request("POST", "/Users", {{"userName", "z"}}));
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(jobs.wait(*txn, 5s));
  auto view = jobs.find("t1", *txn);
  ASSERT_TRUE(view && view->completed);
  EXPECT_EQ(view->outcome->response.status, 201);
  EXPECT_EQ(claims(view->outcome->sets[0])["txn"], *txn);
}

}  // namespace
}  // namespace scim::async
