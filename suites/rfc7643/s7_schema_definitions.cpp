// RFC 7643 §7 Schema Definition: the shape of every schema served at /Schemas (id, attributes with
// their characteristics drawn from the allowed keyword sets). The characteristics RFC 7643 §4.1
// gives the User attributes are judged in s4_1_user_schema.cpp.
#include <algorithm>
#include <functional>
#include <vector>

#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace s7_schema_definitions_local {

using Visit = std::function<void(const std::string& path, const json& attribute)>;

json all_schemas(conf::Context& ctx) {
  return resources_of(expect_list(ctx, ctx.get("/Schemas"), "GET /Schemas"));
}

void walk(const json& attributes, const std::string& prefix, const Visit& visit) {
  if (!attributes.is_array()) return;
  for (const auto& a : attributes) {
    std::string path = prefix + a.value("name", "?");
    visit(path, a);
    if (const json* subs = member(a, "subAttributes")) walk(*subs, path + ".", visit);
  }
}

void each_attribute(conf::Context& ctx, const Visit& visit) {
  for (const auto& schema : all_schemas(ctx)) {
    const json* attrs = member(schema, "attributes");
    ctx.expect(attrs && attrs->is_array(), "schema " + schema.value("id", "?") + " has attributes",
               "array", attrs ? brief(*attrs) : "absent");
    walk(*attrs, schema.value("id", "?") + ":", visit);
  }
}

void keyword_in(conf::Context& ctx, const char* characteristic, std::vector<std::string> allowed) {
  each_attribute(ctx, [&](const std::string& path, const json& a) {
    const json* v = member(a, characteristic);
    if (!v) return;  // RFC 7643 §2.2 defaults apply when absent
    bool ok = v->is_string() &&
              std::find(allowed.begin(), allowed.end(), v->get<std::string>()) != allowed.end();
    ctx.expect(ok, path + ": " + characteristic + " is an allowed keyword", brief(json(allowed)),
               brief(*v));
  });
}

void schema_ids(conf::Context& ctx) {
  for (const auto& schema : all_schemas(ctx)) {
    std::string id = schema.value("id", "");
    ctx.expect(id.rfind("urn:", 0) == 0, "each schema id is a URI", "urn:...", id);
  }
}

void attribute_basics(conf::Context& ctx) {
  each_attribute(ctx, [&](const std::string& path, const json& a) {
    const json* name = member(a, "name");
    const json* type = member(a, "type");
    const json* mv = member(a, "multiValued");
    ctx.expect(name && name->is_string() && type && type->is_string() && mv && mv->is_boolean(),
               path + " declares name, type and multiValued", "name, type, multiValued", brief(a));
  });
}

void complex_has_sub_attributes(conf::Context& ctx) {
  each_attribute(ctx, [&](const std::string& path, const json& a) {
    if (a.value("type", "") != "complex") return;
    const json* subs = member(a, "subAttributes");
    ctx.expect(subs && subs->is_array() && !subs->empty(),
               path + " (complex) lists its subAttributes", "subAttributes", brief(a));
  });
}

}  // namespace s7_schema_definitions_local

void register_s7_schema_definitions(conf::Catalog& catalog) {
  using namespace s7_schema_definitions_local;
  SectionBuilder s(catalog, rfc7643_spec(catalog), "7", "Schema Definition");
  Tags tags = {tag::kDiscovery, tag::kSchema};
  s.add({.slug = "schema-ids-are-uris",
         .title = "every schema id is a URI",
         .level = kMust,
         .requirement = "The unique URI of the schema.  When applicable, service providers MUST "
                        "specify the URI, e.g., \"urn:ietf:params:scim:schemas:core:2.0:User\".",
         .tags = tags,
         .run = schema_ids});
  s.add({.slug = "attributes-declare-name-type-multivalued",
         .title = "attributes declare name/type/multiValued",
         .level = kMust,
         .requirement = "Unlike other core resources, the \"Schema\" resource MAY contain a "
                        "complex object within a sub-attribute, and all attributes are REQUIRED "
                        "unless otherwise specified.",
         .tags = tags,
         .run = attribute_basics});
  s.add({.slug = "attribute-types-valid",
         .title = "attribute types use the defined keywords",
         .level = kMust,
         .requirement = "Valid values are \"string\", \"boolean\", \"decimal\", \"integer\", "
                        "\"dateTime\", \"reference\", and \"complex\".",
         .tags = tags,
         .run = [](conf::Context& ctx) {
           // "binary" is listed by RFC 7643 §2.3.6 and used in §8.7.1 (x509Certificates.value).
           keyword_in(ctx, "type",
                      {"string", "boolean", "decimal", "integer", "dateTime", "reference",
                       "complex", "binary"});
         }});
  s.add({.slug = "mutability-keywords-valid",
         .title = "mutability uses readOnly/readWrite/immutable/writeOnly",
         .level = kMust,
         .requirement = "A single keyword indicating the circumstances under which the value of "
                        "the attribute can be (re)defined:",
         .tags = tags,
         .run = [](conf::Context& ctx) {
           keyword_in(ctx, "mutability", {"readOnly", "readWrite", "immutable", "writeOnly"});
         }});
  s.add({.slug = "returned-keywords-valid",
         .title = "returned uses always/never/default/request",
         .level = kMust,
         .requirement =
             "A single keyword that indicates when an attribute and associated values are returned "
             "in response to a GET request or in response to a PUT, POST, or PATCH request.",
         .tags = tags,
         .run = [](conf::Context& ctx) {
           keyword_in(ctx, "returned", {"always", "never", "default", "request"});
         }});
  s.add({.slug = "uniqueness-keywords-valid",
         .title = "uniqueness uses none/server/global",
         .level = kMust,
         .requirement = "A single keyword value that specifies how the service provider enforces "
                        "uniqueness of attribute values.",
         .tags = tags,
         .run = [](conf::Context& ctx) {
           keyword_in(ctx, "uniqueness", {"none", "server", "global"});
         }});
  s.add({.slug = "complex-attributes-list-sub-attributes",
         .title = "complex attributes list subAttributes",
         .level = kShould,
         .requirement =
             "When an attribute is of type \"complex\", there SHOULD be a corresponding schema "
             "attribute \"subAttributes\" defined, listing the sub-attributes of the attribute.",
         .tags = tags,
         .run = complex_has_sub_attributes});
}

}  // namespace scim::suites::rfc7643
