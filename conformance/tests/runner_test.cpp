// The runner end to end against a scripted target: capability skipping, --force-optional,
// cleanup after failures and exceptions, parallel jobs, interruption and the final sweep.
#include "scim/conformance/core/runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>

#include "fake_transport.hpp"
#include "scim/conformance/context.hpp"
#include "scim/conformance/tag.hpp"

namespace scim::conf {
namespace {

using testing::FakeTransport;
using testing::json_response;

class Recorder final : public RunObserver {
 public:
  void on_check_finished(const CheckResult& r, std::size_t, std::size_t) override {
    finished.push_back(r.info.id);
  }
  std::vector<std::string> finished;
};

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::script_discovery(fake_, {"patch", "filter"});
    fake_.on("POST", "/Users", [this](const HttpRequest& r) {
      auto body = nlohmann::json::parse(r.body);
      std::lock_guard lock(mutex_);
      body["id"] = "u" + std::to_string(++created_);
      return json_response(201, body.dump());
    });
    fake_.on("DELETE", "/Users/", 204);
    fake_.on("GET", "/Users?filter=", 200, R"({"Resources":[]})");
    options_.run_id = "feedf00d";
  }
  Section& section() {
    return catalog_.section(catalog_.spec("rfc7644", "RFC 7644"), "3.5.2", "PATCH");
  }
  void add(const std::string& slug, Level level, std::vector<std::string> caps, CheckFn fn,
           std::vector<std::string> depends_on = {}) {
    CheckInfo i;
    i.id = "rfc7644/3.5.2/" + slug;
    i.title = slug;
    i.requirement = "r";
    i.level = level;
    i.capabilities = std::move(caps);
    for (auto& d : depends_on) i.depends_on.push_back("rfc7644/3.5.2/" + d);
    catalog_.add(section(), i, std::move(fn));
  }
  RunResult run() {
    auto r = run_checks(catalog_, options_, client_, cancel_, recorder_);
    EXPECT_TRUE(r.ok());
    return std::move(*r);
  }
  const CheckResult& result(const RunResult& run, const std::string& slug) {
    for (const auto& r : run.results) {
      if (r.info.id == "rfc7644/3.5.2/" + slug) return r;
    }
    throw std::logic_error("no result " + slug);
  }

  FakeTransport fake_;
  Authenticator auth_{{"tok", "", {}, std::nullopt}, fake_};
  ScimClient client_{fake_, auth_, "https://t/scim/v2"};
  Catalog catalog_;
  RunOptions options_;
  CancelFlag cancel_;
  Recorder recorder_;
  std::mutex mutex_;
  int created_ = 0;
};

TEST_F(RunnerTest, UnadvertisedCapabilityIsSkippedWithReason) {
  bool ran = false;
  add("bulk-thing", Level::Must, {"bulk"}, [&](Context&) { ran = true; });
  const auto r = run();
  EXPECT_FALSE(ran);
  EXPECT_EQ(result(r, "bulk-thing").outcome, Outcome::Skipped);
  EXPECT_EQ(result(r, "bulk-thing").message, "target does not advertise: bulk");
  EXPECT_EQ(r.exit_code(), 0);
}

TEST_F(RunnerTest, ForceOptionalRunsThemAndFailuresOnlyWarn) {
  options_.force_optional = true;
  add("bulk-thing", Level::Must, {"bulk"}, [](Context& c) { c.fail("m", "e", "a"); });
  add("patch-thing", Level::Must, {"patch"}, [](Context& c) { c.fail("m", "e", "a"); });
  const auto r = run();
  EXPECT_EQ(result(r, "bulk-thing").outcome, Outcome::Warning);
  EXPECT_EQ(result(r, "patch-thing").outcome, Outcome::Failed);  // advertised: still a MUST
  EXPECT_EQ(r.exit_code(), 1);
}

TEST_F(RunnerTest, FixturesAreCleanedUpAfterFailureAndException) {
  add("fails", Level::Must, {}, [](Context& c) {
    c.create_user();
    c.create_user();
    c.fail("m", "e", "a");
  });
  add("throws", Level::Should, {}, [](Context& c) {
    c.create_user();
    throw std::runtime_error("bug in check");
  });
  const auto r = run();
  EXPECT_EQ(result(r, "fails").outcome, Outcome::Failed);
  EXPECT_EQ(result(r, "throws").outcome, Outcome::Error);
  const auto deletes = fake_.requests("DELETE");
  ASSERT_EQ(deletes.size(), 3u);
  EXPECT_EQ(deletes[0].url, "https://t/scim/v2/Users/u2");  // reverse order within the check
  EXPECT_EQ(deletes[1].url, "https://t/scim/v2/Users/u1");
  EXPECT_EQ(deletes[2].url, "https://t/scim/v2/Users/u3");
  EXPECT_TRUE(result(r, "fails").leftovers.empty());
}

TEST_F(RunnerTest, UndeletableFixturesAreReportedAsLeftovers) {
  fake_.on("DELETE", "/Users/", 500);
  add("creates", Level::Must, {}, [](Context& c) { c.create_user(); });
  const auto r = run();
  EXPECT_EQ(result(r, "creates").outcome, Outcome::Passed);
  EXPECT_EQ(result(r, "creates").leftovers, std::vector<std::string>{"https://t/scim/v2/Users/u1"});
}

TEST_F(RunnerTest, FinalSweepDeletesWhatChecksLeftBehind) {
  fake_.on("GET", "/Users?filter=", [](const HttpRequest& r) {
    // RFC 7644 §3.4.2.2: the sweep searches with "sw" on the run prefix. A target that ignores
    // the filter answers someone else's user too: only the run's own is deleted.
    EXPECT_NE(r.url.find("userName%20sw%20%22scimconf-feedf00d%22"), std::string::npos);
    return json_response(200, R"({"Resources":[{"id":"stray","userName":"scimconf-feedf00d-u"},
                                               {"id":"alice","userName":"alice"}]})");
  });
  fake_.on("DELETE", "/Users/stray", 500);
  add("noop", Level::Must, {}, [](Context&) {});
  const auto r = run();
  EXPECT_EQ(r.sweep_leftovers, std::vector<std::string>{"https://t/scim/v2/Users/stray"});
  for (const auto& d : fake_.requests("DELETE")) EXPECT_EQ(d.url.find("alice"), std::string::npos);
}

TEST_F(RunnerTest, WithoutFilterTheSweepListsAndMatchesThePrefixItself) {
  fake_.on("GET", "/ServiceProviderConfig", 200,
           R"({"patch":{"supported":true},"filter":{"supported":false}})");
  fake_.on("GET", "/Users?startIndex=1&count=100", 200,
           R"({"Resources":[{"id":"mine","userName":"scimconf-feedf00d-x"},
                            {"id":"alice","userName":"alice"}]})");
  add("noop", Level::Must, {}, [](Context&) {});
  const auto r = run();
  EXPECT_TRUE(r.sweep_leftovers.empty());
  const auto deletes = fake_.requests("DELETE");
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_EQ(deletes[0].url, "https://t/scim/v2/Users/mine");
  EXPECT_TRUE(fake_.requests("GET").size() >= 4u);
  // The run's transcript holds discovery and the sweep's requests.
  std::vector<std::string> urls;
  for (const auto& e : r.run_exchanges) urls.push_back(e.method + " " + e.url);
  EXPECT_EQ(urls.front(), "GET https://t/scim/v2/ServiceProviderConfig");
  EXPECT_NE(std::find(urls.begin(), urls.end(), "DELETE https://t/scim/v2/Users/mine"), urls.end());
  for (const auto& u : urls) EXPECT_EQ(u.find("filter="), std::string::npos) << u;
}

TEST_F(RunnerTest, KeepSkipsCleanupAndSweep) {
  options_.keep = true;
  add("creates", Level::Must, {}, [](Context& c) { c.create_user(); });
  run();
  EXPECT_TRUE(fake_.requests("DELETE").empty());
  for (const auto& req : fake_.requests("GET"))
    EXPECT_EQ(req.url.find("filter="), std::string::npos);
}

TEST_F(RunnerTest, ParallelJobsKeepCatalogOrderAndIsolateFixtures) {
  options_.jobs = 4;
  for (int i = 0; i < 20; ++i) {
    add("c" + std::to_string(i), Level::Must, {}, [](Context& c) {
      const auto u = c.create_user();
      c.expect(u["userName"].get<std::string>().starts_with("scimconf-feedf00d-"), "prefix", "",
               "");
    });
  }
  const auto r = run();
  ASSERT_EQ(r.results.size(), 20u);
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(r.results[i].info.id, "rfc7644/3.5.2/c" + std::to_string(i));
  EXPECT_EQ(r.count(Outcome::Passed), 20u);
  std::set<std::string> deleted;
  for (const auto& d : fake_.requests("DELETE")) deleted.insert(d.url);
  EXPECT_EQ(deleted.size(), 20u);
  EXPECT_EQ(recorder_.finished.size(), 20u);
}

TEST_F(RunnerTest, InterruptionStopsSchedulingAndStillCleansUp) {
  add("first", Level::Must, {}, [this](Context& c) {
    c.create_user();
    cancel_.request();  // as SIGINT would, mid-check
    c.get("/Users");    // the next request ends the check
  });
  add("second", Level::Must, {}, [](Context&) {});
  const auto r = run();
  EXPECT_TRUE(r.interrupted);
  EXPECT_EQ(result(r, "first").outcome, Outcome::Error);
  EXPECT_EQ(result(r, "second").outcome, Outcome::Skipped);
  EXPECT_EQ(fake_.requests("DELETE").size(), 1u);
}

TEST_F(RunnerTest, ResultCarriesRunMetadataAndTranscripts) {
  add("gets", Level::Must, {}, [](Context& c) {
    c.note("hello");
    c.get("/Users?filter=x");
  });
  const auto r = run();
  EXPECT_EQ(r.run_id, "feedf00d");
  EXPECT_EQ(r.target, "https://t/scim/v2");
  EXPECT_TRUE(r.capabilities["patch"].get<bool>());
  EXPECT_EQ(result(r, "gets").exchanges.size(), 1u);
  EXPECT_EQ(result(r, "gets").notes, std::vector<std::string>{"hello"});
  EXPECT_EQ(r.started_at.size(), 20u);
}

TEST_F(RunnerTest, UnreachableTargetFailsDiscovery) {
  FakeTransport down;
  down.on("GET", "/", [](const HttpRequest&) {
    HttpResponse r;
    r.transport_error = "Connection refused";
    return r;
  });
  Authenticator auth({"tok", "", {}, std::nullopt}, down);
  ScimClient client(down, auth, "https://t/scim/v2");
  const auto r = run_checks(catalog_, options_, client, cancel_, recorder_);
  ASSERT_FALSE(r.ok());
}

// Class 6 of issue 13: a prerequisite's failure is reported once; the checks built on it skip
// with "depends on <id>" and carry its ID as their cause, however long the chain.
TEST_F(RunnerTest, ChecksOfAFailedPrerequisiteSkipWithItsIdAsCause) {
  std::vector<std::string> ran;
  std::mutex m;
  auto mark = [&](const std::string& name) {
    std::lock_guard lock(m);
    ran.push_back(name);
  };
  // Registered before their prerequisite on purpose: the runner orders by dependency.
  add("third", Level::Must, {}, [&](Context&) { mark("third"); }, {"second"});
  add("second", Level::Must, {}, [&](Context&) { mark("second"); }, {"first"});
  add("first", Level::Must, {}, [&](Context& c) {
    mark("first");
    c.fail("GET /Schemas/{urn} answers a list", "a Schema", "a ListResponse");
  });
  add("independent", Level::Must, {}, [&](Context&) { mark("independent"); });
  options_.jobs = 3;
  const auto r = run();
  EXPECT_EQ(result(r, "first").outcome, Outcome::Failed);
  for (const char* slug : {"second", "third"}) {
    const auto& blocked = result(r, slug);
    EXPECT_EQ(blocked.outcome, Outcome::Skipped) << slug;
    EXPECT_EQ(blocked.cause, "rfc7644/3.5.2/first") << slug;
  }
  EXPECT_EQ(result(r, "second").message.rfind("depends on rfc7644/3.5.2/first, which failed", 0),
            0u);
  std::sort(ran.begin(), ran.end());
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "independent"}));
  EXPECT_EQ(r.results[0].info.id, "rfc7644/3.5.2/third") << "catalog order is kept";
  EXPECT_EQ(r.count(Outcome::Failed), 1u) << "one cause, one failure";
}

// A check that empties the target's rate limit (tag rate-limit) runs after every other, whatever
// its place in the catalog and however many jobs run: run beside the others, its burst made their
// requests meet 429s past their retries (runner.cpp, waves_of).
TEST_F(RunnerTest, RateLimitChecksRunAfterEveryOther) {
  std::vector<std::string> ran;
  std::mutex m;
  auto mark = [&](const std::string& name) {
    return [&, name](Context&) {
      std::lock_guard lock(m);
      ran.push_back(name);
    };
  };
  auto add_burst = [&](const std::string& slug) {
    CheckInfo i;
    i.id = "rfc7644/3.5.2/" + slug;
    i.title = slug;
    i.requirement = "r";
    i.level = Level::Must;
    i.tags = {std::string(tag::kRateLimit.name())};
    catalog_.add(section(), i, mark(slug));
  };
  add_burst("burst-users");
  for (int n = 0; n < 8; ++n) add("c" + std::to_string(n), Level::Must, {}, mark("c"));
  add("late", Level::Must, {}, mark("c"), {"c7"});
  add_burst("burst-groups");
  options_.jobs = 4;
  const auto r = run();
  EXPECT_EQ(r.count(Outcome::Passed), 11u);
  ASSERT_EQ(ran.size(), 11u);
  const std::set<std::string> last(ran.end() - 2, ran.end());
  EXPECT_EQ(last, (std::set<std::string>{"burst-users", "burst-groups"}));
  EXPECT_EQ(r.results.front().info.id, "rfc7644/3.5.2/burst-users") << "catalog order is kept";
}

TEST_F(RunnerTest, PassedOrUnselectedPrerequisitesLetTheCheckRun) {
  add("base", Level::Must, {}, [](Context&) {});
  add("built-on", Level::Must, {}, [](Context&) {}, {"base"});
  add("unselected-base", Level::Must, {}, [](Context& c) { c.fail("m", "e", "a"); });
  add("built-on-unselected", Level::Must, {}, [](Context&) {}, {"unselected-base"});
  options_.selection.exclude = {"rfc7644/3.5.2/unselected-base"};
  const auto r = run();
  EXPECT_EQ(result(r, "built-on").outcome, Outcome::Passed);
  EXPECT_EQ(result(r, "built-on-unselected").outcome, Outcome::Passed);
}

TEST_F(RunnerTest, AnInlineBlockedBySkipNamesItsCause) {
  add("probe", Level::Must, {}, [](Context& c) {
    c.blocked_by("rfc7644/3.4.2.2/sw-matches-prefix", "userName sw does not select the fixtures");
  });
  const auto r = run();
  EXPECT_EQ(result(r, "probe").outcome, Outcome::Skipped);
  EXPECT_EQ(result(r, "probe").cause, "rfc7644/3.4.2.2/sw-matches-prefix");
}

// Class 7: a target requiring more than RFC 7643 gets complete fixtures, and what the runner
// cannot fill is said once in the run's notes; failed fixtures share one cause.
TEST_F(RunnerTest, FixturesCarryTheTargetsRequiredAttributesAndProblemsAreSaidOnce) {
  nlohmann::json schemas = {{"Resources",
                             {{{"id", "urn:ietf:params:scim:schemas:core:2.0:User"},
                               {"attributes",
                                {{{"name", "userName"}, {"type", "string"}, {"required", true}},
                                 {{"name", "active"}, {"type", "boolean"}, {"required", true}},
                                 {{"name", "manager"},
                                  {"type", "reference"},
                                  {"referenceTypes", {"User"}},
                                  {"required", true}}}}}}}};
  fake_.on("GET", "/Schemas", 200, schemas.dump());
  fake_.on("POST", "/Users", 400, R"({"detail":"manager is required"})");
  add("a", Level::Must, {}, [](Context& c) { c.create_user(); });
  add("b", Level::Must, {}, [](Context& c) { c.create_user(); });
  const auto r = run();
  const auto posts = fake_.requests("POST");
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(posts[0].body)["active"], true);
  std::size_t manager_notes = 0;
  for (const auto& n : r.notes) manager_notes += n.find("User.manager") != std::string::npos;
  EXPECT_EQ(manager_notes, 1u);
  for (const char* slug : {"a", "b"}) {
    EXPECT_EQ(result(r, slug).outcome, Outcome::Error);
    EXPECT_EQ(result(r, slug).cause, "fixture:User");
  }
}

TEST(CatalogDependencies, UnknownPrerequisitesAndCyclesAreReported) {
  Catalog catalog;
  auto& sec = catalog.section(catalog.spec("rfc7644", "RFC 7644"), "3.6", "Delete");
  auto add = [&](const char* slug, std::vector<std::string> deps) {
    CheckInfo i;
    i.id = std::string("rfc7644/3.6/") + slug;
    i.title = slug;
    i.requirement = "r";
    i.depends_on = std::move(deps);
    catalog.add(sec, i, [](Context&) {});
  };
  add("a", {"rfc7644/3.6/b"});
  add("b", {"rfc7644/3.6/a"});
  add("c", {"rfc7644/3.6/nope"});
  const auto problems = catalog.dependency_problems();
  EXPECT_EQ(problems.size(), 3u);
  EXPECT_THROW(add("self", {"rfc7644/3.6/self"}), std::invalid_argument);
}

TEST(RunId, IsEightLowerHexAndRandom) {
  const auto a = make_run_id();
  EXPECT_EQ(a.size(), 8u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, make_run_id());
}

// draft-zollner-scim-interop-profile-01 §4: a target claiming the profile is judged by it without
// --profile, and each failure names the broken claim.
class InteropClaimTest : public RunnerTest {
 protected:
  void SetUp() override {
    const nlohmann::json spc = {
        {"schemas", {"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"}},
        {"patch", {{"supported", true}}},
        {"filter", {{"supported", true}}},
        {"interopProfileConformant", claim_}};
    RunnerTest::SetUp();
    fake_.on("GET", "/ServiceProviderConfig", 200, spc.dump());  // the latest route wins
  }
  void add_interop(const std::string& slug, CheckFn fn) {
    auto& s = catalog_.section(catalog_.spec("interop", "Interop", /*is_profile=*/true), "5.3",
                               "Attribute and Schema Handling");
    CheckInfo i;
    i.id = "interop/5.3/" + slug;
    i.title = slug;
    i.requirement = "r";
    catalog_.add(s, i, std::move(fn));
  }
  const CheckResult* find(const RunResult& run, const std::string& id) {
    for (const auto& r : run.results)
      if (r.info.id == id) return &r;
    return nullptr;
  }
  nlohmann::json claim_ = true;
};

TEST_F(InteropClaimTest, AClaimSelectsTheInteropChecksAndNamesTheClaim) {
  add("rfc-check", Level::Must, {}, [](Context&) {});
  add_interop("refused",
              [](Context& ctx) { ctx.fail("undefined attribute accepted", "400", "201"); });
  add_interop("fine", [](Context&) {});
  const auto r = run();
  EXPECT_EQ(r.profile, "interop");
  ASSERT_EQ(r.results.size(), 3u);
  const auto* refused = find(r, "interop/5.3/refused");
  ASSERT_NE(refused, nullptr);
  EXPECT_EQ(refused->outcome, Outcome::Failed);
  EXPECT_EQ(refused->message, "claims interop conformance, but undefined attribute accepted");
  EXPECT_EQ(find(r, "interop/5.3/fine")->outcome, Outcome::Passed);
  const bool noted = std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
    return n.find("interopProfileConformant: true") != std::string::npos;
  });
  EXPECT_TRUE(noted);
}

class InteropStringClaimTest : public InteropClaimTest {
 protected:
  void SetUp() override {
    claim_ = "true";  // a string is no claim: the attribute is a Boolean (§4)
    InteropClaimTest::SetUp();
  }
};

TEST_F(InteropStringClaimTest, WithoutABooleanClaimInteropRunsOnlyWithProfile) {
  add("rfc-check", Level::Must, {}, [](Context&) {});
  add_interop("refused",
              [](Context& ctx) { ctx.fail("undefined attribute accepted", "400", "201"); });
  auto r = run();
  EXPECT_EQ(r.profile, "");
  EXPECT_EQ(r.results.size(), 1u);
  options_.selection.profile = "interop";
  r = run();
  EXPECT_EQ(r.profile, "interop");
  ASSERT_EQ(r.results.size(), 2u);
  EXPECT_EQ(find(r, "interop/5.3/refused")->message, "undefined attribute accepted");
}

}  // namespace
}  // namespace scim::conf
