// PATCH error handling (RFC 7644 §3.5.2, §3.12 Table 9): each error type with its status and
// scimType, limits, and atomicity. The rules that hold for the provider-quirk pre-pass too are
// checked again in both_modes_test.cpp.
#include "scim/server/engine/patch/patch.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::detail_of;
using testing_support::IsScimError;
using testing_support::kBabs;
using Json = nlohmann::json;

class PatchErrors : public testing_support::WriteTest {
 protected:
  Result<PatchResult> user_op(Json op) {
    return apply_patch(bjensen(), patch(Json::array({op})), registry, user());
  }
  Result<PatchResult> group_op(Json op) {
    return apply_patch(tour_guides(), patch(Json::array({op})), registry, group());
  }
};

TEST_F(PatchErrors, EnvelopeWithoutPatchOpSchemaIsInvalidSyntax) {
  Json body = {{"schemas", {urn::kUser}}, {"Operations", {{{"op", "remove"}, {"path", "title"}}}}};
  EXPECT_TRUE(
      IsScimError(apply_patch(bjensen(), body, registry, user()), 400, ScimType::InvalidSyntax));
  body.erase("schemas");
  EXPECT_TRUE(
      IsScimError(apply_patch(bjensen(), body, registry, user()), 400, ScimType::InvalidSyntax));
}

TEST_F(PatchErrors, EmptyOrMissingOperationsIsInvalidSyntax) {
  EXPECT_TRUE(IsScimError(apply_patch(bjensen(), patch(Json::array()), registry, user()), 400,
                          ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(apply_patch(bjensen(), {{"schemas", {urn::kPatchOp}}}, registry, user()),
                          400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(apply_patch(bjensen(), Json::array(), registry, user()), 400,
                          ScimType::InvalidSyntax));
}

TEST_F(PatchErrors, TooManyOperationsIs413NamingTheLimit) {
  PatchOptions options;
  options.limits.max_operations = 3;
  Json ops = Json::array();
  for (int i = 0; i < 4; ++i) ops.push_back({{"op", "replace"}, {"path", "title"}, {"value", "x"}});
  auto r = apply_patch(bjensen(), patch(ops), registry, user(), options);
  EXPECT_TRUE(IsScimError(r, 413, ScimType::None));
  EXPECT_NE(detail_of(r).find("at most 3"), std::string::npos);
  ops.erase(3);
  EXPECT_TRUE(apply_patch(bjensen(), patch(ops), registry, user(), options).ok());
}

TEST_F(PatchErrors, UnknownOpOrMemberIsInvalidSyntax) {
  EXPECT_TRUE(
      IsScimError(user_op({{"op", "move"}, {"path", "title"}}), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(user_op({{"path", "title"}}), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(user_op({{"op", "remove"}, {"path", "title"}, {"from", "x"}}), 400,
                          ScimType::InvalidSyntax));
  // Strict mode: op values are lower case as RFC 7644 §3.5.2 spells them.
  EXPECT_TRUE(IsScimError(user_op({{"op", "Replace"}, {"path", "title"}, {"value", "x"}}), 400,
                          ScimType::InvalidSyntax));
}

TEST_F(PatchErrors, AddOrReplaceWithoutValueIsInvalidSyntax) {
  EXPECT_TRUE(
      IsScimError(user_op({{"op", "add"}, {"path", "title"}}), 400, ScimType::InvalidSyntax));
}

// §3.5.2.2: "If path is unspecified, the operation fails with ... noTarget".
TEST_F(PatchErrors, RemoveWithoutPathIsNoTarget) {
  EXPECT_TRUE(IsScimError(user_op({{"op", "remove"}}), 400, ScimType::NoTarget));
}

// §3.5.2.3: a value filter matching nothing on replace is noTarget (and on remove, by choice).
TEST_F(PatchErrors, FilterMatchingNothingIsNoTarget) {
  EXPECT_TRUE(IsScimError(
      user_op({{"op", "replace"}, {"path", "emails[type eq \"other\"].value"}, {"value", "a@b"}}),
      400, ScimType::NoTarget));
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"},
                                   {"path", "addresses[type eq \"other\"]"},
                                   {"value", {{"locality", "x"}}}}),
                          400, ScimType::NoTarget));
  EXPECT_TRUE(IsScimError(group_op({{"op", "remove"}, {"path", "members[value eq \"nobody\"]"}}),
                          400, ScimType::NoTarget));
  EXPECT_TRUE(IsScimError(
      user_op({{"op", "add"}, {"path", "emails[type eq \"other\"].value"}, {"value", "a@b"}}), 400,
      ScimType::NoTarget));
}

TEST_F(PatchErrors, MalformedPathsAreInvalidPath) {
  for (const char* path :
       {"", "nosuch", "name.nosuch", "emails[type eq \"work\"", "emails[type eq \"work\"]value",
        "emails[type eq \"work\"].nosuch", "name[givenName eq \"x\"]", "emails[type zz \"work\"]",
        "urn:example:unknown:1.0:User:title", "name..givenName"}) {
    EXPECT_TRUE(
        IsScimError(user_op({{"op", "remove"}, {"path", path}}), 400, ScimType::InvalidPath))
        << path;
  }
  EXPECT_TRUE(IsScimError(user_op({{"op", "remove"}, {"path", 42}}), 400, ScimType::InvalidPath));
}

TEST_F(PatchErrors, SubAttributeOfMultiValuedNeedsFilter) {
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"}, {"path", "emails.value"}, {"value", "x"}}),
                          400, ScimType::InvalidPath));
}

TEST_F(PatchErrors, ReadOnlyAttributesAreMutability) {
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"}, {"path", "id"}, {"value", "x"}}), 400,
                          ScimType::Mutability));
  EXPECT_TRUE(
      IsScimError(user_op({{"op", "add"}, {"path", "groups"}, {"value", {{{"value", "g"}}}}}), 400,
                  ScimType::Mutability));
  EXPECT_TRUE(IsScimError(
      user_op(
          {{"op", "replace"}, {"path", "meta.lastModified"}, {"value", "2020-01-01T00:00:00Z"}}),
      400, ScimType::Mutability));
  EXPECT_TRUE(
      IsScimError(user_op({{"op", "remove"}, {"path", "meta"}}), 400, ScimType::Mutability));
}

// §3.5.2: "a client MUST NOT modify an attribute that has mutability ... immutable".
TEST_F(PatchErrors, ImmutableMemberValueIsMutability) {
  auto r = group_op({{"op", "replace"},
                     {"path", std::string("members[value eq \"") + kBabs + "\"].value"},
                     {"value", "someone-else"}});
  EXPECT_TRUE(IsScimError(r, 400, ScimType::Mutability));
}

// §3.5.2.2: removing a required attribute is mutability.
TEST_F(PatchErrors, RemovingRequiredAttributeIsMutability) {
  EXPECT_TRUE(
      IsScimError(user_op({{"op", "remove"}, {"path", "userName"}}), 400, ScimType::Mutability));
  EXPECT_TRUE(IsScimError(group_op({{"op", "remove"}, {"path", "displayName"}}), 400,
                          ScimType::Mutability));
}

// RFC 7643 §4.1.1 "a non-empty userName": replacing a required attribute with an empty or blank
// string fails like a missing one (§2.5), with or without a path.
TEST_F(PatchErrors, Rfc7643_4_1_1_EmptyRequiredValueIsInvalidValue) {
  const Json ops[] = {{{"op", "replace"}, {"path", "userName"}, {"value", ""}},
                      {{"op", "replace"}, {"value", {{"userName", "  "}}}},
                      {{"op", "add"}, {"path", "userName"}, {"value", ""}}};
  for (const auto& op : ops) {
    auto r =
        apply_patch(bjensen(), patch({{{"op", "replace"}, {"path", "title"}, {"value", "T"}}, op}),
                    registry, user());
    EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue)) << op.dump();
    EXPECT_NE(detail_of(r).find("'userName'"), std::string::npos) << detail_of(r);
  }
  auto group = group_op({{"op", "replace"}, {"path", "displayName"}, {"value", ""}});
  EXPECT_TRUE(IsScimError(group, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(group).find("'displayName'"), std::string::npos);
}

TEST_F(PatchErrors, WrongTypesAreInvalidValue) {
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"}, {"path", "active"}, {"value", "yes"}}), 400,
                          ScimType::InvalidValue));
  // Strict mode: "False" is a string, not a boolean.
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"}, {"path", "active"}, {"value", "False"}}), 400,
                          ScimType::InvalidValue));
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"}, {"path", "title"}, {"value", 7}}), 400,
                          ScimType::InvalidValue));
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"}, {"path", "name"}, {"value", "Babs"}}), 400,
                          ScimType::InvalidValue));
  EXPECT_TRUE(IsScimError(
      user_op({{"op", "add"}, {"path", "emails"}, {"value", {{{"value", "x"}, {"kind", "y"}}}}}),
      400, ScimType::InvalidValue));
  EXPECT_TRUE(IsScimError(user_op({{"op", "add"}, {"path", "profileUrl"}, {"value", "not a uri"}}),
                          400, ScimType::InvalidValue));
}

TEST_F(PatchErrors, NonCanonicalTypeIsInvalidValueInStrictMode) {
  auto r = user_op(
      {{"op", "add"}, {"path", "emails"}, {"value", {{{"value", "x@y"}, {"type", "pager"}}}}});
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("emails.type"), std::string::npos);
}

TEST_F(PatchErrors, TwoPrimaryValuesAreInvalidValue) {
  EXPECT_TRUE(IsScimError(
      user_op({{"op", "add"},
               {"path", "emails"},
               {"value",
                {{{"value", "a@x"}, {"primary", true}}, {{"value", "b@x"}, {"primary", true}}}}}),
      400, ScimType::InvalidValue));
}

TEST_F(PatchErrors, UnknownAttributeInPathlessValueIsInvalidValue) {
  auto r = user_op({{"op", "replace"}, {"value", {{"title", "x"}, {"shoeSize", 42}}}});
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("shoeSize"), std::string::npos);
}

TEST_F(PatchErrors, NullValueIsInvalidValueInStrictMode) {
  EXPECT_TRUE(IsScimError(user_op({{"op", "replace"}, {"path", "title"}, {"value", nullptr}}), 400,
                          ScimType::InvalidValue));
  EXPECT_TRUE(IsScimError(user_op({{"op", "add"}, {"path", "emails"}, {"value", Json::array()}}),
                          400, ScimType::InvalidValue));
}

// Strict mode refuses Entra's remove-with-value instead of removing *all* members.
TEST_F(PatchErrors, RemoveWithValueIsInvalidSyntaxInStrictMode) {
  auto r = group_op({{"op", "remove"}, {"path", "members"}, {"value", {{{"value", kBabs}}}}});
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidSyntax));
}

TEST_F(PatchErrors, PathLengthLimitIsInvalidPath) {
  PatchOptions options;
  options.limits.max_path_length = 16;
  auto r = apply_patch(bjensen(), patch({{{"op", "remove"}, {"path", std::string(17, 'a')}}}),
                       registry, user(), options);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidPath));
}

// §3.5.2: "the original SCIM resource MUST be restored" when an operation fails.
TEST_F(PatchErrors, FailingThirdOperationLeavesResourceByteIdentical) {
  const Json original = bjensen();
  const std::string before = original.dump();
  auto r = apply_patch(original,
                       patch({{{"op", "replace"}, {"path", "title"}, {"value", "Tour Guide"}},
                              {{"op", "remove"}, {"path", "emails[type eq \"home\"]"}},
                              {{"op", "replace"}, {"path", "active"}, {"value", "maybe"}}}),
                       registry, user());
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("Operations[2]"), std::string::npos);
  EXPECT_EQ(original.dump(), before);
}

TEST_F(PatchErrors, NoOpRequestReportsUnchanged) {
  auto r = user_op({{"op", "replace"}, {"path", "userName"}, {"value", "bjensen"}});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->changed);
  auto removed = user_op({{"op", "remove"}, {"path", "title"}});
  ASSERT_TRUE(removed.ok());
  EXPECT_FALSE(removed->changed);
}

TEST_F(PatchErrors, MemberLimitIsInvalidValue) {
  PatchOptions options;
  options.limits.max_values_per_attribute = 1;
  auto r = apply_patch(tour_guides(),
                       patch({{{"op", "add"}, {"path", "members"}, {"value", {{{"value", "x"}}}}}}),
                       registry, group(), options);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
}

// Bad input never crashes or half-applies: every op x path x value shape either succeeds or fails
// with a 4xx SCIM error, and the input resource is never modified, with and without the
// PatchOptions relaxations.
TEST_F(PatchErrors, HostileShapesNeverThrow) {
  const Json values[] = {nullptr,
                         true,
                         1,
                         -1.5,
                         "",
                         "x",
                         Json::array(),
                         Json::array({nullptr}),
                         Json::object(),
                         Json({{"value", Json::object()}}),
                         Json({{"", 1}}),
                         Json::array({Json::array({1})}),
                         Json({{"urn:x", {{"a", 1}}}})};
  const char* paths[] = {"members",
                         "members[value eq \"x\"]",
                         "members[value eq \"x\"].value",
                         "displayName",
                         "id",
                         "meta",
                         "meta.version",
                         "externalId",
                         "members[value pr].display",
                         "members[value eq 1]"};
  const Json original = tour_guides();
  for (const char* op : {"add", "remove", "replace"}) {
    for (const auto& value : values) {
      for (const char* path : paths) {
        for (bool relaxed : {false, true}) {
          PatchOptions options;
          options.accept_non_canonical_values = relaxed;
          options.create_unmatched_values = relaxed;
          options.ignore_unmatched_removes = relaxed;
          const Json body = patch({{{"op", op}, {"path", path}, {"value", value}}});
          EXPECT_NO_THROW({
            auto r = apply_patch(original, body, registry, group(), options);
            if (!r.ok()) {
              EXPECT_GE(r.error().status, 400) << body.dump();
              EXPECT_LT(r.error().status, 500) << body.dump();
            }
          }) << body.dump();
        }
      }
      EXPECT_NO_THROW(
          (void)apply_patch(original, patch({{{"op", op}, {"value", value}}}), registry, group()));
    }
  }
  EXPECT_EQ(original, tour_guides());
}

}  // namespace
}  // namespace scim::engine
