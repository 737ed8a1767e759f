// PatchOptions: what a value path that matches nothing means when the caller asks for more than
// 400 noTarget, values outside canonicalValues, and the operation numbers error details give.
// Each flag is reported in PatchResult only when the request needed it.
#include <gtest/gtest.h>

#include "scim/server/engine/patch/patch.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::detail_of;
using testing_support::IsScimError;
using Json = nlohmann::json;

class PatchOptionsTest : public testing_support::WriteTest {
 protected:
  static Json without_work_email() {
    Json user = bjensen();
    user["emails"].erase(0);
    return user;
  }
};

TEST_F(PatchOptionsTest, CreateUnmatchedValues) {
  const Json body =
      patch({{{"op", "add"}, {"path", "emails[type eq \"work\"].value"}, {"value", "w@x.org"}}});
  EXPECT_TRUE(IsScimError(apply_patch(without_work_email(), body, registry, user()), 400,
                          ScimType::NoTarget));
  PatchOptions options;
  options.create_unmatched_values = true;
  auto r = apply_patch(without_work_email(), body, registry, user(), options);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->resource["emails"].size(), 2u);
  EXPECT_EQ(r->resource["emails"][1], Json({{"type", "work"}, {"value", "w@x.org"}}));
  EXPECT_TRUE(r->created_unmatched_value);
  EXPECT_FALSE(r->ignored_unmatched_remove);
  // With a matching value the option is not needed.
  auto matched = apply_patch(bjensen(), body, registry, user(), options);
  ASSERT_TRUE(matched.ok()) << matched.error().detail;
  EXPECT_FALSE(matched->created_unmatched_value);
}

TEST_F(PatchOptionsTest, IgnoreUnmatchedRemoves) {
  const Json body = patch({{{"op", "remove"}, {"path", "members[value eq \"nobody\"]"}}});
  EXPECT_TRUE(
      IsScimError(apply_patch(tour_guides(), body, registry, group()), 400, ScimType::NoTarget));
  PatchOptions options;
  options.ignore_unmatched_removes = true;
  auto r = apply_patch(tour_guides(), body, registry, group(), options);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->changed);
  EXPECT_TRUE(r->ignored_unmatched_remove);
}

TEST_F(PatchOptionsTest, AcceptNonCanonicalValues) {
  const Json body = patch(
      {{{"op", "add"}, {"path", "emails"}, {"value", {{{"value", "p@x"}, {"type", "pager"}}}}}});
  EXPECT_TRUE(
      IsScimError(apply_patch(bjensen(), body, registry, user()), 400, ScimType::InvalidValue));
  PatchOptions options;
  options.accept_non_canonical_values = true;
  auto r = apply_patch(bjensen(), body, registry, user(), options);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_TRUE(r->accepted_non_canonical_value);
}

TEST_F(PatchOptionsTest, OperationNumbersNameOperationsInErrors) {
  const Json body = patch({{{"op", "replace"}, {"path", "title"}, {"value", "T"}},
                           {{"op", "replace"}, {"path", "active"}, {"value", "maybe"}}});
  auto plain = apply_patch(bjensen(), body, registry, user());
  EXPECT_EQ(detail_of(plain).rfind("Operations[1]: ", 0), 0u) << detail_of(plain);
  PatchOptions options;
  options.operation_numbers = {0, 4};
  auto renumbered = apply_patch(bjensen(), body, registry, user(), options);
  EXPECT_EQ(detail_of(renumbered).rfind("Operations[4]: ", 0), 0u) << detail_of(renumbered);
}

}  // namespace
}  // namespace scim::engine
