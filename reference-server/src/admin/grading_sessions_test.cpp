// Grading sessions: only open sessions of the request's tenant record it; a session is bounded
// in requests (the rest counted) and in time; bad starts are refused and change nothing.
#include "scim/server/admin/grading_sessions.hpp"

#include <gtest/gtest.h>

namespace scim::admin {
namespace {

using json = nlohmann::json;

JournalEntry request_of(const std::string& tenant, const std::string& path) {
  JournalEntry e;
  e.tenant = tenant;
  e.method = "GET";
  e.path = path;
  e.target = "/scim/v2" + path;
  e.time = std::chrono::system_clock::now();
  return e;
}

TEST(GradingSessions, RecordOnlyTheTenantsRequestsWhileOpen) {
  GradingSessions s;
  ASSERT_TRUE(s.start("a", {{"name", "run1"}}).ok());
  s.record(request_of("a", "/Users"));
  s.record(request_of("b", "/Users"));
  JournalEntry audit = request_of("a", "/");
  audit.kind = JournalEntry::Kind::Audit;
  s.record(audit);
  auto ended = s.end("a", "run1");
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ((*ended)["state"], "ended");
  s.record(request_of("a", "/Groups"));
  auto doc = s.get("a", "run1", true);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ((*doc)["entries"].size(), 1u);
  EXPECT_EQ((*doc)["entries"][0]["request"]["path"], "/Users");
  EXPECT_TRUE((*doc)["entries"][0].contains("epochMs"));
}

std::size_t recorded(const GradingSessions& s, const std::string& tenant, const std::string& name) {
  auto doc = s.get(tenant, name, true);
  return doc.ok() ? (*doc)["entries"].size() : 0;
}

// record() skips its lock while no tenant holds sessions: sessions started after tenants came
// and went, and a tenant's removal beside another's sessions, still see every request.
TEST(GradingSessions, RecordSeesSessionsStartedAndKeptAcrossTenantChanges) {
  GradingSessions s;
  s.record(request_of("a", "/Users"));  // no session anywhere yet
  ASSERT_TRUE(s.start("a", {{"name", "run1"}}).ok());
  s.record(request_of("a", "/Users"));
  EXPECT_EQ(recorded(s, "a", "run1"), 1u);
  s.remove_tenant("a");
  s.record(request_of("a", "/Users"));
  ASSERT_TRUE(s.start("a", {{"name", "run2"}}).ok());
  ASSERT_TRUE(s.start("b", {{"name", "run1"}}).ok());
  s.remove_tenant("a");
  s.record(request_of("b", "/Users"));
  s.record(request_of("b", "/Groups"));
  EXPECT_EQ(recorded(s, "b", "run1"), 2u);
  s.remove_tenant("b");
  ASSERT_TRUE(s.start("a", {{"name", "run3"}}).ok());
  s.record(request_of("a", "/Groups"));
  EXPECT_EQ(recorded(s, "a", "run3"), 1u);
}

TEST(GradingSessions, BoundedInRequestsAndTime) {
  GradingSessions s;
  ASSERT_TRUE(s.start("a", {{"name", "small"}, {"maxRequests", 2}}).ok());
  for (int i = 0; i < 5; ++i) s.record(request_of("a", "/Users"));
  auto doc = s.get("a", "small", false);
  EXPECT_EQ((*doc)["requests"], 2);
  EXPECT_EQ((*doc)["dropped"], 3);
  ASSERT_TRUE(s.start("a", {{"name", "short"}, {"maxSeconds", 1}}).ok());
  JournalEntry late = request_of("a", "/Users");
  late.time += std::chrono::seconds(2);
  s.record(late);
  EXPECT_EQ((*s.get("a", "short", false))["requests"], 0);
}

TEST(GradingSessions, BadStartsAreRefusedAndChangeNothing) {
  GradingSessions s(SessionLimits{.max_sessions = 1});
  for (const json& bad :
       {json{{"name", ""}}, json{{"name", "a/b"}}, json{{"nom", "x"}},
        json{{"name", "x"}, {"maxRequests", 0}}, json{{"name", "x"}, {"maxSeconds", 999999}},
        json("x"), json{{"name", "x"}, {"profiles", "interop"}},
        json{{"name", "x"}, {"profiles", {"interop", "oidc"}}}}) {
    auto r = s.start("a", bad);
    ASSERT_FALSE(r.ok()) << bad.dump();
    EXPECT_EQ(r.error().status, 400) << bad.dump();
  }
  EXPECT_TRUE(s.list("a")["sessions"].empty());
  ASSERT_TRUE(s.start("a", {{"name", "x"}}).ok());
  EXPECT_EQ(s.start("a", {{"name", "x"}}).error().status, 409);
  EXPECT_EQ(s.start("a", {{"name", "y"}}).error().status, 409) << "at most max_sessions";
  EXPECT_EQ(s.get("a", "nope", false).error().status, 404);
  EXPECT_EQ(s.end("b", "x").error().status, 404);
  ASSERT_TRUE(s.remove("a", "x").ok());
  EXPECT_FALSE(s.remove("a", "x").ok());
}

// "profiles" names the published profiles whose client checks the verdict adds; the description
// says which, without duplicates, and none by default.
TEST(GradingSessions, AProfileSessionNamesItsProfiles) {
  GradingSessions s;
  auto r = s.start("a", {{"name", "p"}, {"profiles", {"interop", "ipsie-al1", "interop"}}});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ((*r)["profiles"], json({"interop", "ipsie-al1"}));
  EXPECT_EQ((*s.start("a", {{"name", "plain"}}))["profiles"], json::array());
  EXPECT_EQ(*GradingSessions::profiles_of(json::array()), std::vector<std::string>{});
  EXPECT_FALSE(GradingSessions::profiles_of(json::array({""})).ok()) << "an empty name";
  auto bad = s.start("a", {{"name", "q"}, {"profiles", {"oidc"}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().detail.find("interop, ipsie-al1"), std::string::npos) << bad.error().detail;
}

}  // namespace
}  // namespace scim::admin
