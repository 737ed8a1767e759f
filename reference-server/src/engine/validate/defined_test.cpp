// check_defined and ValueOptions::interop (SCIM 2.0 Interoperability Profile §5.3): undefined
// attributes, sub-attributes and schema URNs are 400 invalidSyntax under the profile, and stay
// the RFC's invalidValue without it.
#include "scim/server/engine/validate/defined.hpp"

#include <gtest/gtest.h>

#include "scim/server/engine/validate/validate.hpp"
#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::IsScimError;
using Json = nlohmann::json;

class Defined : public testing_support::WriteTest {
 protected:
  static ValueOptions interop() {
    ValueOptions o;
    o.interop.undefined_is_invalid_syntax = true;
    return o;
  }
  Result<ValidatedResource> create(const Json& input, const ValueOptions& o) {
    return validate_resource(input, registry, user(), WriteMode::Create, nullptr, o);
  }
  static Json with(const std::string& key, Json value) {
    Json body = {{"schemas", {urn::kUser}}, {"userName", "bjensen"}};
    body[key] = std::move(value);
    return body;
  }
};

TEST_F(Defined, EveryDefinedMemberPasses) {
  EXPECT_TRUE(check_defined(bjensen(), registry, user()).ok());
  EXPECT_TRUE(create(bjensen(), interop()).ok());
}

TEST_F(Defined, UndefinedAttributeIsInvalidSyntaxUnderTheProfileOnly) {
  const Json body = with("favouriteColour", "green");
  EXPECT_TRUE(IsScimError(create(body, interop()), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(create(body, {}), 400, ScimType::InvalidValue));
}

TEST_F(Defined, UndefinedSubAttributeOfSingularAndMultiValued) {
  EXPECT_TRUE(IsScimError(create(with("name", {{"givenName", "B"}, {"nick", "x"}}), interop()), 400,
                          ScimType::InvalidSyntax));
  EXPECT_TRUE(
      IsScimError(create(with("emails", {{{"value", "b@x.org"}, {"kind", "work"}}}), interop()),
                  400, ScimType::InvalidSyntax));
}

TEST_F(Defined, UndefinedSchemaUrnAndExtensionAttribute) {
  Json body = with("userName", "bjensen");
  body["schemas"].push_back("urn:example:undefined:2.0:User");
  EXPECT_TRUE(IsScimError(create(body, interop()), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(create(body, {}), 400, ScimType::InvalidValue));
  Json ext = with(std::string(urn::kEnterpriseUser), {{"shoeSize", 44}});
  ext["schemas"].push_back(urn::kEnterpriseUser);
  auto refused = check_defined(ext, registry, user());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().detail.find("shoeSize"), std::string::npos) << refused.error().detail;
}

TEST_F(Defined, AttributeNamesIgnoreCase) {
  EXPECT_TRUE(check_defined(with("DisplayName", "Babs"), registry, user()).ok());
}

}  // namespace
}  // namespace scim::engine
