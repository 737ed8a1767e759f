// The IPSIE AL1 profile's client checks (§3.1 bearer token, §3.2.3.5 membership shapes), each on a
// client that breaks its rule and on one that keeps it; Entra ID's documented member PATCH
// ("op": "Add"/"Remove" with a value on remove) breaks two of them.
#include <gtest/gtest.h>

#include "../testing/session_builder.hpp"

namespace scim::suites::client {
namespace {

using namespace test_sessions;  // NOLINT(google-build-using-namespace): the test vocabulary

json group_patch(json operations) {
  return entry("PATCH", "/Groups/g1", patch_of(std::move(operations)), 204);
}

const json kAddOne = {{"op", "add"}, {"path", "members"}, {"value", {{{"value", "u1"}}}}};
const json kRemoveOne = {{"op", "remove"}, {"path", "members[value eq \"u1\"]"}};

TEST(IpsieClientChecks, EveryRequestCarriesABearerToken) {
  json basic = entry("GET", "/Users/1", nullptr, 200);
  basic["request"]["headers"]["authorization"] = "Basic [redacted]";
  discriminates("ipsie-al1", "client-ipsie-al1/3.1/bearer-token", basic,
                entry("GET", "/Users/1", nullptr, 200));
  json none = entry("GET", "/Users/1", nullptr, 401);
  none["request"]["headers"].erase("authorization");
  EXPECT_EQ(result(grade(json::array({none}), {"ipsie-al1"}), "client-ipsie-al1/3.1/bearer-token")
                .outcome,
            conf::Outcome::Failed);
}

TEST(IpsieClientChecks, MembershipOpsAreAddOrRemove) {
  discriminates("ipsie-al1", "client-ipsie-al1/3.2.3.5/member-op",
                group_patch({{{"op", "replace"}, {"path", "members"}, {"value", json::array()}}}),
                group_patch({kAddOne, kRemoveOne}));
  discriminates("ipsie-al1", "client-ipsie-al1/3.2.3.5/member-op",
                group_patch({{{"op", "Add"}, {"path", "members"}, {"value", {{{"value", "u1"}}}}}}),
                group_patch(json::array({kAddOne})));
}

TEST(IpsieClientChecks, MemberAddsUseThePathMembers) {
  discriminates("ipsie-al1", "client-ipsie-al1/3.2.3.5/add-members-path",
                group_patch({{{"op", "add"}, {"value", {{"members", {{{"value", "u1"}}}}}}}}),
                group_patch(json::array({kAddOne})));
}

TEST(IpsieClientChecks, MemberAddsListMembersByValue) {
  discriminates("ipsie-al1", "client-ipsie-al1/3.2.3.5/add-members-value",
                group_patch({{{"op", "add"}, {"path", "members"}, {"value", {{"value", "u1"}}}}}),
                group_patch(json::array({kAddOne})));
}

TEST(IpsieClientChecks, MemberRemovesTargetAllOrOneMember) {
  discriminates("ipsie-al1", "client-ipsie-al1/3.2.3.5/remove-members-path",
                group_patch({{{"op", "remove"}, {"path", "members[display eq \"Babs\"]"}}}),
                group_patch({kRemoveOne, {{"op", "remove"}, {"path", "members"}}}));
}

TEST(IpsieClientChecks, MemberRemovesCarryNoValue) {
  discriminates(
      "ipsie-al1", "client-ipsie-al1/3.2.3.5/remove-members-no-value",
      group_patch({{{"op", "remove"}, {"path", "members"}, {"value", {{{"value", "u1"}}}}}}),
      group_patch(json::array({kRemoveOne})));
}

// Renaming a group is no membership change: the membership checks skip it.
TEST(IpsieClientChecks, OtherGroupPatchesAreNotMembershipChanges) {
  const auto run = grade(
      json::array({group_patch({{{"op", "replace"}, {"path", "displayName"}, {"value", "X"}}})}),
      {"ipsie-al1"});
  const auto& r = result(run, "client-ipsie-al1/3.2.3.5/member-op");
  EXPECT_EQ(r.outcome, conf::Outcome::Skipped);
  EXPECT_EQ(r.message, "no group membership change in this session");
}

}  // namespace
}  // namespace scim::suites::client
