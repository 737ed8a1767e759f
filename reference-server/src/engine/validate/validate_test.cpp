// validate_resource (RFC 7644 §3.3 create, §3.5.1 replace; RFC 7643 §2, §3, §7). The rules that
// hold for the provider-quirk pre-pass too are checked again in both_modes_test.cpp.
#include "scim/server/engine/validate/validate.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::detail_of;
using testing_support::IsScimError;
using Json = nlohmann::json;

// Whether an input validated as given up (`json&&`: its values moved) answers as the same input
// kept (`const json&`: copied): the same resource, or the same status, scimType and detail.
::testing::AssertionResult SameAnswer(const Result<ValidatedResource>& kept,
                                      const Result<ValidatedResource>& given) {
  if (kept.ok() != given.ok()) return ::testing::AssertionFailure() << "one failed, one did not";
  if (kept.ok()) {
    if (kept->resource != given->resource) {
      return ::testing::AssertionFailure()
             << kept->resource.dump() << " against " << given->resource.dump();
    }
    if (kept->accepted_non_canonical_value != given->accepted_non_canonical_value) {
      return ::testing::AssertionFailure() << "accepted_non_canonical_value differs";
    }
    return ::testing::AssertionSuccess();
  }
  const auto& a = kept.error();
  const auto& b = given.error();
  if (a.status != b.status || a.scim_type != b.scim_type || a.detail != b.detail) {
    return ::testing::AssertionFailure() << a.detail << " against " << b.detail;
  }
  return ::testing::AssertionSuccess();
}

class Validation : public testing_support::WriteTest {
 protected:
  // Every test here validates its input both ways (kept and given up) and checks they agree.
  Result<ValidatedResource> create(const Json& input, const ValueOptions& o = {}) {
    auto kept = validate_resource(input, registry, user(), WriteMode::Create, nullptr, o);
    Json copy = input;
    auto given =
        validate_resource(std::move(copy), registry, user(), WriteMode::Create, nullptr, o);
    EXPECT_TRUE(SameAnswer(kept, given)) << input.dump();
    return kept;
  }
  static Json minimal() { return {{"schemas", {urn::kUser}}, {"userName", "bjensen"}}; }
};

// RFC 7643 §8.1 minimal user.
TEST_F(Validation, Rfc7643_8_1_MinimalUser) {
  auto r = create(minimal());
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource, minimal());
  EXPECT_FALSE(r->accepted_non_canonical_value);
}

// RFC 7644 §3.5.1 "readOnly: Any values provided SHALL be ignored" (id, meta, groups).
TEST_F(Validation, ReadOnlyInputIsDropped) {
  Json input = minimal();
  input["id"] = "client-chosen";
  input["meta"] = {{"resourceType", "User"}};
  input["groups"] = {{{"value", "g1"}}};
  input["externalId"] = "ext-1";
  auto r = create(input);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->resource.contains("id"));
  EXPECT_FALSE(r->resource.contains("meta"));
  EXPECT_FALSE(r->resource.contains("groups"));
  EXPECT_EQ(r->resource["externalId"], "ext-1");
}

TEST_F(Validation, MissingRequiredAttributeIsInvalidValue) {
  auto r = create({{"schemas", {urn::kUser}}, {"displayName", "Babs"}});
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("userName"), std::string::npos);
  EXPECT_TRUE(IsScimError(create({{"schemas", {urn::kUser}}, {"userName", nullptr}}), 400,
                          ScimType::InvalidValue));
}

// RFC 7643 §4.1.1 "Each User MUST include a non-empty userName value": an empty (or blank)
// string for a required attribute counts as unassigned (§2.5), on create and replace, in both
// modes.
TEST_F(Validation, Rfc7643_4_1_1_EmptyUserNameIsInvalidValue) {
  for (const char* blank : {"", "   ", "\t\n"}) {
    Json input = minimal();
    input["userName"] = blank;
    auto r = create(input);
    EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue)) << "'" << blank << "'";
    EXPECT_NE(detail_of(r).find("'userName'"), std::string::npos) << detail_of(r);
    const Json existing = minimal();
    auto replaced =
        validate_resource(input, registry, user(), WriteMode::Replace, &existing, ValueOptions{});
    EXPECT_TRUE(IsScimError(replaced, 400, ScimType::InvalidValue));
  }
  Json padded = minimal();
  padded["userName"] = " bjensen ";  // not blank: kept as given
  EXPECT_TRUE(create(padded).ok());
  Json optional_empty = minimal();
  optional_empty["nickName"] = "";  // only required attributes must be non-empty
  EXPECT_TRUE(create(optional_empty).ok());
}

TEST_F(Validation, SchemasMustListTheCoreSchema) {
  EXPECT_TRUE(IsScimError(create({{"userName", "b"}}), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(
      IsScimError(create({{"schemas", "x"}, {"userName", "b"}}), 400, ScimType::InvalidSyntax));
  EXPECT_TRUE(IsScimError(create({{"schemas", {urn::kEnterpriseUser}}, {"userName", "b"}}), 400,
                          ScimType::InvalidValue));
  EXPECT_TRUE(
      IsScimError(create({{"schemas", {urn::kUser, "urn:example:other"}}, {"userName", "b"}}), 400,
                  ScimType::InvalidValue));
  EXPECT_TRUE(IsScimError(create(Json::array()), 400, ScimType::InvalidSyntax));
}

TEST_F(Validation, UnknownAttributeIsInvalidValueNamingIt) {
  Json input = minimal();
  input["shoeSize"] = 42;
  auto r = create(input);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("shoeSize"), std::string::npos);
  Json sub = minimal();
  sub["name"] = {{"nick", "B"}};
  EXPECT_TRUE(IsScimError(create(sub), 400, ScimType::InvalidValue));
}

TEST_F(Validation, UndeclaredExtensionIsInvalidValue) {
  Json input = minimal();
  input["urn:example:params:scim:schemas:extension:acme:2.0:User"] = {{"badge", "1"}};
  auto r = create(input);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("acme"), std::string::npos);
}

// RFC 7643 §3: extension data requires its URN in "schemas".
TEST_F(Validation, ExtensionDataMustBeListedInSchemas) {
  Json input = minimal();
  input[std::string(urn::kEnterpriseUser)] = {{"employeeNumber", "701984"}};
  EXPECT_TRUE(IsScimError(create(input), 400, ScimType::InvalidValue));
  input["schemas"].push_back(urn::kEnterpriseUser);
  input[std::string(urn::kEnterpriseUser)]["Manager"] = {{"value", "m"}, {"displayName", "ro"}};
  auto r = create(input);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  const Json& ext = r->resource[std::string(urn::kEnterpriseUser)];
  EXPECT_EQ(ext["employeeNumber"], "701984");
  // Canonical name, readOnly sub-attribute (manager.displayName) dropped.
  EXPECT_EQ(ext["manager"], Json({{"value", "m"}}));
}

// RFC 7643 §3: an extension listed in "schemas" holds an object of its own attributes; null
// leaves it unassigned. Both ways (create() compares them), with exact names and without.
TEST_F(Validation, ExtensionDataIsAnObjectOfItsAttributes) {
  const std::string enterprise(urn::kEnterpriseUser);
  Json input = minimal();
  input["schemas"].push_back(enterprise);
  input[enterprise] = "701984";
  auto r = create(input);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("must be a JSON object"), std::string::npos) << detail_of(r);
  input[enterprise] = nullptr;
  r = create(input);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_FALSE(r->resource.contains(enterprise));
  for (const char* number : {"employeeNumber", "EmployeeNumber"}) {
    input[enterprise] = {{number, "7"}, {"badge", "1"}};
    r = create(input);
    EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue)) << number;
    EXPECT_NE(detail_of(r).find("unknown attribute '" + enterprise + ":badge'"), std::string::npos)
        << detail_of(r);
  }
  input.erase("schemas");
  input["schemas"] = Json::array({urn::kUser});
  input[enterprise] = nullptr;  // unassigned, but still only under a listed URN
  r = create(input);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("requires that URN"), std::string::npos) << detail_of(r);
}

// RFC 7643 §2.1: attribute names are case-insensitive (the pre-pass also reports
// attribute-name-case: both_modes_test.cpp).
TEST_F(Validation, AttributeNamesAreCaseInsensitiveAndNormalised) {
  auto r = create({{"SCHEMAS", {urn::kUser}}, {"USERNAME", "b"}, {"Name", {{"GIVENNAME", "B"}}}});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["userName"], "b");
  EXPECT_EQ(r->resource["name"]["givenName"], "B");
  EXPECT_TRUE(IsScimError(create({{"schemas", {urn::kUser}}, {"userName", "b"}, {"USERNAME", "c"}}),
                          400, ScimType::InvalidValue));
}

TEST_F(Validation, TypesAreChecked) {
  Json input = minimal();
  input["active"] = "true";
  EXPECT_TRUE(IsScimError(create(input), 400, ScimType::InvalidValue));
  input["active"] = true;
  input["emails"] = {{"value", "x@y"}};  // not an array
  EXPECT_TRUE(IsScimError(create(input), 400, ScimType::InvalidValue));
  input["emails"] = {{{"value", "x@y"}, {"type", "work"}, {"primary", "yes"}}};
  EXPECT_TRUE(IsScimError(create(input), 400, ScimType::InvalidValue));
  input["emails"] = Json::array();
  input["x509Certificates"] = {{{"value", "not base64!"}}};
  EXPECT_TRUE(IsScimError(create(input), 400, ScimType::InvalidValue));
  input["x509Certificates"] = {{{"value", "TUlJRERD"}}};
  EXPECT_TRUE(create(input).ok());
}

// Strict mode restricts strings to canonicalValues where the schema lists them (§2.3.1 MAY).
// Error details name the attribute by its path (value_types.hpp, AttrName): "parent.sub" for a
// sub-attribute, "<extension URN>:name" for an extension's attribute, joined only for the error.
TEST_F(Validation, ErrorsNameTheAttributePath) {
  const std::string enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  auto with = [&](const char* key, Json value) {
    Json input = minimal();
    input[key] = std::move(value);
    return detail_of(create(input));
  };
  EXPECT_NE(
      with("emails", Json::array({{{"value", 7}}})).find("'emails.value' must be a JSON string"),
      std::string::npos);
  EXPECT_NE(with("name", {{"givenName", true}}).find("'name.givenName' must be a JSON string"),
            std::string::npos);
  EXPECT_NE(with("name", {{"nickname", "x"}}).find("unknown sub-attribute 'name.nickname'"),
            std::string::npos);
  EXPECT_NE(with("name", {{"givenName", "a"}, {"GIVENNAME", "b"}})
                .find("'name.givenName' is given twice"),
            std::string::npos);
  EXPECT_NE(with("active", "yes").find("'active' must be a JSON boolean"), std::string::npos);
  EXPECT_NE(with("emails", Json::array({{{"value", "a@b"}, {"primary", true}},
                                        {{"value", "c@d"}, {"primary", true}}}))
                .find("'emails' has more than one value"),
            std::string::npos);
  Json input = minimal();
  input["schemas"].push_back(enterprise);
  input[enterprise] = {{"employeeNumber", 42}};
  EXPECT_NE(
      detail_of(create(input)).find("'" + enterprise + ":employeeNumber' must be a JSON string"),
      std::string::npos)
      << detail_of(create(input));
  input[enterprise] = {{"manager", {{"value", 1}}}};
  EXPECT_NE(
      detail_of(create(input)).find("'" + enterprise + ":manager.value' must be a JSON string"),
      std::string::npos)
      << detail_of(create(input));
}

TEST_F(Validation, CanonicalValuesAreEnforcedInStrictMode) {
  Json input = minimal();
  input["emails"] = {{{"value", "x@y"}, {"type", "Work"}}};
  EXPECT_TRUE(create(input).ok());  // caseExact false: "Work" is "work"
  input["emails"][0]["type"] = "pager";
  auto r = create(input);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("work, home, other"), std::string::npos);
  ValueOptions accept;
  accept.accept_non_canonical_values = true;
  auto accepted = create(input, accept);
  ASSERT_TRUE(accepted.ok()) << accepted.error().detail;
  EXPECT_TRUE(accepted->accepted_non_canonical_value);
  EXPECT_EQ(accepted->resource["emails"][0]["type"], "pager");
}

TEST_F(Validation, PrimaryAppearsAtMostOnce) {
  Json input = minimal();
  input["emails"] = {{{"value", "a@x"}, {"primary", true}}, {{"value", "b@x"}, {"primary", true}}};
  EXPECT_TRUE(IsScimError(create(input), 400, ScimType::InvalidValue));
}

// RFC 7643 §2.5 / RFC 7644 §3.5.1: null and [] mean unassigned.
TEST_F(Validation, NullAndEmptyArrayAreUnassigned) {
  Json input = minimal();
  input["title"] = nullptr;
  input["roles"] = Json::array();
  auto r = create(input);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource, minimal());
}

// An input given up (a parsed request body) has its values moved into the result instead of
// copied: the answers are those of the same input kept, for a user with every kind of attribute
// (complex, multi-valued, an extension with a complex attribute, readOnly input, a long string),
// and for inputs refused after some of their values were moved.
TEST_F(Validation, AGivenUpInputAnswersAsAKeptOne) {
  const std::string enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  Json full = minimal();
  full["schemas"].push_back(enterprise);
  full["externalId"] = std::string(300, 'e');
  full["name"] = {{"givenName", "Barbara"}, {"familyName", "Jensen"}, {"formatted", "Ms. B J"}};
  full["emails"] = {{{"value", "bjensen@example.com"}, {"type", "work"}, {"primary", true}},
                    {{"value", "babs@jensen.org"}, {"type", "home"}}};
  full["addresses"] = {{{"streetAddress", "100 Universal City Plaza"}, {"type", "work"}}};
  full["active"] = true;
  full["groups"] = {{{"value", "g1"}}};  // readOnly: dropped
  full[enterprise] = {{"employeeNumber", "701984"}, {"manager", {{"value", "26118915-6090"}}}};
  auto r = create(full);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->resource["externalId"], full["externalId"]);
  EXPECT_EQ(r->resource["emails"], full["emails"]);
  EXPECT_EQ(r->resource[enterprise], full[enterprise]);
  EXPECT_FALSE(r->resource.contains("groups"));

  // Normalised in place when given up: members renamed to their canonical names, null and
  // readOnly sub-attributes dropped, a complex value left empty unassigned.
  Json odd = full;
  odd["name"] = {{"GIVENNAME", "Barbara"}, {"familyName", nullptr}, {"Formatted", "B J"}};
  odd["emails"] = {{{"VALUE", "a@example.com"}, {"Type", "work"}, {"primary", nullptr}},
                   {{"value", "b@example.com"}, {"display", "B"}}};
  odd.erase(enterprise);
  odd["schemas"] = Json::array({urn::kUser});
  auto renamed = create(odd);
  ASSERT_TRUE(renamed.ok()) << renamed.error().detail;
  EXPECT_EQ(renamed->resource["name"], Json({{"givenName", "Barbara"}, {"formatted", "B J"}}));
  EXPECT_EQ(renamed->resource["emails"][0], Json({{"value", "a@example.com"}, {"type", "work"}}));
  Json manager = minimal();
  manager["schemas"].push_back(enterprise);
  manager[enterprise] = {{"manager", {{"displayName", "read only"}}}, {"costCenter", "4130"}};
  auto dropped = create(manager);
  ASSERT_TRUE(dropped.ok()) << dropped.error().detail;
  EXPECT_EQ(dropped->resource[enterprise], Json({{"costCenter", "4130"}}));
  manager[enterprise] = {{"EmployeeNumber", "7"}, {"department", nullptr}};  // not canonical
  auto spelled = create(manager);
  ASSERT_TRUE(spelled.ok()) << spelled.error().detail;
  EXPECT_EQ(spelled->resource[enterprise], Json({{"employeeNumber", "7"}}));
  manager[enterprise] = {{"department", nullptr}, {"manager", {{"displayName", "read only"}}}};
  auto left_out = create(manager);  // nothing left of the extension: it is unassigned
  ASSERT_TRUE(left_out.ok()) << left_out.error().detail;
  EXPECT_FALSE(left_out->resource.contains(enterprise));
  manager[enterprise] = {{"manager", {{"value", "m-1"}, {"displayName", "read only"}}}};
  auto kept_value = create(manager);
  ASSERT_TRUE(kept_value.ok()) << kept_value.error().detail;
  EXPECT_EQ(kept_value->resource[enterprise], Json({{"manager", {{"value", "m-1"}}}}));

  // Refused after earlier values (and sub-values) were moved: the same error either way.
  Json late = full;
  late["userType"] = 7;
  EXPECT_TRUE(IsScimError(create(late), 400, ScimType::InvalidValue));
  late = full;
  late["emails"][1]["primary"] = true;
  EXPECT_TRUE(IsScimError(create(late), 400, ScimType::InvalidValue));
  late = full;
  late["addresses"][0]["planet"] = "Mars";
  EXPECT_TRUE(IsScimError(create(late), 400, ScimType::InvalidValue));
  late = full;
  late[enterprise]["manager"]["value"] = false;
  EXPECT_TRUE(IsScimError(create(late), 400, ScimType::InvalidValue));
  late = full;
  late["emails"][1] = {{"primary", nullptr}};  // nothing writable left in one element
  EXPECT_TRUE(IsScimError(create(late), 400, ScimType::InvalidValue));
  late = full;
  late["name"]["GIVENNAME"] = "again";  // given twice once the names are canonical
  EXPECT_TRUE(IsScimError(create(late), 400, ScimType::InvalidValue));
  late = full;
  late.erase("userName");
  EXPECT_TRUE(IsScimError(create(late), 400, ScimType::InvalidValue));
}

// A "Device" type with an immutable attribute and a required extension.
class ImmutableValidation : public testing_support::DeviceTest {};

// RFC 7644 §3.5.1 immutable: existing values must match; missing input keeps them.
TEST_F(ImmutableValidation, ReplaceChecksImmutableAgainstExisting) {
  const Json existing = input("S-1");
  auto same = validate_resource(input("S-1"), registry, device(), WriteMode::Replace, &existing);
  EXPECT_TRUE(same.ok());
  auto changed = validate_resource(input("S-2"), registry, device(), WriteMode::Replace, &existing);
  EXPECT_TRUE(IsScimError(changed, 400, ScimType::Mutability));
  auto omitted =
      validate_resource(input(nullptr), registry, device(), WriteMode::Replace, &existing);
  ASSERT_TRUE(omitted.ok());
  EXPECT_EQ(omitted->resource["serial"], "S-1");
  const Json unset = input(nullptr);
  auto first = validate_resource(input("S-9"), registry, device(), WriteMode::Replace, &unset);
  EXPECT_TRUE(first.ok());
}

TEST_F(ImmutableValidation, RequiredExtensionIsEnforced) {
  Json j = {{"schemas", {"urn:example:schemas:Device"}}, {"label", "l"}};
  auto r = validate_resource(j, registry, device(), WriteMode::Create, nullptr);
  EXPECT_TRUE(IsScimError(r, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(r).find("Badge"), std::string::npos);
  j["schemas"].push_back("urn:example:schemas:extension:Badge");
  auto missing_attr = validate_resource(j, registry, device(), WriteMode::Create, nullptr);
  EXPECT_TRUE(IsScimError(missing_attr, 400, ScimType::InvalidValue));
  // An empty string for a required extension attribute is missing too (RFC 7643 §2.5).
  j["urn:example:schemas:extension:Badge"] = {{"label", ""}};
  auto empty_attr = validate_resource(j, registry, device(), WriteMode::Create, nullptr);
  EXPECT_TRUE(IsScimError(empty_attr, 400, ScimType::InvalidValue));
  EXPECT_NE(detail_of(empty_attr).find("Badge:label"), std::string::npos);
}

}  // namespace
}  // namespace scim::engine
