// Every PATCH example of RFC 7644 §3.5.2.1–§3.5.2.3, by section, applied in strict mode.
#include "scim/server/engine/patch/patch.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::IsScimError;
using testing_support::kBabs;
using testing_support::kJames;
using Json = nlohmann::json;

class PatchRfcExamples : public testing_support::WriteTest {};

Json member(const char* id, const char* display) {
  return {{"display", display},
          {"$ref", std::string("https://example.com/v2/Users/") + id},
          {"value", id}};
}

// §3.5.2.1: add a member to a group.
TEST_F(PatchRfcExamples, Section_3_5_2_1_AddMemberToGroup) {
  auto r = apply_patch(
      tour_guides(),
      patch({{{"op", "add"}, {"path", "members"}, {"value", {member(kJames, "James Smith")}}}}),
      registry, group());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_TRUE(r->changed);
  ASSERT_EQ(r->resource["members"].size(), 2u);
  EXPECT_EQ(r->resource["members"][1]["value"], kJames);
  // "display" is readOnly on Group.members: ignored on input.
  EXPECT_FALSE(r->resource["members"][1].contains("display"));
}

// §3.5.2.1: "If the user was already a member of this group, no changes should be made".
TEST_F(PatchRfcExamples, Section_3_5_2_1_AddExistingMemberIsNoOp) {
  auto r = apply_patch(
      tour_guides(),
      patch({{{"op", "add"}, {"path", "members"}, {"value", {member(kBabs, "Babs Jensen")}}}}),
      registry, group());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->changed);
  EXPECT_EQ(r->resource, tour_guides());
}

// §3.5.2.1: add attributes without a path ("nickname" in any case resolves to nickName).
TEST_F(PatchRfcExamples, Section_3_5_2_1_AddWithoutPath) {
  auto r = apply_patch(bjensen(),
                       patch({{{"op", "add"},
                               {"value",
                                {{"emails", {{{"value", "babs@jensen.org"}, {"type", "home"}}}},
                                 {"nickname", "Babs"}}}}}),
                       registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["nickName"], "Babs");
  EXPECT_FALSE(r->resource.contains("nickname"));
  // The home email already existed with exactly these sub-attributes: not duplicated.
  EXPECT_EQ(r->resource["emails"].size(), 2u);
}

// §3.5.2.1: a new email is appended to the multi-valued attribute.
TEST_F(PatchRfcExamples, Section_3_5_2_1_AddWithoutPathAppendsNewEmail) {
  auto r = apply_patch(
      bjensen(),
      patch(
          {{{"op", "add"}, {"value", {{"emails", {{{"value", "b@x.org"}, {"type", "other"}}}}}}}}),
      registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["emails"].size(), 3u);
  EXPECT_EQ(r->resource["emails"][2]["value"], "b@x.org");
}

// §3.5.2.2: remove a single member.
TEST_F(PatchRfcExamples, Section_3_5_2_2_RemoveSingleMember) {
  auto r = apply_patch(
      tour_guides(),
      patch({{{"op", "remove"}, {"path", std::string("members[value eq \"") + kBabs + "\"]"}}}),
      registry, group());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_TRUE(r->changed);
  // "If no other values remain ... the multi-valued attribute SHALL be considered unassigned."
  EXPECT_FALSE(r->resource.contains("members"));
}

// §3.5.2.2: remove all members.
TEST_F(PatchRfcExamples, Section_3_5_2_2_RemoveAllMembers) {
  auto r = apply_patch(tour_guides(), patch({{{"op", "remove"}, {"path", "members"}}}), registry,
                       group());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->resource.contains("members"));
  EXPECT_EQ(r->resource["displayName"], "Tour Guides");
}

// §3.5.2.2: remove a value from a complex multi-valued attribute with a complex filter.
TEST_F(PatchRfcExamples, Section_3_5_2_2_RemoveWithComplexFilter) {
  auto r = apply_patch(bjensen(),
                       patch({{{"op", "remove"},
                               {"path", "emails[type eq \"work\" and value ew \"example.com\"]"}}}),
                       registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["emails"].size(), 1u);
  EXPECT_EQ(r->resource["emails"][0]["type"], "home");
}

// §3.5.2.2: remove and add a member in one request (note the RFC's `eq"` without a space).
TEST_F(PatchRfcExamples, Section_3_5_2_2_RemoveAndAddMember) {
  auto r = apply_patch(
      tour_guides(),
      patch({{{"op", "remove"}, {"path", std::string("members[value eq\"") + kBabs + "\"]"}},
             {{"op", "add"}, {"path", "members"}, {"value", {member(kJames, "James Smith")}}}}),
      registry, group());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["members"].size(), 1u);
  EXPECT_EQ(r->resource["members"][0]["value"], kJames);
}

// §3.5.2.2: replace all members with remove + add.
TEST_F(PatchRfcExamples, Section_3_5_2_2_ReplaceMembersWithRemoveThenAdd) {
  auto r = apply_patch(
      tour_guides(),
      patch({{{"op", "remove"}, {"path", "members"}},
             {{"op", "add"},
              {"path", "members"},
              {"value", {member(kBabs, "Babs Jensen"), member(kJames, "James Smith")}}}}),
      registry, group());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["members"].size(), 2u);
  EXPECT_EQ(r->resource["members"][0]["value"], kBabs);
  EXPECT_EQ(r->resource["members"][1]["value"], kJames);
}

// §3.5.2.3: replace all members in a single replace.
TEST_F(PatchRfcExamples, Section_3_5_2_3_ReplaceAllMembers) {
  auto r = apply_patch(
      tour_guides(),
      patch({{{"op", "replace"}, {"path", "members"}, {"value", {member(kJames, "James Smith")}}}}),
      registry, group());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["members"].size(), 1u);
  EXPECT_EQ(r->resource["members"][0]["value"], kJames);
}

// §3.5.2.3: replace the work address; "primary": true resets the other values' primary.
TEST_F(PatchRfcExamples, Section_3_5_2_3_ReplaceWorkAddressMovesPrimary) {
  const Json work = {{"type", "work"},
                     {"streetAddress", "911 Universal City Plaza"},
                     {"locality", "Hollywood"},
                     {"region", "CA"},
                     {"postalCode", "91608"},
                     {"country", "US"},
                     {"formatted", "911 Universal City Plaza\nHollywood, CA 91608 US"},
                     {"primary", true}};
  auto r = apply_patch(
      bjensen(),
      patch({{{"op", "replace"}, {"path", "addresses[type eq \"work\"]"}, {"value", work}}}),
      registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["addresses"][0], work);
  EXPECT_EQ(r->resource["addresses"][1]["primary"], false);
}

// §3.5.2.3: replace one sub-attribute of the values a filter selects.
TEST_F(PatchRfcExamples, Section_3_5_2_3_ReplaceStreetAddressOfWorkAddress) {
  auto r = apply_patch(bjensen(),
                       patch({{{"op", "replace"},
                               {"path", "addresses[type eq \"work\"].streetAddress"},
                               {"value", "1010 Broadway Ave"}}}),
                       registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["addresses"][0]["streetAddress"], "1010 Broadway Ave");
  EXPECT_EQ(r->resource["addresses"][0]["locality"], "Hollywood");
  EXPECT_EQ(r->resource["addresses"][1]["streetAddress"], "456 Hollywood Blvd");
}

// §3.5.2.3: replace all values of attributes without a path; others are unaffected.
TEST_F(PatchRfcExamples, Section_3_5_2_3_ReplaceWithoutPath) {
  const Json emails = {{{"value", "bjensen@example.com"}, {"type", "work"}, {"primary", true}},
                       {{"value", "babs@jensen.org"}, {"type", "home"}}};
  auto r = apply_patch(
      bjensen(),
      patch({{{"op", "replace"}, {"value", {{"emails", emails}, {"nickname", "Babs"}}}}}), registry,
      user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["emails"], emails);
  EXPECT_EQ(r->resource["nickName"], "Babs");
  EXPECT_EQ(r->resource["name"], bjensen()["name"]);
}

// §3.5.2: adding a URN-qualified attribute adds its schema URN to "schemas".
TEST_F(PatchRfcExamples, Section_3_5_2_UrnQualifiedAddListsExtension) {
  auto r = apply_patch(
      bjensen(),
      patch({{{"op", "add"},
              {"path", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"},
              {"value", "701984"}}}),
      registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource[std::string(urn::kEnterpriseUser)]["employeeNumber"], "701984");
  EXPECT_EQ(r->resource["schemas"], Json({urn::kUser, urn::kEnterpriseUser}));
}

// §3.5.2: removing the last extension attribute unlists the (optional) extension again.
TEST_F(PatchRfcExamples, Section_3_5_2_RemovingLastExtensionAttributeUnlistsIt) {
  const std::string path =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber";
  auto added = apply_patch(bjensen(), patch({{{"op", "add"}, {"path", path}, {"value", "7"}}}),
                           registry, user());
  ASSERT_TRUE(added.ok());
  auto removed =
      apply_patch(added->resource, patch({{{"op", "remove"}, {"path", path}}}), registry, user());
  ASSERT_TRUE(removed.ok()) << removed.error().detail;
  EXPECT_EQ(removed->resource, bjensen());
}

// §3.5.2: path-less value with an extension URN key and dotted names.
TEST_F(PatchRfcExamples, Section_3_5_2_PathlessValueWithUrnAndDottedKeys) {
  auto r = apply_patch(bjensen(),
                       patch({{{"op", "replace"},
                               {"value",
                                {{"name.givenName", "Babs"},
                                 {std::string(urn::kEnterpriseUser), {{"department", "Tour"}}}}}}}),
                       registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["name"]["givenName"], "Babs");
  EXPECT_EQ(r->resource["name"]["familyName"], "Jensen");
  EXPECT_EQ(r->resource[std::string(urn::kEnterpriseUser)]["department"], "Tour");
}

// §3.5.2.3: replacing a singular complex attribute leaves unspecified sub-attributes unchanged.
TEST_F(PatchRfcExamples, Section_3_5_2_3_ReplaceComplexMergesSubAttributes) {
  auto r = apply_patch(
      bjensen(), patch({{{"op", "replace"}, {"path", "name"}, {"value", {{"givenName", "B"}}}}}),
      registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["name"], Json({{"familyName", "Jensen"}, {"givenName", "B"}}));
}

// §3.5.2: setting primary on one value through a sub-attribute path clears the others.
TEST_F(PatchRfcExamples, Section_3_5_2_PrimaryOnOneValueClearsOthers) {
  auto r = apply_patch(
      bjensen(),
      patch({{{"op", "replace"}, {"path", "emails[type eq \"home\"].primary"}, {"value", true}}}),
      registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["emails"][0]["primary"], false);
  EXPECT_EQ(r->resource["emails"][1]["primary"], true);
}

// §3.5.2 + §3.10: a path-less value may use URN-qualified attribute names, core or extension.
TEST_F(PatchRfcExamples, Section_3_5_2_PathlessValueWithUrnQualifiedNames) {
  const std::string ext(urn::kEnterpriseUser);
  auto r = apply_patch(bjensen(),
                       patch({{{"op", "add"},
                               {"value",
                                {{ext + ":costCenter", "4130"},
                                 {std::string(urn::kUser) + ":title", "Tour Guide"}}}}}),
                       registry, user());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource[ext]["costCenter"], "4130");
  EXPECT_EQ(r->resource["title"], "Tour Guide");
  EXPECT_EQ(r->resource["schemas"], Json({urn::kUser, urn::kEnterpriseUser}));
}

}  // namespace
}  // namespace scim::engine
