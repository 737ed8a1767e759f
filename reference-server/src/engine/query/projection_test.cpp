// Projection (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7 "returned"): attributes / excludedAttributes,
// sub-attributes, URN-qualified extension names, returned always/never/default/request.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scim/protocol/schema_loader.hpp"
#include "scim/server/engine/query/query.hpp"
#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::bjensen;
using testing::FilterEnv;
using testing::IsScimError;

constexpr const char* kEnterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

class ProjectionTest : public ::testing::Test {
 protected:
  nlohmann::json shown(std::optional<std::string> attributes,
                       std::optional<std::string> excluded = std::nullopt,
                       const nlohmann::json& resource = bjensen()) {
    auto p = parse_projection(attributes, excluded, env.registry(), env.user());
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().detail);
    return p.ok() ? project(resource, *p, env.registry(), env.user()) : nlohmann::json();
  }
  static nlohmann::json with_password() {
    auto u = bjensen();
    u["password"] = "t1meMa$heen";  // returned "never" (RFC 7643 §4.1.1)
    return u;
  }
  FilterEnv env;
};

TEST_F(ProjectionTest, Rfc7644Section39Example) {
  // GET /Users/2819c223-...?attributes=userName returns schemas, id and userName only.
  const auto u = bjensen();
  const nlohmann::json expected = {
      {"schemas", u["schemas"]}, {"id", u["id"]}, {"userName", u["userName"]}};
  EXPECT_EQ(shown("userName"), expected);
}

TEST_F(ProjectionTest, DefaultReturnsEverythingButNever) {
  const auto out = shown(std::nullopt, std::nullopt, with_password());
  EXPECT_FALSE(out.contains("password"));
  auto expected = bjensen();
  EXPECT_EQ(out, expected);
}

TEST_F(ProjectionTest, TheDefaultViewIsNeitherParameter) {
  // RFC 7644 §3.9: without attributes or excludedAttributes the default set is returned; an
  // attributes parameter naming only unknown names still selects (schemas and id only).
  auto view = [&](std::optional<std::string> attributes, std::optional<std::string> excluded) {
    auto p = parse_projection(attributes, excluded, env.registry(), env.user());
    EXPECT_TRUE(p.ok());
    return p.ok() && is_default_view(*p);
  };
  EXPECT_TRUE(view(std::nullopt, std::nullopt));
  EXPECT_FALSE(view("userName", std::nullopt));
  EXPECT_FALSE(view("noSuchAttribute", std::nullopt));
  EXPECT_FALSE(view(std::nullopt, "password"));
  EXPECT_EQ(shown(std::nullopt), project(bjensen(), Projection{}, env.registry(), env.user()));
}

TEST_F(ProjectionTest, NeverEvenWhenRequested) {
  EXPECT_FALSE(shown("password,userName", std::nullopt, with_password()).contains("password"));
}

TEST_F(ProjectionTest, IdIsAlwaysReturned) {
  const auto out = shown(std::nullopt, "id,userName,schemas");
  EXPECT_TRUE(out.contains("id"));
  EXPECT_TRUE(out.contains("schemas"));
  EXPECT_FALSE(out.contains("userName"));
  EXPECT_TRUE(out.contains("emails"));
}

TEST_F(ProjectionTest, SubAttributes) {
  const auto out = shown("name.givenName,emails.value");
  EXPECT_EQ(out["name"], nlohmann::json({{"givenName", "Barbara"}}));
  EXPECT_EQ(out["emails"], nlohmann::json::array({{{"value", "bjensen@example.com"}},
                                                  {{"value", "babs@jensen.org"}}}));
  EXPECT_FALSE(out.contains("meta"));
}

TEST_F(ProjectionTest, ExcludedSubAttributes) {
  const auto out = shown(std::nullopt, "emails.type,name.formatted,meta.version");
  EXPECT_FALSE(out["emails"][0].contains("type"));
  EXPECT_TRUE(out["emails"][0].contains("value"));
  EXPECT_EQ(out["name"], nlohmann::json({{"familyName", "Jensen"}, {"givenName", "Barbara"}}));
  EXPECT_FALSE(out["meta"].contains("version"));
  EXPECT_TRUE(out["meta"].contains("lastModified"));
}

TEST_F(ProjectionTest, ExtensionAttributesByUrn) {
  auto out = shown(std::string(kEnterprise) +
                   ":department, urn:ietf:params:scim:schemas:core:2.0:User:userName");
  EXPECT_EQ(out[kEnterprise], nlohmann::json({{"department", "Tour Operations"}}));
  EXPECT_EQ(out["userName"], "bjensen@example.com");
  // A bare extension URN names the whole extension.
  out = shown(kEnterprise);
  EXPECT_EQ(out[kEnterprise], bjensen()[kEnterprise]);
  EXPECT_FALSE(out.contains("userName"));
  // Excluding the manager sub-attribute of the extension.
  out = shown(std::nullopt, std::string(kEnterprise) + ":manager.displayName");
  EXPECT_EQ(out[kEnterprise]["manager"],
            nlohmann::json({{"value", "26118915-6090-4610-87e4-49d8ca9f808d"}}));
  out = shown(std::nullopt, kEnterprise);
  EXPECT_FALSE(out.contains(kEnterprise));
}

TEST_F(ProjectionTest, NamesAreCaseInsensitive) {
  const auto out = shown("USERNAME,Name.GivenName");
  EXPECT_EQ(out["userName"], "bjensen@example.com");
  EXPECT_EQ(out["name"], nlohmann::json({{"givenName", "Barbara"}}));
}

// RFC 7643 §2.1: attribute names are case-insensitive. A member stored under another spelling
// is answered under the schema's; of two spellings of one attribute, the later in key order wins.
TEST_F(ProjectionTest, StoredSpellingsAnswerUnderTheSchemasName) {
  auto u = bjensen();
  u.erase("userName");
  u["USERNAME"] = "upper";
  u["name"] = {{"GIVENNAME", "B"}, {"familyName", "Jensen"}};
  u["Schemas"] = u["schemas"];
  u.erase("schemas");
  u[kEnterprise] = {{"EmployeeNumber", "7"}};
  auto out = shown(std::nullopt, std::nullopt, u);
  EXPECT_EQ(out["userName"], "upper");
  EXPECT_FALSE(out.contains("USERNAME"));
  EXPECT_EQ(out["name"], nlohmann::json({{"givenName", "B"}, {"familyName", "Jensen"}}));
  EXPECT_EQ(out["schemas"], bjensen()["schemas"]);
  EXPECT_FALSE(out.contains("Schemas"));
  EXPECT_EQ(out[kEnterprise], nlohmann::json({{"employeeNumber", "7"}}));

  u["userName"] = "lower";  // "USERNAME" < "userName": the correctly spelt one comes later
  EXPECT_EQ(shown(std::nullopt, std::nullopt, u)["userName"], "lower");
  u.erase("USERNAME");
  u["username"] = "later";  // "userName" < "username": the misspelt one comes later
  out = shown(std::nullopt, std::nullopt, u);
  EXPECT_EQ(out["userName"], "later");
  EXPECT_FALSE(out.contains("username"));
}

TEST_F(ProjectionTest, UnknownNamesAreIgnored) {
  auto out = shown("favoriteColor");
  EXPECT_EQ(out, nlohmann::json({{"schemas", bjensen()["schemas"]}, {"id", bjensen()["id"]}}));
  out = shown(std::nullopt, "favoriteColor");
  EXPECT_EQ(out, bjensen());
}

TEST_F(ProjectionTest, ElementsLeftEmptyDisappear) {
  auto u = bjensen();
  u["emails"] = {{{"value", "a@x"}}, {{"type", "work"}}};
  const auto out = shown("emails.value", std::nullopt, u);
  EXPECT_EQ(out["emails"], nlohmann::json::array({{{"value", "a@x"}}}));
  EXPECT_FALSE(shown("ims.display").contains("ims"));
}

TEST_F(ProjectionTest, UndefinedMembersAreDropped) {
  auto u = bjensen();
  u["favoriteColor"] = "blue";
  u["urn:example:unknown"] = {{"x", 1}};
  u["emails"][0]["label"] = "x";
  const auto out = shown(std::nullopt, std::nullopt, u);
  EXPECT_EQ(out, bjensen());
}

TEST_F(ProjectionTest, ReturnedRequestOnlyWhenNamed) {
  // A schema with a returned:request attribute (none of the RFC schemas has one).
  Registry registry = Registry::with_builtin();
  auto schema = parse_schema(nlohmann::json::parse(R"({
      "id": "urn:example:scim:schemas:Device", "name": "Device", "attributes": [
        {"name": "label", "type": "string"},
        {"name": "secretHint", "type": "string", "returned": "request"},
        {"name": "parts", "type": "complex", "multiValued": true, "subAttributes": [
          {"name": "value", "type": "string"},
          {"name": "cost", "type": "integer", "returned": "request"},
          {"name": "key", "type": "string", "returned": "always"}]}]})"),
                             "test");
  ASSERT_TRUE(schema.ok());
  ASSERT_TRUE(registry.add_schema(std::move(*schema)).ok());
  ASSERT_TRUE(registry
                  .add_resource_type(ResourceType{
                      "Device", "Device", "", "/Devices", "urn:example:scim:schemas:Device", {}})
                  .ok());
  const ResourceType& type = *registry.find_resource_type("Device");
  const nlohmann::json d = {{"schemas", {"urn:example:scim:schemas:Device"}},
                            {"id", "d1"},
                            {"label", "L"},
                            {"secretHint", "H"},
                            {"parts", {{{"value", "p"}, {"cost", 3}, {"key", "k"}}}}};
  auto view = [&](std::optional<std::string> a, std::optional<std::string> e) {
    auto p = parse_projection(a, e, registry, type);
    EXPECT_TRUE(p.ok());
    return project(d, *p, registry, type);
  };
  auto out = view(std::nullopt, std::nullopt);
  EXPECT_FALSE(out.contains("secretHint"));
  EXPECT_EQ(out["parts"], nlohmann::json::array({{{"value", "p"}, {"key", "k"}}}));
  out = view(std::nullopt, "label");
  EXPECT_FALSE(out.contains("secretHint"));
  out = view("secretHint,parts.cost", std::nullopt);
  EXPECT_EQ(out["secretHint"], "H");
  EXPECT_EQ(out["parts"], nlohmann::json::array({{{"cost", 3}, {"key", "k"}}}));
  EXPECT_FALSE(out.contains("label"));
  // returned:always sub-attributes come along even when their parent was not named.
  out = view("label", std::nullopt);
  EXPECT_EQ(out["parts"], nlohmann::json::array({{{"key", "k"}}}));
}

TEST_F(ProjectionTest, ParseErrors) {
  auto both = parse_projection("userName", "emails", env.registry(), env.user());
  ASSERT_FALSE(both.ok());
  EXPECT_THAT(both.error(), IsScimError(400, ScimType::InvalidSyntax));
  auto malformed =
      parse_projection("userName,emails..value", std::nullopt, env.registry(), env.user());
  ASSERT_FALSE(malformed.ok());
  EXPECT_THAT(malformed.error(), IsScimError(400, ScimType::InvalidPath));
  std::string many;
  for (std::size_t i = 0; i <= kMaxProjectionNames; ++i) many += "userName,";
  auto too_many = parse_projection(many, std::nullopt, env.registry(), env.user());
  ASSERT_FALSE(too_many.ok());
  EXPECT_THAT(too_many.error(), IsScimError(400, ScimType::InvalidValue));
  // Blank parameters count as absent, so these are not "both".
  EXPECT_TRUE(parse_projection("", "emails", env.registry(), env.user()).ok());
  EXPECT_TRUE(parse_projection("userName", " ", env.registry(), env.user()).ok());
}

TEST_F(ProjectionTest, NonObjectsPassThrough) {
  EXPECT_EQ(project(nlohmann::json("x"), Projection{}, env.registry(), env.user()), "x");
}

}  // namespace
}  // namespace scim::engine
