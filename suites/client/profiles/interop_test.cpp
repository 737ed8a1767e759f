// The interop profile's client checks (draft-zollner-scim-interop-profile-01 §5.4–§6.7), each on a
// client that breaks its rule and on one that keeps it: the breaking client fails exactly that
// check at the profile's MUST level, the keeping one passes it.
#include <gtest/gtest.h>

#include "../testing/session_builder.hpp"

namespace scim::suites::client {
namespace {

using namespace test_sessions;  // NOLINT(google-build-using-namespace): the test vocabulary

const json kReplaceNick = patch_of({{{"op", "replace"}, {"path", "nickName"}, {"value", "B"}}});

TEST(InteropClientChecks, UserAgentOnEveryRequest) {
  json bad = entry("GET", "/Users/1", nullptr, 200);
  bad["request"]["headers"].erase("user-agent");
  discriminates("interop", "client-interop/6.2/user-agent", bad,
                entry("GET", "/Users/1", nullptr, 200));
}

TEST(InteropClientChecks, ScimBodiesAreLabelledScimJson) {
  json bad = entry("POST", "/Users", kUser, 201);
  bad["request"]["headers"]["content-type"] = "application/json";
  discriminates("interop", "client-interop/6.2/content-type", bad,
                entry("POST", "/Users", kUser, 201));
}

TEST(InteropClientChecks, FiltersUseOnlyEqAndAnd) {
  const json good = entry(
      "GET",
      "/Users?filter=userName%20eq%20%22a%20or%20b%22%20and%20emails%5Btype%20eq%20%22work%22%5D",
      nullptr, 200);
  discriminates("interop", "client-interop/6.3/eq-and-only",
                entry("GET", "/Users?filter=userName%20co%20%22bjen%22", nullptr, 200), good);
  const auto run =
      grade(json::array({entry("GET", "/Users?filter=title%20pr%20or%20not%20(active%20eq%20true)",
                               nullptr, 200)}),
            {"interop"});
  EXPECT_EQ(result(run, "client-interop/6.3/eq-and-only").actual, "not, or, pr");
}

TEST(InteropClientChecks, UriFiltersOnlyOnGet) {
  discriminates("interop", "client-interop/6.3/filter-get-only",
                entry("PATCH", "/Users?filter=userName%20eq%20%22a%22", kReplaceNick, 200),
                entry("GET", "/Users?filter=userName%20eq%20%22a%22", nullptr, 200));
}

TEST(InteropClientChecks, UpdatesUsePatchNotPut) {
  discriminates("interop", "client-interop/6.5/no-put", entry("PUT", "/Users/1", kUser, 200),
                entry("PATCH", "/Users/1", kReplaceNick, 200));
}

TEST(InteropClientChecks, EveryPatchOperationHasAPath) {
  discriminates("interop", "client-interop/6.5.1.1/path-always",
                entry("PATCH", "/Users/1",
                      patch_of({{{"op", "replace"}, {"value", {{"nickName", "B"}}}}}), 200),
                entry("PATCH", "/Users/1", kReplaceNick, 200));
}

TEST(InteropClientChecks, FilteredPathsTargetASubAttribute) {
  discriminates("interop", "client-interop/6.5.2.2/filter-sub-attribute",
                entry("PATCH", "/Users/1",
                      patch_of({{{"op", "remove"}, {"path", "emails[type eq \"work\"]"}}}), 200),
                entry("PATCH", "/Users/1",
                      patch_of({{{"op", "replace"},
                                 {"path", "emails[type eq \"work\"].value"},
                                 {"value", "b@example.com"}}}),
                      200));
}

TEST(InteropClientChecks, NoConditionalHeaders) {
  json bad = entry("PATCH", "/Users/1", kReplaceNick, 200);
  bad["request"]["headers"]["if-match"] = "W/\"1\"";
  discriminates("interop", "client-interop/6.7/no-conditional-headers", bad,
                entry("PATCH", "/Users/1", kReplaceNick, 200));
  json none_match = entry("GET", "/Users/1", nullptr, 304);
  none_match["request"]["headers"]["If-None-Match"] = "W/\"1\"";
  EXPECT_EQ(result(grade(json::array({none_match}), {"interop"}),
                   "client-interop/6.7/no-conditional-headers")
                .outcome,
            conf::Outcome::Failed);
}

// A lenient server records "non-canonical-value" for a type outside canonicalValues; an RFC
// client may send one (RFC 7643 §2.3.1), a client of the profile may not.
TEST(InteropClientChecks, TypeValuesAreCanonical) {
  json bad = entry("POST", "/Users", kUser, 201);
  bad["leniencies"] = {"non-canonical-value"};
  discriminates("interop", "client-interop/5.4/canonical-type-values", bad,
                entry("POST", "/Users", kUser, 201));
  EXPECT_EQ(grade(json::array({bad})).exit_code(), 0) << "not a finding without the profile";
}

// The RFC's If-Match advice (a MAY) and the profile's ban disagree: a client of the profile is not
// warned for leaving If-Match out.
TEST(InteropClientChecks, TheProfileOverrulesTheIfMatchAdvice) {
  json get = entry("GET", "/Users/1", nullptr, 200);
  get["response"]["headers"]["etag"] = "W/\"1\"";
  const json session = json::array({get, entry("PATCH", "/Users/1", kReplaceNick, 200)});
  EXPECT_EQ(result(grade(session), "client-rfc7644/3.14/if-match").outcome, conf::Outcome::Warning);
  const auto run = grade(session, {"interop"});  // result() refers into it: keep it alive
  const auto& r = result(run, "client-rfc7644/3.14/if-match");
  EXPECT_EQ(r.outcome, conf::Outcome::Skipped);
  EXPECT_NE(r.message.find("client-interop/6.7/no-conditional-headers"), std::string::npos);
}

// The RFC's If-Match advice and the profile's ban disagree; each is graded by its own scope.
TEST(InteropClientChecks, TheProfileHasAVerdictOfItsOwn) {
  json patch = entry("PATCH", "/Users/1", kReplaceNick, 200);
  patch["request"]["headers"]["if-match"] = "W/\"1\"";
  const auto run = grade(json::array({patch}), {"interop"});
  EXPECT_EQ(run.exit_code(), 1);
  EXPECT_EQ(run.profile, "interop");
  EXPECT_EQ(run.count(conf::Outcome::Failed), 1u);
}

}  // namespace
}  // namespace scim::suites::client
