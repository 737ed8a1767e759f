// The POST/PUT pre-pass in isolation (RFC 7644 §3.3, §3.5.1): "True"/"False" strings become
// booleans wherever the schema says boolean, other spellings of attribute names are observed,
// members naming no attribute are dropped, and strict mode passes bodies through untouched.
#include <gtest/gtest.h>

#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine::lenient {
namespace {

using Json = nlohmann::json;
using Names = std::vector<std::string>;

class ResourceRewriteTest : public testing_support::WriteTest {
 protected:
  ResourceRewrite rewrite(const Json& body, Mode mode = Mode::Lenient) {
    return rewrite_resource(body, registry, user(), mode);
  }
};

TEST_F(ResourceRewriteTest, BooleanStrings) {
  const Json body = {{"schemas", {urn::kUser}},
                     {"userName", "b"},
                     {"active", "True"},
                     {"emails", {{{"value", "a@x"}, {"primary", "false"}}}}};
  const ResourceRewrite r = rewrite(body);
  Json expected = body;
  expected["active"] = true;
  expected["emails"][0]["primary"] = false;
  EXPECT_EQ(r.body, expected);
  EXPECT_EQ(r.used, Names{"boolean-string"});
  EXPECT_TRUE(r.options.accept_non_canonical_values);
}

// readOnly input is dropped by the strict engine in both modes (RFC 7644 §3.5.1), so the pre-pass
// has nothing to do there; string attributes keep their strings.
TEST_F(ResourceRewriteTest, OnlyWritableBooleansAreRewritten) {
  const Json body = {{"schemas", {urn::kUser}},
                     {"userName", "True"},
                     {"groups", {{{"value", "g"}, {"display", "True"}}}}};
  const ResourceRewrite r = rewrite(body);
  EXPECT_EQ(r.body, body);
  EXPECT_TRUE(r.used.empty());
}

TEST_F(ResourceRewriteTest, AttributeNameCaseIsObservedOnly) {
  const std::string enterprise(urn::kEnterpriseUser);
  const Json body = {{"schemas", {urn::kUser, enterprise}},
                     {"USERNAME", "b"},
                     {enterprise, {{"Manager", {{"value", "m"}}}}}};
  const ResourceRewrite r = rewrite(body);
  EXPECT_EQ(r.body, body);
  EXPECT_EQ(r.used, Names{"attribute-name-case"});
}

// Applications that store only what they know ignore the rest (unknown-attribute); strict mode
// refuses it (400 invalidValue naming the attribute).
TEST_F(ResourceRewriteTest, UnknownAttributesAreDropped) {
  const std::string enterprise(urn::kEnterpriseUser);
  const Json body = {{"schemas", {urn::kUser, enterprise}},
                     {"userName", "b"},
                     {"shoeSize", 9},
                     {"urn:example:custom:2.0:User", {{"badge", "7"}}},
                     {enterprise, {{"department", "D"}, {"badge", "7"}}}};
  const ResourceRewrite r = rewrite(body);
  EXPECT_EQ(r.body, Json({{"schemas", {urn::kUser, enterprise}},
                          {"userName", "b"},
                          {enterprise, {{"department", "D"}}}}));
  EXPECT_EQ(r.used, Names{"unknown-attribute"});
  EXPECT_EQ(rewrite(body, Mode::Strict).body, body);
}

TEST_F(ResourceRewriteTest, StrictModePassesBodiesThroughUntouched) {
  const Json body = {{"schemas", {urn::kUser}}, {"USERNAME", "b"}, {"active", "True"}};
  const ResourceRewrite r = rewrite(body, Mode::Strict);
  EXPECT_EQ(r.body, body);
  EXPECT_TRUE(r.used.empty());
  EXPECT_FALSE(r.options.accept_non_canonical_values);
}

}  // namespace
}  // namespace scim::engine::lenient
