// The PATCH pre-pass in isolation (docs/lenient.md "Pure rewrites"): each leniency turns a
// provider's request into the RFC 7644 §3.5.2 request it means, and records its name; strict mode
// and requests the pre-pass does not recognise pass through untouched.
#include <gtest/gtest.h>

#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine::lenient {
namespace {

using testing_support::kBabs;
using testing_support::kGroupId;
using Json = nlohmann::json;
using Names = std::vector<std::string>;

const std::string kEnterprise(urn::kEnterpriseUser);

class PatchRewriteTest : public testing_support::WriteTest {
 protected:
  PatchRewrite user_rewrite(Json ops, Mode mode = Mode::Lenient) {
    return rewrite_patch(patch(std::move(ops)), registry, user(), kBabs, mode);
  }
  PatchRewrite group_rewrite(Json ops, Mode mode = Mode::Lenient) {
    return rewrite_patch(patch(std::move(ops)), registry, group(), kGroupId, mode);
  }
  static const Json& ops_of(const PatchRewrite& r) { return r.body.at("Operations"); }
};

TEST_F(PatchRewriteTest, StrictModePassesRequestsThroughUntouched) {
  const Json quirks = {
      {{"op", "Replace"}, {"path", "active"}, {"value", "False"}},
      {{"op", "replace"}, {"value", {{"emails[type eq \"work\"].value", "x"}, {"id", kBabs}}}},
      {{"op", "replace"}, {"path", "title"}, {"value", nullptr}},
      {{"op", "add"}, {"path", "groups"}, {"value", {{{"value", "g"}}}}},
      {{"op", "add"}, {"path", kEnterprise + ":manager"}, {"value", "m-1"}},
      {{"op", "remove"}, {"path", "emails"}, {"value", {{{"value", "a@x"}}}}}};
  const PatchRewrite r = user_rewrite(quirks, Mode::Strict);
  EXPECT_EQ(r.body, patch(quirks));
  EXPECT_TRUE(r.used.empty());
  EXPECT_FALSE(r.nothing_left);
  EXPECT_FALSE(r.options.accept_non_canonical_values);
  EXPECT_FALSE(r.options.create_unmatched_values);
  EXPECT_FALSE(r.options.ignore_unmatched_removes);
  EXPECT_TRUE(r.options.operation_numbers.empty());
}

TEST_F(PatchRewriteTest, LenientRequestsGetTheEngineOptions) {
  const PatchRewrite r = user_rewrite({{{"op", "replace"}, {"path", "title"}, {"value", "T"}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "replace"}, {"path", "title"}, {"value", "T"}}}));
  EXPECT_TRUE(r.used.empty());
  EXPECT_TRUE(r.options.accept_non_canonical_values);
  EXPECT_TRUE(r.options.create_unmatched_values);
  EXPECT_TRUE(r.options.ignore_unmatched_removes);
}

TEST_F(PatchRewriteTest, OpCase) {
  const PatchRewrite r = user_rewrite({{{"op", "Replace"}, {"path", "title"}, {"value", "T"}},
                                       {{"op", "REMOVE"}, {"path", "nickName"}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "replace"}, {"path", "title"}, {"value", "T"}},
                             {{"op", "remove"}, {"path", "nickName"}}}));
  EXPECT_EQ(r.used, Names{"op-case"});
}

TEST_F(PatchRewriteTest, BooleanString) {
  const PatchRewrite r = user_rewrite(
      {{{"op", "replace"}, {"path", "active"}, {"value", "False"}},
       {{"op", "add"}, {"path", "emails"}, {"value", {{{"value", "a@x"}, {"primary", "TRUE"}}}}},
       {{"op", "replace"}, {"path", "emails[type eq \"work\"].primary"}, {"value", "true"}},
       {{"op", "replace"}, {"path", "title"}, {"value", "True"}}});  // a string attribute
  EXPECT_EQ(
      ops_of(r),
      Json({{{"op", "replace"}, {"path", "active"}, {"value", false}},
            {{"op", "add"}, {"path", "emails"}, {"value", {{{"value", "a@x"}, {"primary", true}}}}},
            {{"op", "replace"}, {"path", "emails[type eq \"work\"].primary"}, {"value", true}},
            {{"op", "replace"}, {"path", "title"}, {"value", "True"}}}));
  EXPECT_EQ(r.used, Names{"boolean-string"});
  // Not a boolean word: the strict engine answers 400 invalidValue.
  EXPECT_TRUE(
      user_rewrite({{{"op", "replace"}, {"path", "active"}, {"value", "yes"}}}).used.empty());
}

// Members of a path-less value apply in key order; a value-path key becomes an operation of its
// own between the runs of ordinary members before and after it.
TEST_F(PatchRewriteTest, PathlessValuePaths) {
  const PatchRewrite r = user_rewrite({{{"op", "replace"},
                                        {"value",
                                         {{"active", false},
                                          {"emails[type eq \"work\"].value", "x@example.com"},
                                          {"title", "T"}}}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "replace"}, {"value", {{"active", false}}}},
                             {{"op", "replace"},
                              {"path", "emails[type eq \"work\"].value"},
                              {"value", "x@example.com"}},
                             {{"op", "replace"}, {"value", {{"title", "T"}}}}}));
  EXPECT_EQ(r.used, Names{"pathless-value-paths"});
  EXPECT_EQ(r.options.operation_numbers, (std::vector<std::size_t>{0, 0, 0}));
}

TEST_F(PatchRewriteTest, NullAsUnassigned) {
  const PatchRewrite r =
      user_rewrite({{{"op", "replace"}, {"path", "emails"}, {"value", Json::array()}},
                    {{"op", "add"}, {"path", "nickName"}, {"value", nullptr}},
                    {{"op", "replace"}, {"value", {{"name", nullptr}, {"title", "T"}}}},
                    {{"op", "add"}, {"value", {{"nickName", Json::array()}, {"title", "T"}}}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "remove"}, {"path", "emails"}},
                             {{"op", "remove"}, {"path", "name"}},
                             {{"op", "replace"}, {"value", {{"title", "T"}}}},
                             {{"op", "add"}, {"value", {{"title", "T"}}}}}));
  EXPECT_EQ(r.used, Names{"null-as-unassigned"});
  EXPECT_EQ(r.options.operation_numbers, (std::vector<std::size_t>{0, 2, 2, 3}));
  // A request whose every operation adds nothing changes nothing.
  const PatchRewrite empty =
      user_rewrite({{{"op", "add"}, {"path", "nickName"}, {"value", nullptr}}});
  EXPECT_TRUE(empty.nothing_left);
  EXPECT_TRUE(ops_of(empty).empty());
}

TEST_F(PatchRewriteTest, ReadOnlyInInput) {
  const PatchRewrite r =
      user_rewrite({{{"op", "add"}, {"path", "groups"}, {"value", {{{"value", "g"}}}}},
                    {{"op", "add"}, {"value", {{"groups", {{{"value", "g"}}}}, {"title", "Boss"}}}},
                    {{"op", "replace"}, {"path", "meta.version"}, {"value", "W/\"1\""}},
                    {{"op", "replace"}, {"path", "id"}, {"value", "other"}},
                    {{"op", "remove"}, {"path", "groups"}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "add"}, {"value", {{"title", "Boss"}}}}}));
  EXPECT_EQ(r.used, Names{"readonly-in-input"});
  EXPECT_EQ(r.options.operation_numbers, std::vector<std::size_t>{1});
  const PatchRewrite display = group_rewrite(
      {{{"op", "replace"}, {"path", "members[value eq \"x\"].display"}, {"value", "X"}},
       {{"op", "remove"}, {"path", "members[value eq \"x\"].display"}}});
  EXPECT_TRUE(display.nothing_left);
  EXPECT_EQ(display.used, Names{"readonly-in-input"});
}

TEST_F(PatchRewriteTest, PathlessReplaceId) {
  const PatchRewrite r =
      group_rewrite({{{"op", "replace"}, {"value", {{"id", kGroupId}, {"displayName", "new"}}}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "replace"}, {"value", {{"displayName", "new"}}}}}));
  EXPECT_EQ(r.used, Names{"pathless-replace-id"});
  // A different id is left for the strict engine (400 mutability).
  const Json other = {{{"op", "replace"}, {"value", {{"id", "abc"}, {"displayName", "new"}}}}};
  const PatchRewrite kept = group_rewrite(other);
  EXPECT_EQ(ops_of(kept), other);
  EXPECT_TRUE(kept.used.empty());
}

// Each listed value becomes a value-filter remove requiring all of its sub-attributes to be equal
// (readOnly ones, like members.display, are ignored as in any value).
TEST_F(PatchRewriteTest, RemoveWithValue) {
  const PatchRewrite r = group_rewrite(
      {{{"op", "remove"},
        {"path", "members"},
        {"value", {{{"value", kBabs}}, {{"value", "other"}, {"display", "Other"}}}}}});
  EXPECT_EQ(ops_of(r),
            Json({{{"op", "remove"}, {"path", std::string("members[value eq \"") + kBabs + "\"]"}},
                  {{"op", "remove"}, {"path", "members[value eq \"other\"]"}}}));
  EXPECT_EQ(r.used, Names{"remove-with-value"});
  const PatchRewrite emails =
      user_rewrite({{{"op", "remove"},
                     {"path", "emails"},
                     {"value", {{"value", "a@x"}, {"type", "work"}, {"primary", "True"}}}}});
  EXPECT_EQ(
      ops_of(emails),
      Json({{{"op", "remove"},
             {"path", "emails[primary eq true and type eq \"work\" and value eq \"a@x\"]"}}}));
  EXPECT_EQ(emails.used, (Names{"boolean-string", "remove-with-value"}));
}

// Listed values that are no filter (nothing but readOnly sub-attributes, unknown ones, not an
// object) leave the operation to the strict engine, which refuses a remove with a value.
TEST_F(PatchRewriteTest, RemoveWithValueThatIsNoFilterIsLeftAsSent) {
  for (const Json& value : {Json({{{"display", "Babs"}}}), Json({{{"colour", "red"}}}),
                            Json({"id-1"}), Json({{{"value", {{"a", 1}}}}})}) {
    const Json op = {{"op", "remove"}, {"path", "members"}, {"value", value}};
    const PatchRewrite r = group_rewrite(Json::array({op}));
    EXPECT_EQ(ops_of(r), Json::array({op})) << value.dump();
    EXPECT_TRUE(r.used.empty()) << value.dump();
  }
}

TEST_F(PatchRewriteTest, ComplexValueShorthand) {
  const PatchRewrite r = user_rewrite(
      {{{"op", "add"}, {"path", kEnterprise + ":manager"}, {"value", "m-1"}},
       {{"op", "add"}, {"value", {{kEnterprise, {{"department", "D"}, {"manager", "m-2"}}}}}}});
  EXPECT_EQ(
      ops_of(r),
      Json({{{"op", "add"}, {"path", kEnterprise + ":manager"}, {"value", {{"value", "m-1"}}}},
            {{"op", "add"},
             {"value", {{kEnterprise, {{"department", "D"}, {"manager", {{"value", "m-2"}}}}}}}}}));
  EXPECT_EQ(r.used, Names{"complex-value-shorthand"});
}

// {"path": "<extension URN>", "value": {...}} is rewritten like the path-less form it equals.
TEST_F(PatchRewriteTest, ExtensionPathWithValueObject) {
  const Json untouched = {{"op", "add"}, {"path", kEnterprise}, {"value", {{"department", "D"}}}};
  EXPECT_EQ(ops_of(user_rewrite(Json::array({untouched}))), Json::array({untouched}));
  const PatchRewrite r = user_rewrite(
      {{{"op", "replace"}, {"path", kEnterprise}, {"value", {{"department", nullptr}}}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "remove"}, {"path", kEnterprise + ":department"}}}));
  EXPECT_EQ(r.used, Names{"null-as-unassigned"});
}

// Names are case-insensitive in both modes; lenient mode reports other spellings of PatchOp
// members and attribute names (but not of paths, which the engine resolves like names).
TEST_F(PatchRewriteTest, AttributeNameCaseIsObservedOnly) {
  const Json body = {{"SCHEMAS", {urn::kPatchOp}},
                     {"operations", {{{"OP", "replace"}, {"value", {{"NickName", "B"}}}}}}};
  const PatchRewrite r = rewrite_patch(body, registry, user(), kBabs, Mode::Lenient);
  EXPECT_EQ(r.body.at("Operations"), Json({{{"op", "replace"}, {"value", {{"NickName", "B"}}}}}));
  EXPECT_EQ(r.used, Names{"attribute-name-case"});
  EXPECT_TRUE(
      user_rewrite({{{"op", "replace"}, {"path", "DISPLAYNAME"}, {"value", "B"}}}).used.empty());
}

// Members and operations that name no attribute are dropped (unknown-attribute); a path that
// fails for another reason is left to the strict engine.
TEST_F(PatchRewriteTest, UnknownAttributesAreDropped) {
  const PatchRewrite r =
      user_rewrite({{{"op", "add"}, {"path", "shoeSize"}, {"value", 9}},
                    {{"op", "replace"},
                     {"value", {{"title", "T"}, {"shoeSize", 9}, {kEnterprise, {{"badge", "x"}}}}}},
                    {{"op", "remove"}, {"path", "urn:example:nope:shoeSize"}}});
  EXPECT_EQ(ops_of(r), Json({{{"op", "replace"}, {"value", {{"title", "T"}}}}}));
  EXPECT_EQ(r.used, Names{"unknown-attribute"});
  const Json unclosed = {{"op", "add"}, {"path", "emails[type eq \"work\""}, {"value", "x"}};
  EXPECT_EQ(ops_of(user_rewrite(Json::array({unclosed}))), Json::array({unclosed}));
}

// Whatever the pre-pass does not recognise reaches the strict engine as sent, which explains it.
TEST_F(PatchRewriteTest, UnrecognisedRequestsPassThrough) {
  for (const Json& op : {Json({{"op", "move"}, {"path", "title"}}),
                         Json({{"op", "add"}, {"path", 7}, {"value", nullptr}}),
                         Json({{"op", "add"}, {"path", "title"}, {"x", 1}}),
                         Json({{"op", "replace"}, {"path", "title"}}), Json("add")}) {
    const PatchRewrite r = user_rewrite(Json::array({op}));
    EXPECT_EQ(ops_of(r), Json::array({op})) << op.dump();
    EXPECT_TRUE(r.used.empty()) << op.dump();
  }
  const Json no_envelope = {{"Operations", {{{"op", "Add"}, {"path", "title"}, {"value", "T"}}}}};
  const PatchRewrite r = rewrite_patch(no_envelope, registry, user(), kBabs, Mode::Lenient);
  EXPECT_EQ(r.body, no_envelope);
  EXPECT_TRUE(r.used.empty());
}

}  // namespace
}  // namespace scim::engine::lenient
