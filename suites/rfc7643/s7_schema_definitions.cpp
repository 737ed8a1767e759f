// RFC 7643 §7 Schema Definition: the shape of every schema served at /Schemas (id, attributes with
// their characteristics drawn from the allowed keyword sets), and §4 / §8.7.1 characteristics of
// the core User and Group attributes as a black box reads them from /Schemas.
#include <algorithm>
#include <functional>
#include <vector>

#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace {

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

// One characteristic of one core attribute, as RFC 7643 §4 and §8.7.1 define it.
struct Characteristic {
  const char* slug;
  const char* schema;
  const char* path;  // "userName" or "emails.type"
  const char* key;
  json expected;
  const char* requirement;
};

const json* find_attribute(const json& schema, const std::string& path) {
  const json* attrs = member(schema, "attributes");
  std::string rest = path;
  while (attrs && attrs->is_array()) {
    auto dot = rest.find('.');
    std::string head = rest.substr(0, dot);
    auto it = std::find_if(attrs->begin(), attrs->end(),
                           [&](const json& a) { return a.value("name", "") == head; });
    if (it == attrs->end()) return nullptr;
    if (dot == std::string::npos) return &*it;
    rest = rest.substr(dot + 1);
    attrs = member(*it, "subAttributes");
  }
  return nullptr;
}

void run_characteristic(conf::Context& ctx, const Characteristic& c) {
  json schema = expect_json(ctx, ctx.get("/Schemas/" + std::string(c.schema)), 200,
                            std::string("GET /Schemas/") + c.schema);
  const json* attribute = find_attribute(schema, c.path);
  ctx.expect(attribute != nullptr, std::string("the schema defines ") + c.path, c.path, "absent");
  const json* v = member(*attribute, c.key);
  bool ok = v && (c.expected.is_array()
                      ? std::all_of(c.expected.begin(), c.expected.end(),
                                    [&](const json& e) {
                                      return std::find(v->begin(), v->end(), e) != v->end();
                                    })
                      : *v == c.expected);
  ctx.expect(ok, std::string(c.path) + "." + c.key, c.expected.dump(), v ? v->dump() : "absent");
}

constexpr const char* kUserName =
    "Each User MUST include a non-empty userName value.  This identifier MUST be unique across the "
    "service provider's entire set of Users.  This attribute is REQUIRED and is case insensitive.";
constexpr const char* kPassword =
    "The mutability of the password attribute is \"writeOnly\", indicating that the value MUST NOT "
    "be returned by a service provider in any form (the attribute characteristic \"returned\" is "
    "\"never\").";
constexpr const char* kGroups =
    "Since this attribute has a mutability of \"readOnly\", group membership changes MUST be "
    "applied via the \"Group\" Resource (Section 4.2).";
constexpr const char* kGroupTypes =
    "The canonical types \"direct\" and \"indirect\" are defined to describe how the group "
    "membership was derived.";

std::vector<Characteristic> characteristics() {
  const char* user = urn::kUser.data();
  return {
      {"user-username-required", user, "userName", "required", true, kUserName},
      {"user-username-case-insensitive", user, "userName", "caseExact", false, kUserName},
      {"user-username-unique", user, "userName", "uniqueness", "server", kUserName},
      {"user-password-write-only", user, "password", "mutability", "writeOnly", kPassword},
      {"user-password-returned-never", user, "password", "returned", "never", kPassword},
      {"user-groups-read-only", user, "groups", "mutability", "readOnly", kGroups},
      {"user-groups-multi-valued", user, "groups", "multiValued", true, kGroups},
      {"user-groups-type-canonical", user, "groups.type", "canonicalValues",
       json::array({"direct", "indirect"}), kGroupTypes},
      {"user-emails-multi-valued", user, "emails", "multiValued", true,
       "Email addresses for the User."},
      {"user-active-boolean", user, "active", "type", "boolean",
       "A Boolean value indicating the user's administrative status."},
      {"user-name-complex", user, "name", "type", "complex", "The components of the user's name."},
  };
}

}  // namespace

void register_s7_schema_definitions(conf::Catalog& catalog) {
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
         .requirement = "and all attributes are REQUIRED unless otherwise specified.",
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
         .requirement = "readOnly  The attribute SHALL NOT be modified.",
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
  for (const auto& c : characteristics())
    s.add(
        {.slug = c.slug,
         .title = std::string("User schema: ") + c.path + " " + c.key + " is " + c.expected.dump(),
         .level = kMust,
         .requirement = c.requirement,
         .tags = {tag::kDiscovery, tag::kSchema, tag::kUsers},
         .needs = {cap::kUsers},
         .run = [c](conf::Context& ctx) { run_characteristic(ctx, c); }});
}

}  // namespace scim::suites::rfc7643
