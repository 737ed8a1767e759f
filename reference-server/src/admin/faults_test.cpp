// Faults: their JSON checked member by member, their decisions in list order, "times", the seed
// that makes probabilities reproducible, and the counters.
#include "scim/server/admin/faults.hpp"

#include <gtest/gtest.h>

namespace scim::admin {
namespace {

using json = nlohmann::json;

FaultSpec spec(const json& doc) {
  auto f = parse_fault(doc, {});
  EXPECT_TRUE(f.ok()) << doc.dump() << ": " << (f.ok() ? "" : f.error().detail);
  return f.ok() ? *f : FaultSpec{};
}

TEST(FaultSpec, EveryKindRoundTrips) {
  for (const json& doc : std::vector<json>{{{"id", "slow"},
                                            {"type", "latency"},
                                            {"delayMs", 200},
                                            {"jitterMs", 50},
                                            {"method", "GET"},
                                            {"path", "/Users/**"},
                                            {"probability", 1.0}},
                                           {{"id", "e"},
                                            {"type", "error"},
                                            {"status", 502},
                                            {"method", "*"},
                                            {"path", "/**"},
                                            {"probability", 0.5},
                                            {"times", 3}},
                                           {{"id", "r"},
                                            {"type", "rateLimit"},
                                            {"retryAfterSeconds", 7},
                                            {"method", "*"},
                                            {"path", "/**"},
                                            {"probability", 1.0}},
                                           {{"id", "x"},
                                            {"type", "reset"},
                                            {"afterProcessing", true},
                                            {"method", "POST"},
                                            {"path", "/Users"},
                                            {"probability", 1.0}},
                                           {{"id", "t"},
                                            {"type", "truncate"},
                                            {"bytes", 10},
                                            {"method", "*"},
                                            {"path", "/**"},
                                            {"probability", 1.0}}}) {
    EXPECT_EQ(to_json(spec(doc)), doc);
  }
}

TEST(FaultSpec, MalformedFaultsNameWhatIsWrong) {
  for (const auto& [doc, word] : std::vector<std::pair<json, std::string>>{
           {{{"status", 503}}, "type"},
           {{{"type", "explode"}}, "explode"},
           {{{"type", "error"}, {"status", 501}}, "status"},
           {{{"type", "error"}, {"status", 404}}, "status"},
           {{{"type", "error"}, {"delayMs", 5}}, "delayMs"},
           {{{"type", "latency"}, {"delayMs", 60'001}}, "delayMs"},
           {{{"type", "latency"}, {"delayMs", 50'000}, {"jitterMs", 20'000}}, "jitterMs"},
           {{{"type", "error"}, {"probability", 1.5}}, "probability"},
           {{{"type", "error"}, {"times", 0}}, "times"},
           {{{"type", "error"}, {"method", "BREW"}}, "method"},
           {{{"type", "error"}, {"path", "Users"}}, "path"},
           {{{"type", "reset"}, {"afterProcessing", "yes"}}, "afterProcessing"},
           {json::array(), "object"}}) {
    auto f = parse_fault(doc, {});
    ASSERT_FALSE(f.ok()) << doc.dump();
    EXPECT_EQ(f.error().status, 400);
    EXPECT_NE(f.error().detail.find(word), std::string::npos) << f.error().detail;
  }
}

TEST(FaultSet, MatchesByMethodAndPathAndCountsHits) {
  FaultSet set;
  ASSERT_TRUE(
      set.add(spec({{"id", "e"}, {"type", "error"}, {"method", "POST"}, {"path", "/Users"}}), {})
          .ok());
  EXPECT_FALSE(set.decide("GET", "/Users").terminal);
  EXPECT_FALSE(set.decide("POST", "/Groups").terminal);
  auto d = set.decide("post", "/users");
  ASSERT_TRUE(d.terminal);
  EXPECT_EQ(d.terminal->status, 503);
  EXPECT_EQ(d.description, "503 (fault e)");
  auto listed = *set.find_json("e");
  EXPECT_EQ(listed["matched"], 1);
  EXPECT_EQ(listed["injected"], 1);
}

// "Fail the next N matching requests": then the fault stays listed, spent.
TEST(FaultSet, TimesLimitsTheFaultToTheNextNMatches) {
  FaultSet set;
  ASSERT_TRUE(set.add(spec({{"type", "error"}, {"times", 2}}), {}).ok());
  EXPECT_TRUE(set.decide("GET", "/Users").terminal);
  EXPECT_TRUE(set.decide("GET", "/Users").terminal);
  EXPECT_FALSE(set.decide("GET", "/Users").terminal);
  auto listed = set.to_json()["faults"][0];
  EXPECT_EQ(listed["id"], "f1");
  EXPECT_EQ(listed["remaining"], 0);
  EXPECT_EQ(listed["matched"], 3);
  EXPECT_EQ(listed["injected"], 2);
  set.reset_counters();
  EXPECT_EQ(set.to_json()["faults"][0]["remaining"], 2);
  EXPECT_TRUE(set.decide("GET", "/Users").terminal);
}

TEST(FaultSet, LatencyAddsUpAndTheFirstTerminalFaultDecides) {
  FaultSet set;
  ASSERT_TRUE(set.add(spec({{"type", "latency"}, {"delayMs", 100}}), {}).ok());
  ASSERT_TRUE(set.add(spec({{"type", "latency"}, {"delayMs", 20}}), {}).ok());
  ASSERT_TRUE(set.add(spec({{"type", "rateLimit"}}), {}).ok());
  ASSERT_TRUE(set.add(spec({{"type", "error"}}), {}).ok());
  auto d = set.decide("GET", "/Users");
  EXPECT_EQ(d.delay.count(), 120);
  ASSERT_TRUE(d.terminal);
  EXPECT_EQ(d.terminal->kind, FaultSpec::Kind::RateLimit);
  EXPECT_EQ(set.to_json()["faults"][3]["matched"], 0);  // never consulted
}

std::vector<bool> draws(FaultSet& set, int n) {
  std::vector<bool> out;
  for (int i = 0; i < n; ++i) out.push_back(set.decide("GET", "/Users").terminal.has_value());
  return out;
}

// A seed makes the probabilistic faults reproducible, and the probability is honoured.
TEST(FaultSet, ASeedMakesProbabilitiesReproducible) {
  auto make = [] {
    auto set = std::make_unique<FaultSet>();
    EXPECT_TRUE(set->add(spec({{"type", "error"}, {"probability", 0.3}}), {}).ok());
    set->set_seed(42);
    return set;
  };
  auto a = make();
  auto b = make();
  const auto first = draws(*a, 1000);
  EXPECT_EQ(first, draws(*b, 1000));
  const auto fired = std::count(first.begin(), first.end(), true);
  EXPECT_GT(fired, 240);  // 300 expected; a binomial(1000, 0.3) stays within about 4 sigma
  EXPECT_LT(fired, 360);
  a->reset_counters();  // restarts the sequence
  EXPECT_EQ(draws(*a, 1000), first);
  a->set_seed(43);
  EXPECT_NE(draws(*a, 1000), first);
}

TEST(FaultSet, IdsAreUniqueAndTheCountIsBounded) {
  FaultSet set;
  ASSERT_TRUE(set.add(spec({{"id", "f2"}, {"type", "close"}}), {}).ok());
  EXPECT_EQ(set.add(spec({{"id", "f2"}, {"type", "close"}}), {}).error().status, 409);
  EXPECT_EQ(set.add(spec({{"type", "close"}}), {})->id, "f1");
  EXPECT_EQ(set.add(spec({{"type", "close"}}), {})->id, "f3");  // f2 is taken
  FaultLimits one{.max_faults_per_tenant = 3};
  EXPECT_EQ(set.add(spec({{"type", "close"}}), one).error().status, 400);
  EXPECT_TRUE(set.remove("f2"));
  EXPECT_FALSE(set.remove("f2"));
}

}  // namespace
}  // namespace scim::admin
