// End to end over real HTTP with libcurl: the mock's fault injection (docs/mock.md) — latency,
// 500-504 with a probability and a seed, 429 with Retry-After, reset, close, truncation, "the
// next N", counters, removal, faults changing nothing they do not name — and tenant isolation:
// tenant A's token sees nothing of tenant B through resources, .search, bulk references, /Me or
// event feeds.
#include <algorithm>
#include <chrono>

#include "mock_e2e_support.hpp"
#include "scim/server/events/jws.hpp"

namespace scim::test {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

class MockFaults : public MockServer {
 protected:
  static void SetUpTestSuite() { start(); }

  void fault(const std::string& tenant_name, const json& spec) {
    auto r = admin("POST", "/tenants/" + tenant_name + "/faults", spec);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  json counters(const std::string& tenant_name, const std::string& id) {
    return admin("GET", "/tenants/" + tenant_name + "/faults/" + id).json();
  }
};

TEST_F(MockFaults, LatencyDelaysOnlyWhatItNames) {
  tenant("lat");
  fault("lat", {{"id", "slow"},
                {"type", "latency"},
                {"method", "GET"},
                {"path", "/Users"},
                {"delayMs", 400}});
  auto c = client_of("lat");
  auto t0 = Clock::now();
  EXPECT_EQ(c->get(scim_url("lat", "/Users")).status, 200);
  EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(400));
  t0 = Clock::now();
  EXPECT_EQ(c->get(scim_url("lat", "/Groups")).status, 200);  // not named: not delayed
  EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(400));
  EXPECT_EQ(counters("lat", "slow")["injected"], 1);
  auto j = journal("lat", "?path=/Users&kind=request");
  ASSERT_EQ(j["entries"].size(), 1u);
  EXPECT_EQ(j["entries"][0]["delayMs"], 400);
  EXPECT_NE(j["entries"][0]["fault"].get<std::string>().find("slow"), std::string::npos);
}

TEST_F(MockFaults, ErrorStatusWithSeededProbabilityIsReproducible) {
  tenant("prob");
  auto run = [&] {
    auto put =
        admin("PUT", "/tenants/prob/faults",
              {{"seed", 42},
               {"faults",
                {{{"id", "flaky"}, {"type", "error"}, {"status", 502}, {"probability", 0.5}}}}});
    EXPECT_EQ(put.status, 200) << put.body;
    std::string pattern;
    auto c = client_of("prob");
    for (int i = 0; i < 20; ++i) {
      auto r = c->get(scim_url("prob", "/Users"));
      if (r.status == 502) expect_scim_error(r, 502);
      pattern += r.status == 502 ? 'x' : '.';
    }
    return pattern;
  };
  const std::string first = run();
  EXPECT_EQ(run(), first);  // same seed, same sequence
  EXPECT_NE(first.find('x'), std::string::npos) << first;
  EXPECT_NE(first.find('.'), std::string::npos) << first;
  const auto hits = static_cast<int>(std::count(first.begin(), first.end(), 'x'));
  EXPECT_EQ(counters("prob", "flaky")["injected"], hits);
  EXPECT_EQ(counters("prob", "flaky")["matched"], 20);
}

TEST_F(MockFaults, RateLimitCarriesRetryAfterAndProcessesNothing) {
  tenant("rl");
  fault("rl", {{"id", "limit"},
               {"type", "rateLimit"},
               {"method", "POST"},
               {"retryAfterSeconds", 7},
               {"times", 1}});
  auto c = client_of("rl");
  auto limited = scim(*c, "POST", scim_url("rl", "/Users"), user("rate-limited"));
  expect_scim_error(limited, 429);
  EXPECT_EQ(limited.header("retry-after"), "7");
  EXPECT_EQ(c->get(scim_url("rl", "/Users")).json()["totalResults"], 0);  // not processed
  EXPECT_EQ(scim(*c, "POST", scim_url("rl", "/Users"), user("rate-limited")).status, 201);
  auto listed = admin("GET", "/tenants/rl/faults").json();
  EXPECT_EQ(listed["faults"][0]["remaining"], 0) << listed.dump();
}

TEST_F(MockFaults, FailTheNextNMatchingRequests) {
  tenant("next");
  fault("next",
        {{"id", "n3"}, {"type", "error"}, {"status", 503}, {"path", "/Users/**"}, {"times", 3}});
  auto c = client_of("next");
  std::string statuses;
  for (int i = 0; i < 5; ++i) {
    statuses += std::to_string(c->get(scim_url("next", "/Users/x" + std::to_string(i))).status);
    statuses += ' ';
  }
  EXPECT_EQ(statuses, "503 503 503 404 404 ");
  EXPECT_EQ(counters("next", "n3")["injected"], 3);
}

TEST_F(MockFaults, ResetCloseAndTruncateDropTheAnswer) {
  tenant("drop");
  const std::string id = create_user("drop", "dropped");
  fault("drop", {{"id", "rst"}, {"type", "reset"}, {"path", "/Groups"}, {"times", 1}});
  fault("drop", {{"id", "fin"}, {"type", "close"}, {"path", "/Schemas"}, {"times", 1}});
  fault("drop",
        {{"id", "cut"}, {"type", "truncate"}, {"path", "/Users/*"}, {"bytes", 10}, {"times", 1}});
  auto c = client_of("drop");
  auto reset = c->get(scim_url("drop", "/Groups"));
  EXPECT_EQ(reset.status, 0);
  EXPECT_FALSE(reset.error.empty());
  HttpClient fresh;
  fresh.set_bearer("drop-token");
  auto closed = fresh.get(scim_url("drop", "/Schemas"));
  EXPECT_EQ(closed.status, 0);
  EXPECT_EQ(closed.error, "Server returned nothing (no headers, no data)");
  HttpClient third;
  third.set_bearer("drop-token");
  auto cut = third.get(scim_url("drop", "/Users/" + id));
  EXPECT_EQ(cut.error, "Transferred a partial file");
  EXPECT_EQ(cut.body.size(), 10u);
  // Each fault fired once; the same requests now succeed.
  EXPECT_EQ(third.get(scim_url("drop", "/Users/" + id)).status, 200);
  EXPECT_EQ(third.get(scim_url("drop", "/Groups")).status, 200);
  auto j = journal("drop", "?path=/Groups&kind=request");
  ASSERT_EQ(j["entries"].size(), 2u);
  EXPECT_EQ(j["entries"][0]["response"]["status"], 0);  // nothing was answered
  EXPECT_NE(j["entries"][0]["fault"].get<std::string>().find("rst"), std::string::npos);
}

TEST_F(MockFaults, FaultsAreListedRemovedAndScopedToTheirTenant) {
  tenant("scoped");
  tenant("bystander");
  fault("scoped", {{"id", "all"}, {"type", "error"}, {"status", 500}});
  expect_scim_error(client_of("scoped")->get(scim_url("scoped", "/Users")), 500);
  EXPECT_EQ(client_of("bystander")->get(scim_url("bystander", "/Users")).status, 200);
  EXPECT_EQ(admin("GET", "/tenants/scoped/faults").json()["faults"].size(), 1u);
  // The admin API itself is never faulted.
  EXPECT_EQ(admin("GET", "/tenants/scoped").status, 200);
  ASSERT_EQ(admin("DELETE", "/tenants/scoped/faults/all").status, 204);
  expect_scim_error(admin("DELETE", "/tenants/scoped/faults/all"), 404);
  EXPECT_EQ(client_of("scoped")->get(scim_url("scoped", "/Users")).status, 200);
  fault("scoped", {{"id", "again"}, {"type", "error"}});
  ASSERT_EQ(admin("DELETE", "/tenants/scoped/faults").status, 204);
  EXPECT_EQ(client_of("scoped")->get(scim_url("scoped", "/Users")).status, 200);
}

// ---- Isolation: tenant A's token and tenant B's data.

class MockIsolation : public MockServer {
 protected:
  static void SetUpTestSuite() { start(); }
};

TEST_F(MockIsolation, TenantASeesNothingOfTenantB) {
  tenant("iso-b");
  const std::string b_user = create_user("iso-b", "b-only-user");
  tenant("iso-a", {{"tokens", {"iso-a-token", {{"token", "iso-a-me"}, {"subject", b_user}}}}});
  auto a = client_of("iso-a");

  // Resources, on A's base and on B's base with A's token.
  expect_scim_error(a->get(scim_url("iso-a", "/Users/" + b_user)), 404);
  expect_scim_error(a->get(scim_url("iso-b", "/Users/" + b_user)), 401);
  EXPECT_EQ(a->get(scim_url("iso-a", "/Users")).json()["totalResults"], 0);
  auto filtered = a->get(scim_url("iso-a", "/Users?filter=userName%20eq%20%22b-only-user%22"));
  EXPECT_EQ(filtered.json()["totalResults"], 0) << filtered.body;
  EXPECT_EQ(scim(*a, "PATCH", scim_url("iso-a", "/Users/" + b_user),
                 {{"schemas", {urn::kPatchOp}},
                  {"Operations", {{{"op", "replace"}, {"path", "active"}, {"value", false}}}}})
                .status,
            404);
  EXPECT_EQ(scim(*a, "DELETE", scim_url("iso-a", "/Users/" + b_user)).status, 404);

  // .search, per type and at the root.
  json search = {{"schemas", {urn::kSearchRequest}}, {"filter", "userName pr"}};
  EXPECT_EQ(scim(*a, "POST", scim_url("iso-a", "/Users/.search"), search).json()["totalResults"],
            0);
  EXPECT_EQ(scim(*a, "POST", scim_url("iso-a", "/.search"), search).json()["totalResults"], 0);

  // Bulk: a group in A naming B's user as a member is refused; nothing of B changes.
  json bulk = {{"schemas", {urn::kBulkRequest}},
               {"Operations",
                {{{"method", "POST"},
                  {"path", "/Groups"},
                  {"bulkId", "g"},
                  {"data",
                   {{"schemas", {urn::kGroup}},
                    {"displayName", "steal"},
                    {"members", {{{"value", b_user}}}}}}}}}};
  auto bulk_r = scim(*a, "POST", scim_url("iso-a", "/Bulk"), bulk);
  ASSERT_EQ(bulk_r.status, 200) << bulk_r.body;
  EXPECT_EQ(bulk_r.json()["Operations"][0]["status"], "400") << bulk_r.body;
  auto b = client_of("iso-b");
  EXPECT_FALSE(b->get(scim_url("iso-b", "/Users/" + b_user)).json().contains("groups"));

  // /Me: A's credential bound to B's user id resolves nothing in A.
  HttpClient me;
  me.set_bearer("iso-a-me");
  EXPECT_EQ(me.get(scim_url("iso-a", "/Me")).status, 404);

  // Event feeds: B's writes never reach A's feed; A's own do.
  const std::string a_user = create_user("iso-a", "a-user");
  auto poll = scim(*a, "POST", scim_url("iso-a", "/Feeds/default/poll"),
                   {{"maxEvents", 100}, {"returnImmediately", true}});
  ASSERT_EQ(poll.status, 200) << poll.body;
  auto signer = events::JwsSigner::hs256(kSigningKey);
  ASSERT_TRUE(signer.ok());
  bool saw_a = false;
  const json sets = poll.json()["sets"];
  for (const auto& [jti, set] : sets.items()) {
    auto decoded = signer->verify(set.get<std::string>());
    ASSERT_TRUE(decoded.ok());
    const std::string claims = decoded->claims.dump();
    EXPECT_EQ(claims.find(b_user), std::string::npos) << claims;
    saw_a = saw_a || claims.find(a_user) != std::string::npos;
  }
  EXPECT_TRUE(saw_a) << poll.body;
  // And the journal of A holds none of B's requests.
  EXPECT_EQ(journal("iso-a", "?path=/Users/" + b_user + "&kind=request")["entries"].size(), 3u);
  const json b_entries = journal("iso-b", "?kind=request&limit=1000")["entries"];
  ASSERT_FALSE(b_entries.empty());
  for (const auto& e : b_entries) {
    EXPECT_EQ(e["tenant"], "iso-b");
  }
}

}  // namespace
}  // namespace scim::test
