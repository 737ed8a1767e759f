// PATCH on immutable attributes and required extensions (RFC 7644 §3.5.2, §3.5.2.2), on the
// "Device" type of the test support.
#include <gtest/gtest.h>

#include "scim/server/engine/patch/patch.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::IsScimError;
using Json = nlohmann::json;

class ImmutableValidation : public testing_support::DeviceTest {};

// RFC 7644 §3.5.2: "a client MAY 'add' a value to an 'immutable' attribute if the attribute had
// no previous value"; changing or removing it afterwards is mutability.
TEST_F(ImmutableValidation, PatchAddsImmutableOnceThenRefusesChanges) {
  auto body = [](const char* op, const Json& value) {
    Json operation = {{"op", op}, {"path", "serial"}};
    if (!value.is_null()) operation["value"] = value;
    return Json{{"schemas", {urn::kPatchOp}}, {"Operations", {operation}}};
  };
  auto added = apply_patch(input(nullptr), body("add", "S-1"), registry, device());
  ASSERT_TRUE(added.ok()) << added.error().detail;
  EXPECT_EQ(added->resource["serial"], "S-1");
  const Json stored = added->resource;
  EXPECT_TRUE(IsScimError(apply_patch(stored, body("replace", "S-2"), registry, device()), 400,
                          ScimType::Mutability));
  EXPECT_TRUE(IsScimError(apply_patch(stored, body("remove", nullptr), registry, device()), 400,
                          ScimType::Mutability));
  auto same = apply_patch(stored, body("replace", "S-1"), registry, device());
  ASSERT_TRUE(same.ok());
  EXPECT_FALSE(same->changed);
}

// A required extension cannot be removed (RFC 7644 §3.5.2.2 mutability).
TEST_F(ImmutableValidation, PatchCannotRemoveRequiredExtension) {
  const Json body = {
      {"schemas", {urn::kPatchOp}},
      {"Operations", {{{"op", "remove"}, {"path", "urn:example:schemas:extension:Badge"}}}}};
  EXPECT_TRUE(
      IsScimError(apply_patch(input("S-1"), body, registry, device()), 400, ScimType::Mutability));
}

}  // namespace
}  // namespace scim::engine
