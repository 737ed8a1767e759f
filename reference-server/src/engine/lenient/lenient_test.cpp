// Lenient mode (docs/lenient.md): the documented Entra ID and Okta PATCH shapes through the front
// door (pre-pass, then the strict engine), each leniency reported by name, and the same requests
// refused in strict mode.
#include "scim/server/engine/lenient/lenient.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine::lenient {
namespace {

using testing_support::IsScimError;
using testing_support::kBabs;
using testing_support::kGroupId;
using Json = nlohmann::json;

const std::string kManager = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";

bool used(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

class Lenient : public testing_support::WriteTest {
 protected:
  const Mode lenient = Mode::Lenient;
  const Mode strict = Mode::Strict;
  Result<Patched> user_op(Json op, Mode mode) {
    return apply_patch(bjensen(), patch(Json::array({op})), registry, user(), mode);
  }
  Result<Patched> group_op(Json op, Mode mode) {
    return apply_patch(tour_guides(), patch(Json::array({op})), registry, group(), mode);
  }
};

// Strict mode grants nothing (patch_rewrite_test.cpp: the pre-pass passes requests through); a
// request reports each leniency once, sorted.
TEST(LeniencyLog, RecordsEachNameOnceSorted) {
  LeniencyLog log;
  EXPECT_TRUE(log.names().empty());
  log.record(kOpCase);
  log.record(kBooleanString);
  log.record(kOpCase);
  EXPECT_EQ(log.names(), (std::vector<std::string>{"boolean-string", "op-case"}));
}

// Entra ID: {"op":"Replace","path":"active","value":"False"}.
TEST_F(Lenient, EntraReplaceActiveWithStringBoolean) {
  const Json op = {{"op", "Replace"}, {"path", "active"}, {"value", "False"}};
  auto r = user_op(op, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["active"], false);
  EXPECT_TRUE(used(r->leniencies_used, "op-case"));
  EXPECT_TRUE(used(r->leniencies_used, "boolean-string"));
  EXPECT_TRUE(IsScimError(user_op(op, strict), 400, ScimType::InvalidSyntax));
}

// Entra ID: member removal by value filter (standard, so strict accepts it too).
TEST_F(Lenient, EntraRemoveMemberByFilter) {
  const Json op = {{"op", "Remove"}, {"path", std::string("members[value eq \"") + kBabs + "\"]"}};
  auto r = group_op(op, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->resource.contains("members"));
}

// Entra ID: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes only that member.
TEST_F(Lenient, EntraRemoveMemberByValueArray) {
  auto two =
      apply_patch(tour_guides(),
                  patch({{{"op", "add"}, {"path", "members"}, {"value", {{{"value", "other"}}}}}}),
                  registry, group(), strict);
  ASSERT_TRUE(two.ok());
  const Json op = {{"op", "Remove"}, {"path", "members"}, {"value", {{{"value", kBabs}}}}};
  auto r = apply_patch(two->resource, patch(Json::array({op})), registry, group(), lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["members"].size(), 1u);
  EXPECT_EQ(r->resource["members"][0]["value"], "other");
  EXPECT_TRUE(used(r->leniencies_used, "remove-with-value"));
}

// Entra ID: emails[type eq "work"].value replaces the work address (standard in both modes).
TEST_F(Lenient, EntraReplaceWorkEmailValue) {
  const Json op = {
      {"op", "replace"}, {"path", "emails[type eq \"work\"].value"}, {"value", "b@n.org"}};
  for (Mode mode : {strict, lenient}) {
    auto r = user_op(op, mode);
    ASSERT_TRUE(r.ok()) << r.error().detail;
    EXPECT_EQ(r->resource["emails"][0]["value"], "b@n.org");
    EXPECT_EQ(r->resource["emails"][0]["type"], "work");
  }
}

// Entra ID adds emails[type eq "work"].value to users without a work email.
TEST_F(Lenient, EntraAddWorkEmailCreatesTheValue) {
  Json user_without_work = bjensen();
  user_without_work["emails"].erase(0);
  const Json op = {{"op", "Add"}, {"path", "emails[type eq \"work\"].value"}, {"value", "w@x.org"}};
  auto r = apply_patch(user_without_work, patch(Json::array({op})), registry, user(), lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["emails"].size(), 2u);
  EXPECT_EQ(r->resource["emails"][1], Json({{"type", "work"}, {"value", "w@x.org"}}));
  EXPECT_TRUE(used(r->leniencies_used, "filter-creates-value"));
}

// Entra ID (aadOptscim062020): one path-less replace whose value maps attribute paths, value paths
// included, to values. Lenient mode applies each key as an operation's path
// (`pathless-value-paths`); strict mode refuses it, since RFC 7644 §3.5.2.1 makes a path-less
// value a set of attributes.
TEST_F(Lenient, EntraPathlessValueMapWithValuePaths) {
  const std::string department = std::string(urn::kEnterpriseUser) + ":department";
  const Json op = {{"op", "replace"},
                   {"value",
                    {{"emails[type eq \"work\"].value", "x@example.com"},
                     {"name.givenName", "Barbara"},
                     {department, "Tour"}}}};
  auto r = user_op(op, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["emails"][0],
            Json({{"value", "x@example.com"}, {"type", "work"}, {"primary", true}}));
  EXPECT_EQ(r->resource["emails"][1], bjensen()["emails"][1]);
  EXPECT_EQ(r->resource["name"]["givenName"], "Barbara");
  EXPECT_EQ(r->resource[std::string(urn::kEnterpriseUser)]["department"], "Tour");
  EXPECT_EQ(r->resource["schemas"], Json({urn::kUser, urn::kEnterpriseUser}));
  EXPECT_TRUE(used(r->leniencies_used, "pathless-value-paths"));

  auto strict = user_op(op, Mode::Strict);
  EXPECT_TRUE(IsScimError(strict, 400, ScimType::InvalidPath));
  EXPECT_NE(testing_support::detail_of(strict).find("emails[type eq"), std::string::npos);
}

// Such a key behaves exactly like the path: with no work email, Entra's add creates one
// (`filter-creates-value`); a malformed key fails the whole request with invalidPath.
TEST_F(Lenient, PathlessValuePathKeysFollowThePathRules) {
  Json no_work = bjensen();
  no_work["emails"].erase(0);
  const Json add = {{"op", "add"}, {"value", {{"emails[type eq \"work\"].value", "w@x.org"}}}};
  auto r = apply_patch(no_work, patch(Json::array({add})), registry, user(), lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["emails"].size(), 2u);
  EXPECT_EQ(r->resource["emails"][1], Json({{"type", "work"}, {"value", "w@x.org"}}));
  EXPECT_TRUE(used(r->leniencies_used, "filter-creates-value"));
  EXPECT_TRUE(used(r->leniencies_used, "pathless-value-paths"));

  const Json bad = {{"op", "replace"},
                    {"value", {{"title", "T"}, {"emails[type eq \"work\"].shoeSize", "x"}}}};
  EXPECT_TRUE(IsScimError(user_op(bad, lenient), 400, ScimType::InvalidPath));
  const Json unclosed = {{"op", "replace"}, {"value", {{"emails[type eq \"work\".value", "x"}}}};
  EXPECT_TRUE(IsScimError(user_op(unclosed, lenient), 400, ScimType::InvalidPath));
}

// Entra ID: manager as a bare id string, or as {"value": id}.
TEST_F(Lenient, EntraAddManager) {
  const Json bare = {
      {"op", "Add"}, {"path", kManager}, {"value", "26118915-6090-4610-87a4-49d0b3c0a5b6"}};
  auto r = user_op(bare, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource[std::string(urn::kEnterpriseUser)]["manager"]["value"],
            "26118915-6090-4610-87a4-49d0b3c0a5b6");
  EXPECT_EQ(r->resource["schemas"], Json({urn::kUser, urn::kEnterpriseUser}));
  EXPECT_TRUE(used(r->leniencies_used, "complex-value-shorthand"));

  Json strict_bare = bare;
  strict_bare["op"] = "add";
  EXPECT_TRUE(IsScimError(user_op(strict_bare, strict), 400, ScimType::InvalidValue));
  const Json object = {{"op", "add"}, {"path", kManager}, {"value", {{"value", "m-1"}}}};
  auto strict = user_op(object, Mode::Strict);
  ASSERT_TRUE(strict.ok()) << strict.error().detail;
  EXPECT_EQ(strict->resource[std::string(urn::kEnterpriseUser)]["manager"]["value"], "m-1");
}

// Okta: path-less {"op":"replace","value":{"active":false}} is plain RFC 7644.
TEST_F(Lenient, OktaPathlessReplaceActive) {
  const Json op = {{"op", "replace"}, {"value", {{"active", false}}}};
  auto r = user_op(op, strict);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["active"], false);
  EXPECT_TRUE(r->changed);
}

// Okta renames a group carrying its id: {"op":"replace","value":{"id":"...","displayName":"new"}}.
TEST_F(Lenient, OktaGroupRenameCarryingId) {
  const Json op = {{"op", "replace"}, {"value", {{"id", kGroupId}, {"displayName", "new"}}}};
  auto r = group_op(op, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["displayName"], "new");
  EXPECT_EQ(r->resource["id"], kGroupId);
  EXPECT_TRUE(used(r->leniencies_used, "pathless-replace-id"));
  EXPECT_TRUE(IsScimError(group_op(op, strict), 400, ScimType::Mutability));
  // A different id is never accepted.
  const Json other = {{"op", "replace"}, {"value", {{"id", "abc"}, {"displayName", "new"}}}};
  EXPECT_TRUE(IsScimError(group_op(other, lenient), 400, ScimType::Mutability));
}

TEST_F(Lenient, NullAndEmptyArrayMeanUnassigned) {
  auto r = user_op({{"op", "replace"}, {"path", "emails"}, {"value", Json::array()}}, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->resource.contains("emails"));
  auto n = user_op({{"op", "replace"}, {"value", {{"name", nullptr}}}}, lenient);
  ASSERT_TRUE(n.ok()) << n.error().detail;
  EXPECT_FALSE(n->resource.contains("name"));
  EXPECT_TRUE(used(n->leniencies_used, "null-as-unassigned"));
}

TEST_F(Lenient, ReadOnlyAttributesInInputAreIgnored) {
  const Json op = {{"op", "add"}, {"value", {{"groups", {{{"value", "g"}}}}, {"title", "Boss"}}}};
  auto r = user_op(op, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->resource.contains("groups"));
  EXPECT_EQ(r->resource["title"], "Boss");
  EXPECT_TRUE(used(r->leniencies_used, "readonly-in-input"));
  EXPECT_TRUE(IsScimError(user_op(op, strict), 400, ScimType::Mutability));
}

TEST_F(Lenient, RemoveWithUnmatchedFilterIsNoOp) {
  auto r = group_op({{"op", "remove"}, {"path", "members[value eq \"nobody\"]"}}, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->changed);
  EXPECT_TRUE(used(r->leniencies_used, "remove-unmatched-filter"));
}

TEST_F(Lenient, AttributeNameCaseIsNormalisedAndObserved) {
  auto r = user_op({{"op", "replace"}, {"path", "DISPLAYNAME"}, {"value", "Babs"}}, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["displayName"], "Babs");
  auto body = patch({{{"op", "replace"}, {"value", {{"NickName", "B"}}}}});
  auto pathless = apply_patch(bjensen(), body, registry, user(), lenient);
  ASSERT_TRUE(pathless.ok());
  EXPECT_EQ(pathless->resource["nickName"], "B");
  EXPECT_TRUE(used(pathless->leniencies_used, "attribute-name-case"));
}

TEST_F(Lenient, NonCanonicalValueAcceptedOnlyWhenLenient) {
  const Json op = {
      {"op", "add"}, {"path", "emails"}, {"value", {{{"value", "p@x"}, {"type", "pager"}}}}};
  auto r = user_op(op, lenient);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_TRUE(used(r->leniencies_used, "non-canonical-value"));
}

}  // namespace
}  // namespace scim::engine::lenient
