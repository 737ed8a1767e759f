// RFC 7643 §6 ResourceType Schema: every advertised resource type carries name, endpoint and
// schema; schema and schemaExtensions name Schema resources that exist; the ResourceType schema
// URN.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace s6_resource_types_local {

json types(conf::Context& ctx) {
  return resources_of(expect_list(ctx, ctx.get("/ResourceTypes"), "GET /ResourceTypes"));
}

void required_strings(conf::Context& ctx) {
  for (const auto& t : types(ctx))
    for (const char* a : {"name", "endpoint", "schema"}) {
      const json* v = member(t, a);
      ctx.expect(v && v->is_string() && !v->get<std::string>().empty(),
                 std::string("each resource type has a non-empty \"") + a + "\"", a, brief(t));
    }
}

void schema_urn(conf::Context& ctx) {
  for (const auto& t : types(ctx))
    ctx.expect(has_schema(t, urn::kResourceType), "schemas carries the ResourceType URN",
               std::string(urn::kResourceType), brief(t.value("schemas", json())));
}

void schema_exists(conf::Context& ctx) {
  json schemas = expect_list(ctx, ctx.get("/Schemas"), "GET /Schemas");
  std::set<std::string> ids = ids_of(schemas);
  for (const auto& t : types(ctx)) {
    std::string s = t.value("schema", "");
    ctx.expect(ids.count(s) == 1, "the schema of " + t.value("name", "?") + " is a Schema id", s,
               brief(json(ids)));
  }
}

void extensions_shape(conf::Context& ctx) {
  json schemas = expect_list(ctx, ctx.get("/Schemas"), "GET /Schemas");
  std::set<std::string> ids = ids_of(schemas);
  for (const auto& t : types(ctx)) {
    const json* exts = member(t, "schemaExtensions");
    if (!exts) continue;
    for (const auto& e : *exts) {
      const json* req = member(e, "required");
      ctx.expect(req && req->is_boolean(), "each schemaExtensions value has a boolean required",
                 "required: true|false", brief(e));
      ctx.expect(ids.count(e.value("schema", "")) == 1, "the extension is a Schema id",
                 e.value("schema", ""), brief(json(ids)));
    }
  }
}

void users_and_groups(conf::Context& ctx) {
  int seen = 0;
  for (const auto& t : types(ctx)) {
    std::string name = t.value("name", "");
    if (name != "User" && name != "Group") continue;
    ++seen;
    std::string_view expected = name == "User" ? urn::kUser : urn::kGroup;
    ctx.expect(t.value("schema", "") == expected, "the " + name + " type uses the core schema",
               std::string(expected), t.value("schema", ""));
  }
  if (seen == 0) ctx.skip("neither User nor Group advertised");
}

}  // namespace s6_resource_types_local

void register_s6_resource_types(conf::Catalog& catalog) {
  using namespace s6_resource_types_local;
  SectionBuilder s(catalog, rfc7643_spec(catalog), "6", "ResourceType Schema");
  Tags tags = {tag::kDiscovery};
  s.add({.slug = "resource-type-required-attributes",
         .title = "name, endpoint and schema are present",
         .level = kMust,
         .requirement =
             "Unlike other core resources, all attributes are REQUIRED unless otherwise specified.",
         .tags = tags,
         .run = required_strings});
  s.add({.slug = "resource-type-schema-urn",
         .title = "each resource type carries the ResourceType schema URN",
         .level = kMust,
         .requirement = "Resource type resources are READ-ONLY and identified using the following "
                        "schema URI: \"urn:ietf:params:scim:schemas:core:2.0:ResourceType\".",
         .tags = tags,
         .run = schema_urn});
  s.add({.slug = "resource-type-schema-is-schema-id",
         .title = "schema equals the id of a Schema resource",
         .level = kMust,
         .requirement =
             "This MUST be equal to the \"id\" attribute of the associated \"Schema\" resource.",
         .tags = tags,
         .run = schema_exists});
  s.add({.slug = "schema-extensions-shape",
         .title = "schemaExtensions carry schema and required",
         .level = kMust,
         .requirement =
             "This MUST be equal to the \"id\" attribute of a \"Schema\" resource.  REQUIRED.",
         .tags = tags,
         .run = extensions_shape});
  // The sentence gives the core URN as an example ("e.g."), not as a requirement.
  s.add({.slug = "core-types-use-core-schemas",
         .title = "User/Group types name the core schemas",
         .level = kShould,
         .requirement = "The resource type's primary/base schema URI, e.g., "
                        "\"urn:ietf:params:scim:schemas:core:2.0:User\".",
         .tags = tags,
         .run = users_and_groups});
}

}  // namespace scim::suites::rfc7643
