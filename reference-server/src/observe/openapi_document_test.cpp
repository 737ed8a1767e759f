// /openapi.json from a route table and a registry: every resource type, custom
// ones included, gets its paths and schema; security follows each route's
// access; path parameters are declared; RFC 7644 examples are attached. (The
// full document is validated by a maintained OpenAPI validator in the e2e test
// openapi_validate.)
#include "scim/server/observe/openapi_document.hpp"

#include <gtest/gtest.h>

#include <set>

namespace scim::observe {
namespace {

using server::Access;
using server::Route;
using server::Scope;

Registry registry_with_widgets() {
  Registry r = Registry::with_builtin();
  Schema widget;
  widget.id = "urn:example:params:scim:schemas:Widget";
  widget.name = "Widget";
  Attribute serial;
  serial.name = "serial";
  serial.required = true;
  Attribute tags;
  tags.name = "tags";
  tags.multi_valued = true;
  widget.attributes = {serial, tags};
  EXPECT_TRUE(r.add_schema(widget).ok());
  ResourceType type;
  type.id = type.name = "Widget";
  type.endpoint = "/Widgets";
  type.schema = widget.id;
  EXPECT_TRUE(r.add_resource_type(type).ok());
  return r;
}

std::vector<Route> routes() {
  auto ok = [](const server::Request&, const server::RouteMatch&) { return server::Response{}; };
  return {
      {.method = "GET",
       .pattern = "/{type}",
       .handler = ok,
       .rfc = "RFC 7644 §3.4.2",
       .summary = "query"},
      {.method = "POST",
       .pattern = "/{type}",
       .handler = ok,
       .rfc = "RFC 7644 §3.3",
       .summary = "create"},
      {.method = "GET",
       .pattern = "/{type}/{id}",
       .handler = ok,
       .rfc = "RFC 7644 §3.4.1",
       .summary = "retrieve"},
      {.method = "GET",
       .pattern = "/ServiceProviderConfig",
       .handler = ok,
       .rfc = "RFC 7644 §4",
       .summary = "config",
       .access = Access::Public},
      {.method = "GET",
       .pattern = "/admin/v1/tenants/{tenant}",
       .handler = ok,
       .rfc = "docs/mock.md",
       .summary = "a tenant",
       .scope = Scope::Root,
       .access = Access::Admin},
  };
}

TEST(OpenApiDocument, EveryResourceTypeGetsItsPathsAndSchema) {
  const auto reg = registry_with_widgets();
  const auto table = routes();
  const auto doc = openapi_document({.routes = table, .registry = reg});
  EXPECT_EQ(doc["openapi"], "3.1.0");
  const auto& paths = doc["paths"];
  for (const char* p : {"/scim/v2/Users", "/scim/v2/Groups", "/scim/v2/Widgets",
                        "/scim/v2/Users/{id}", "/scim/v2/Widgets/{id}"}) {
    EXPECT_TRUE(paths.contains(p)) << p;
  }
  const auto& widget = doc["components"]["schemas"]["urn_example_params_scim_schemas_Widget"];
  EXPECT_EQ(widget["required"], nlohmann::json::array({"serial"}));
  EXPECT_EQ(widget["properties"]["tags"]["type"], "array");
  EXPECT_EQ(paths["/scim/v2/Widgets"]["post"]["requestBody"]["content"]["application/scim+json"]
                 ["schema"]["$ref"],
            "#/components/schemas/Widget");
}

TEST(OpenApiDocument, SecurityFollowsEachRoutesAccess) {
  const auto reg = registry_with_widgets();
  const auto table = routes();
  const auto doc = openapi_document({.routes = table, .registry = reg, .basic_auth = true});
  const auto& paths = doc["paths"];
  EXPECT_EQ(paths["/scim/v2/Users"]["get"]["security"],
            nlohmann::json::parse(R"([{"bearer": []}, {"basic": []}])"));
  EXPECT_EQ(paths["/scim/v2/ServiceProviderConfig"]["get"]["security"], nlohmann::json::array());
  EXPECT_EQ(paths["/admin/v1/tenants/{tenant}"]["get"]["security"],
            nlohmann::json::parse(R"([{"adminToken": []}])"));
  const auto& schemes = doc["components"]["securitySchemes"];
  EXPECT_EQ(schemes["bearer"]["scheme"], "bearer");
  EXPECT_EQ(schemes["basic"]["scheme"], "basic");
  EXPECT_EQ(schemes["adminToken"]["scheme"], "bearer");
}

TEST(OpenApiDocument, PathParametersAreDeclaredAndOperationIdsUnique) {
  const auto reg = registry_with_widgets();
  const auto table = routes();
  const auto doc = openapi_document({.routes = table, .registry = reg});
  const auto& params = doc["paths"]["/scim/v2/Widgets/{id}"]["get"]["parameters"];
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0]["name"], "id");
  EXPECT_EQ(params[0]["in"], "path");
  EXPECT_EQ(params[0]["required"], true);
  std::set<std::string> ids;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << path << method;
    }
  }
}

// RFC 7644 §3.3: the User example of the RFC, request and 201 response.
TEST(OpenApiDocument, Rfc7644Section3_3ExampleOnUserCreate) {
  const auto reg = registry_with_widgets();
  const auto table = routes();
  const auto doc = openapi_document({.routes = table, .registry = reg});
  const auto& post = doc["paths"]["/scim/v2/Users"]["post"];
  EXPECT_EQ(post["requestBody"]["content"]["application/scim+json"]["example"]["userName"],
            "bjensen");
  EXPECT_EQ(post["responses"]["201"]["content"]["application/scim+json"]["example"]["id"],
            "2819c223-7f76-453a-919d-413861904646");
  EXPECT_EQ(post["responses"]["default"]["content"]["application/scim+json"]["schema"]["$ref"],
            "#/components/schemas/ScimError");
  // No User example on another type's create.
  EXPECT_FALSE(
      doc["paths"]["/scim/v2/Widgets"]["post"]["requestBody"]["content"]["application/scim+json"]
          .contains("example"));
}

}  // namespace
}  // namespace scim::observe
