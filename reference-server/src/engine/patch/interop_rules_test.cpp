// PatchOptions::interop (SCIM 2.0 Interoperability Profile §6.5.1.1, §5.3): a path-less
// operation and a path or value naming an undefined attribute are 400 invalidSyntax, and the
// resource is untouched; without the rules the RFC 7644 answers stay.
#include <gtest/gtest.h>

#include "scim/server/engine/patch/patch.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::IsScimError;
using Json = nlohmann::json;

class PatchInteropRules : public testing_support::WriteTest {
 protected:
  static PatchOptions interop() {
    PatchOptions o;
    o.interop.patch_requires_path = true;
    o.interop.undefined_is_invalid_syntax = true;
    o.interop.replace_complex_whole = true;
    return o;
  }
  Result<PatchResult> run(const Json& ops, const PatchOptions& o) {
    return apply_patch(bjensen(), patch(ops), registry, user(), o);
  }
};

TEST_F(PatchInteropRules, PathLessIsInvalidSyntaxUnderTheProfile) {
  const Json ops = {{{"op", "replace"}, {"value", {{"displayName", "Babs"}}}}};
  EXPECT_TRUE(IsScimError(run(ops, interop()), 400, ScimType::InvalidSyntax));
  auto rfc = run(ops, {});
  ASSERT_TRUE(rfc.ok()) << rfc.error().detail;  // RFC 7644 §3.5.2.3 allows it
  EXPECT_EQ(rfc->resource["displayName"], "Babs");
}

TEST_F(PatchInteropRules, PathLessRemoveIsInvalidSyntaxNotNoTarget) {
  const Json ops = {{{"op", "remove"}}};
  EXPECT_TRUE(IsScimError(run(ops, interop()), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(run(ops, {}), 400, ScimType::NoTarget));
}

TEST_F(PatchInteropRules, UndefinedPathIsInvalidSyntaxMalformedStaysInvalidPath) {
  const Json undefined = {{{"op", "add"}, {"path", "favouriteColour"}, {"value", "green"}}};
  EXPECT_TRUE(IsScimError(run(undefined, interop()), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(run(undefined, {}), 400, ScimType::InvalidPath));
  const Json filtered = {
      {{"op", "replace"}, {"path", "emails[type eq \"work\"].colour"}, {"value", "x"}}};
  EXPECT_TRUE(IsScimError(run(filtered, interop()), 400, ScimType::InvalidSyntax));
  const Json malformed = {{{"op", "add"}, {"path", "name..givenName"}, {"value", "x"}}};
  EXPECT_TRUE(IsScimError(run(malformed, interop()), 400, ScimType::InvalidPath));
}

TEST_F(PatchInteropRules, UndefinedSubAttributeInAValue) {
  const Json ops = {{{"op", "add"}, {"path", "name"}, {"value", {{"nick", "B"}}}}};
  EXPECT_TRUE(IsScimError(run(ops, interop()), 400, ScimType::InvalidSyntax));
  const Json fine = {{{"op", "add"}, {"path", "name"}, {"value", {{"givenName", "Babs"}}}}};
  auto r = run(fine, interop());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["name"]["givenName"], "Babs");
  EXPECT_EQ(r->resource["name"]["familyName"], bjensen()["name"]["familyName"]);  // §6.5.2.1 merge
}

// §6.5.2.1: replace of "name" replaces it whole; RFC 7644 §3.5.2.3 merges sub-attributes.
TEST_F(PatchInteropRules, ReplaceOfAComplexAttributeReplacesItWhole) {
  const Json ops = {{{"op", "replace"}, {"path", "name"}, {"value", {{"givenName", "Babs"}}}}};
  auto whole = run(ops, interop());
  ASSERT_TRUE(whole.ok()) << whole.error().detail;
  EXPECT_EQ(whole->resource["name"], Json({{"givenName", "Babs"}}));
  auto merged = run(ops, {});
  ASSERT_TRUE(merged.ok()) << merged.error().detail;
  EXPECT_EQ(merged->resource["name"]["familyName"], bjensen()["name"]["familyName"]);
}

}  // namespace
}  // namespace scim::engine
