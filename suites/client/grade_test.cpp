// The client catalogue on hand-written sessions: a clean client passes with no findings, each
// kind of evidence (the request, the server's leniency names, a strict refusal) finds its check,
// providers are named, timing is judged only by the retry checks, and every quoted requirement
// is a sentence of the spec its ID names.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "scim/suites/client/grading.hpp"
#include "testing/session_builder.hpp"

namespace scim::suites::client {
namespace {

using namespace test_sessions;  // NOLINT(google-build-using-namespace): the test vocabulary

json patch_body(const std::string& op) {
  return {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
          {"Operations", {{{"op", op}, {"path", "nickName"}, {"value", "B"}}}}};
}

TEST(ClientGrading, ACleanClientHasNoFindings) {
  json get = entry("GET", "/Users/1", nullptr, 200, 100);
  get["response"]["headers"]["etag"] = "W/\"1\"";
  json patch = entry("PATCH", "/Users/1", patch_body("replace"), 200, 200);
  patch["request"]["headers"]["if-match"] = "W/\"1\"";
  const auto run = grade(json::array(
      {entry("POST", "/Users", kUser, 201, 0), get, patch,
       entry("GET", "/Users?filter=userName%20eq%20%22bjensen%22", nullptr, 200, 300)}));
  EXPECT_EQ(run.count(conf::Outcome::Failed), 0u);
  EXPECT_EQ(run.count(conf::Outcome::Warning), 0u);
  EXPECT_EQ(run.exit_code(), 0);
  EXPECT_EQ(result(run, "client-rfc7644/3.5.2/op-values").outcome, conf::Outcome::Passed);
  EXPECT_EQ(result(run, "client-rfc7644/3.7/bulk-id").outcome, conf::Outcome::Skipped);
  EXPECT_EQ(result(run, "client-rfc7644/3.7/bulk-id").message, "no bulk request in this session");
}

// A plain RFC client is not graded for rules of a profile it never claimed: without "profiles" the
// verdict has no profile check and no profile verdict; with them it has each profile's checks.
TEST(ClientGrading, ProfileChecksRunOnlyWhenTheSessionAsksForTheProfile) {
  const json put = entry("PUT", "/Users/1", kUser, 200);
  const auto plain = grade(json::array({put}));
  EXPECT_FALSE(has_check(plain, "client-interop/6.5/no-put"));
  EXPECT_FALSE(has_check(plain, "client-ipsie-al1/3.1/bearer-token"));
  EXPECT_EQ(plain.profile, "");
  EXPECT_EQ(plain.exit_code(), 0);
  const auto interop = grade(json::array({put}), {"interop"});
  EXPECT_EQ(result(interop, "client-interop/6.5/no-put").outcome, conf::Outcome::Failed);
  EXPECT_FALSE(has_check(interop, "client-ipsie-al1/3.1/bearer-token"));
  EXPECT_EQ(interop.profile, "interop");
  const auto both = grade(json::array({put}), {"interop", "ipsie-al1"});
  EXPECT_EQ(result(both, "client-ipsie-al1/3.1/bearer-token").outcome, conf::Outcome::Passed);
  EXPECT_EQ(both.profile, "interop,ipsie-al1");
}

TEST(ClientGrading, TheRequestItselfIsEvidence) {
  json with_id = kUser;
  with_id["id"] = "mine";
  json no_type = entry("POST", "/Users", kUser, 201, 10);
  no_type["request"]["headers"].erase("content-type");
  const auto run = grade(json::array({entry("POST", "/Users", with_id, 201, 0), no_type,
                                      entry("PATCH", "/Users/1", patch_body("Replace"), 200, 20),
                                      entry("GET", "/Users?access_token=x", nullptr, 200, 30)}));
  const auto& id = result(run, "client-rfc7643/3.1/no-client-id");
  EXPECT_EQ(id.outcome, conf::Outcome::Failed);
  EXPECT_EQ(id.exchanges.size(), 1u);
  EXPECT_EQ(result(run, "client-rfc7644/3.5.2/op-values").outcome, conf::Outcome::Failed);
  EXPECT_EQ(result(run, "client-rfc7644/3.8/content-type").outcome, conf::Outcome::Warning);
  EXPECT_EQ(result(run, "client-rfc7644/7.5.2/no-secrets-in-uri").outcome, conf::Outcome::Warning);
  EXPECT_EQ(run.exit_code(), 1) << "MUST findings fail";
}

TEST(ClientGrading, LeniencyNamesAreFindingsThatNameTheProvider) {
  json e = entry("POST", "/Users", kUser, 201);
  e["leniencies"] = {"boolean-string", "attribute-name-case"};
  const auto run = grade(json::array({e}));
  const auto& r = result(run, "client-rfc7643/2.3.2/boolean-literal");
  ASSERT_EQ(r.outcome, conf::Outcome::Failed);
  EXPECT_NE(r.message.find("Entra ID sends this"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("the RFC says"), std::string::npos) << r.message;
  ASSERT_FALSE(run.notes.empty());
  EXPECT_NE(run.notes[0].find("recognised Entra ID quirks: boolean-string x1"), std::string::npos)
      << run.notes[0];
  for (const auto& c : run.results) {
    if (c.info.id != r.info.id) {
      EXPECT_NE(c.outcome, conf::Outcome::Failed) << c.info.id;
    }
  }
}

TEST(ClientGrading, StrictRefusalsAreFindings) {
  json e = entry("GET", "/Users?filter=userName%20eq%20bjensen", nullptr, 400);
  e["response"]["json"] = {{"scimType", "invalidFilter"}, {"detail", "unquoted"}};
  const auto run = grade(json::array({e}));
  const auto& r = result(run, "client-rfc7644/3.4.2.2/filter-grammar");
  EXPECT_EQ(r.outcome, conf::Outcome::Failed);
  EXPECT_NE(r.message.find("invalidFilter: unquoted"), std::string::npos) << r.message;
}

// RFC 7643 §2.3.1: a service provider MAY restrict a string to its canonicalValues, and a client
// MAY send others (§7). The strict server's refusal of "type": "Work" is no data-type finding; a
// wrong JSON type refused with the same scimType still is.
TEST(ClientGrading, ANonCanonicalValueRefusedByTheServerIsNoFinding) {
  json canonical = entry("POST", "/Users", json::object(), 400);
  canonical["response"]["json"] = {
      {"scimType", "invalidValue"},
      {"detail",
       "attribute 'emails.type' value \"Work\" is not one of its canonical values "
       "(work, home, other)"}};
  const auto excused = grade(json::array({canonical}));
  EXPECT_NE(result(excused, "client-rfc7643/2.3/data-types").outcome, conf::Outcome::Failed);

  json wrong_type = entry("POST", "/Users", json::object(), 400);
  wrong_type["response"]["json"] = {{"scimType", "invalidValue"},
                                    {"detail", "attribute 'active' must be a JSON boolean"}};
  const auto found = grade(json::array({wrong_type}));
  EXPECT_EQ(result(found, "client-rfc7643/2.3/data-types").outcome, conf::Outcome::Failed);
}

TEST(ClientGrading, RetryAfterIsJudgedWithItsTolerance) {
  auto throttled = [](std::int64_t at) {
    json e = entry("POST", "/Users", kUser, 429, at);
    e["response"]["headers"]["retry-after"] = "2";
    return e;
  };
  const auto early = grade(json::array({throttled(0), entry("POST", "/Users", kUser, 201, 1000)}));
  EXPECT_EQ(result(early, "client-rfc9110/10.2.3/retry-after").outcome, conf::Outcome::Warning);
  const auto late = grade(
      json::array({throttled(0), entry("POST", "/Users", kUser, 201, 2000 - kRetryToleranceMs)}));
  EXPECT_EQ(result(late, "client-rfc9110/10.2.3/retry-after").outcome, conf::Outcome::Passed);
  json hammering = json::array();
  for (int i = 0; i <= kMaxRetries + 1; ++i) hammering.push_back(throttled(i * 3000));
  EXPECT_EQ(result(grade(hammering), "client-rfc9110/10.2.3/bounded-retries").outcome,
            conf::Outcome::Warning);
}

std::string normalised(std::string text) {
  text = std::regex_replace(text, std::regex(R"(\n\S.*\[Page \d+\]\n+RFC \d+.*\n)"), "\n");
  return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

TEST(ClientCatalogue, IdsAreUniqueAndQuotesComeFromTheirSpec) {
  std::map<std::string, std::string> texts;
  for (const char* spec : {"rfc7643", "rfc7644"}) {
    std::ifstream in(std::string(SCIM_SPECS_DIR) + "/" + spec + ".txt");
    if (!in) GTEST_SKIP() << "no specs at " SCIM_SPECS_DIR;
    std::stringstream s;
    s << in.rdbuf();
    texts[spec] = normalised(s.str());
  }
  std::set<std::string> ids;
  for (const auto& info : client_catalogue()) {
    EXPECT_TRUE(ids.insert(info.id).second) << info.id;
    const std::string spec = info.id.substr(std::string("client-").size(), 7);
    if (texts.count(spec) == 0) continue;  // RFC 9110 is not in the spec folder
    EXPECT_NE(texts[spec].find(normalised(info.requirement)), std::string::npos) << info.id;
  }
  EXPECT_GE(ids.size(), 15u);
}

}  // namespace
}  // namespace scim::suites::client
