// The rules that hold in both modes, checked through the front doors (the strict engine's own
// tests call it directly: validate/validate_test.cpp, patch/errors_test.cpp), and the leniency
// vocabulary against docs/lenient.md.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine::lenient {
namespace {

using testing_support::detail_of;
using testing_support::IsScimError;
using Json = nlohmann::json;
using Names = std::vector<std::string>;

constexpr Mode kBothModes[] = {Mode::Strict, Mode::Lenient};

class BothModes : public testing_support::WriteTest {
 protected:
  Result<Validated> create(const Json& input, Mode mode) {
    return validate_resource(input, registry, user(), WriteMode::Create, nullptr, mode);
  }
  static Json minimal() { return {{"schemas", {urn::kUser}}, {"userName", "bjensen"}}; }
};

// A body given up (`json&&`, as POST hands its parsed body over) answers as the same body kept,
// in both modes; in lenient mode the pre-pass rewrites a copy and leaves the body as it was, so
// the endpoints' strict retry (lenient_call.hpp) still reads it as sent.
TEST_F(BothModes, AGivenUpBodyAnswersAsAKeptOne) {
  Json input = minimal();
  input["active"] = "true";  // lenient: boolean-string; strict: refused
  input["emails"] = {{{"value", "bjensen@example.com"}, {"type", "work"}, {"primary", true}}};
  input["unknownThing"] = 1;  // lenient: unknown-attribute
  for (Json body : {input, minimal()}) {
    for (Mode mode : kBothModes) {
      auto kept = create(body, mode);
      Json given = body;
      auto moved =
          validate_resource(std::move(given), registry, user(), WriteMode::Create, nullptr, mode);
      ASSERT_EQ(kept.ok(), moved.ok()) << body.dump();
      if (kept.ok()) {
        EXPECT_EQ(kept->resource, moved->resource);
        EXPECT_EQ(kept->leniencies_used, moved->leniencies_used);
      } else {
        EXPECT_EQ(kept.error().detail, moved.error().detail);
        EXPECT_EQ(kept.error().scim_type, moved.error().scim_type);
      }
      if (mode == Mode::Lenient) {
        EXPECT_EQ(given, body);  // NOLINT(bugprone-use-after-move)
      }
    }
  }
}

// RFC 7643 §4.1.1 "Each User MUST include a non-empty userName value".
TEST_F(BothModes, Rfc7643_4_1_1_EmptyUserNameIsInvalidValue) {
  for (const char* blank : {"", "   ", "\t\n"}) {
    Json input = minimal();
    input["userName"] = blank;
    for (Mode mode : kBothModes) {
      auto r = create(input, mode);
      EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue)) << "'" << blank << "'";
      EXPECT_NE(detail_of(r).find("'userName'"), std::string::npos) << detail_of(r);
    }
  }
}

TEST_F(BothModes, AttributeNamesAreCaseInsensitiveAndNormalised) {
  for (Mode mode : kBothModes) {
    auto r = create({{"SCHEMAS", {urn::kUser}}, {"USERNAME", "b"}, {"Name", {{"GIVENNAME", "B"}}}},
                    mode);
    ASSERT_TRUE(r.ok()) << r.error().detail;
    EXPECT_EQ(r->resource["userName"], "b");
    EXPECT_EQ(r->resource["name"]["givenName"], "B");
    EXPECT_EQ(r->leniencies_used, mode == Mode::Lenient ? Names{"attribute-name-case"} : Names{});
  }
}

TEST_F(BothModes, TypesAreChecked) {
  Json input = minimal();
  input["active"] = "true";
  EXPECT_TRUE(IsScimError(create(input, Mode::Strict), 400, ScimType::InvalidValue));
  auto lenient = create(input, Mode::Lenient);
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->resource["active"], true);
  EXPECT_EQ(lenient->leniencies_used, Names{"boolean-string"});
}

TEST_F(BothModes, CanonicalValuesAreEnforcedInStrictModeOnly) {
  Json input = minimal();
  input["emails"] = {{{"value", "x@y"}, {"type", "pager"}}};
  EXPECT_TRUE(IsScimError(create(input, Mode::Strict), 400, ScimType::InvalidValue));
  auto lenient = create(input, Mode::Lenient);
  ASSERT_TRUE(lenient.ok()) << lenient.error().detail;
  EXPECT_EQ(lenient->leniencies_used, Names{"non-canonical-value"});
}

// RFC 7643 §4.1.1 for PATCH, with or without a path.
TEST_F(BothModes, Rfc7643_4_1_1_EmptyRequiredValueIsInvalidValue) {
  const Json ops[] = {{{"op", "replace"}, {"path", "userName"}, {"value", ""}},
                      {{"op", "replace"}, {"value", {{"userName", "  "}}}},
                      {{"op", "add"}, {"path", "userName"}, {"value", ""}}};
  for (const auto& op : ops) {
    for (Mode mode : kBothModes) {
      auto r = apply_patch(bjensen(),
                           patch({{{"op", "replace"}, {"path", "title"}, {"value", "T"}}, op}),
                           registry, user(), mode);
      EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue)) << op.dump();
      EXPECT_NE(detail_of(r).find("'userName'"), std::string::npos) << detail_of(r);
    }
  }
}

// Errors name the client's operation, however the pre-pass split or dropped operations.
TEST_F(BothModes, ErrorsNameTheClientsOperation) {
  const Json ops = {
      {{"op", "add"}, {"path", "nickName"}, {"value", nullptr}},
      {{"op", "Replace"},
       {"value", {{"active", true}, {"emails[type eq \"work\"].value", "a@x"}, {"title", "T"}}}},
      {{"op", "replace"}, {"path", "active"}, {"value", "maybe"}}};
  auto r = apply_patch(bjensen(), patch(ops), registry, user(), Mode::Lenient);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_EQ(detail_of(r).rfind("Operations[2]: ", 0), 0u) << detail_of(r);
}

// Bad input never crashes or half-applies, through the pre-pass too: every op x path x value
// shape either succeeds or fails with a 4xx SCIM error, and the input is never modified.
TEST_F(BothModes, HostileShapesNeverThrow) {
  const Json values[] = {nullptr,
                         true,
                         1,
                         -1.5,
                         "",
                         "x",
                         "False",
                         Json::array(),
                         Json::array({nullptr}),
                         Json::object(),
                         Json({{"value", Json::object()}}),
                         Json({{"", 1}}),
                         Json::array({Json::array({1})}),
                         Json::array({Json({{"display", "x"}})}),
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
  for (const char* op : {"add", "Remove", "replace"}) {
    for (const auto& value : values) {
      for (const char* path : paths) {
        for (Mode mode : kBothModes) {
          const Json body = patch({{{"op", op}, {"path", path}, {"value", value}}});
          EXPECT_NO_THROW({
            auto r = apply_patch(original, body, registry, group(), mode);
            if (!r.ok()) {
              EXPECT_GE(r.error().status, 400) << body.dump();
              EXPECT_LT(r.error().status, 500) << body.dump();
            }
          }) << body.dump();
        }
      }
      EXPECT_NO_THROW((void)apply_patch(original, patch({{{"op", op}, {"value", value}}}), registry,
                                        group(), Mode::Lenient));
    }
  }
  EXPECT_EQ(original, tour_guides());
}

// One vocabulary: every name the code can report is documented.
TEST(LeniencyNames, EachIsDocumented) {
  std::ifstream doc(SCIM_LENIENT_DOC);
  ASSERT_TRUE(doc) << SCIM_LENIENT_DOC;
  std::stringstream text;
  text << doc.rdbuf();
  for (std::string_view name : kAllNames) {
    EXPECT_NE(text.str().find("`" + std::string(name) + "`"), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace scim::engine::lenient
