// RFC 7643 §3 SCIM Resources: the "schemas" attribute (§3), common attributes id, externalId and
// meta (§3.1) and extension containers (§3.3).
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace s3_resources_local {

const Tags kTags = {tag::kResources, tag::kUsers};

void schemas_non_empty(conf::Context& ctx) {
  json user = ctx.create_user();
  const json* schemas = member(user, "schemas");
  ctx.expect(schemas && schemas->is_array() && !schemas->empty() && has_schema(user, urn::kUser),
             "schemas is a non-empty array containing the User URN", std::string(urn::kUser),
             schemas ? brief(*schemas) : "absent");
}

void schemas_only_declared(conf::Context& ctx) {
  json user = ctx.create_user();
  std::set<std::string> allowed = {std::string(urn::kUser)};
  if (const auto* type = ctx.caps().find_type("User"))
    for (const auto& [ext, required] : type->extensions) allowed.insert(ext);
  std::set<std::string> seen;
  for (const auto& s : user.value("schemas", json::array())) {
    std::string u = s.is_string() ? s.get<std::string>() : s.dump();
    ctx.expect(allowed.count(u) == 1, "schemas lists only the type's schema and extensions",
               brief(json(allowed)), u);
    ctx.expect(seen.insert(u).second, "schemas has no duplicate values", "unique", u);
  }
}

void id_assigned(conf::Context& ctx) {
  json a = ctx.create_user();
  json b = ctx.create_user();
  ctx.expect(!id_string(a).empty() && id_string(a) != id_string(b), "ids are non-empty and unique",
             "two distinct ids", id_string(a) + " / " + id_string(b));
}

void id_stable(conf::Context& ctx) {
  json user = ctx.create_user();
  json first = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  json second = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET again");
  ctx.expect(id_string(first) == id_string(user) && id_string(second) == id_string(user),
             "the id does not change between requests", id_string(user), id_string(second));
}

void id_not_bulkid(conf::Context& ctx) {
  json user = ctx.create_user();
  ctx.expect(id_string(user).find("bulkId") == std::string::npos,
             "the id does not contain the reserved word bulkId", "no \"bulkId\"", id_string(user));
}

void external_id_not_invented(conf::Context& ctx) {
  json user = ctx.create_user();
  ctx.expect(!has_member(user, "externalId"), "no externalId is assigned by the provider", "absent",
             brief(user));
}

void external_id_case_exact(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"externalId", "MixedCase-ExtId-42"}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  ctx.expect(body.value("externalId", "") == "MixedCase-ExtId-42",
             "externalId (caseExact) keeps its case", "MixedCase-ExtId-42", brief(body));
}

void meta_assigned(conf::Context& ctx) {
  json user = ctx.create_user();
  const json* meta = member(user, "meta");
  ctx.expect(meta && has_member(*meta, "resourceType") && has_member(*meta, "created") &&
                 has_member(*meta, "lastModified") && has_member(*meta, "location"),
             "meta carries resourceType, created, lastModified, location",
             "resourceType, created, lastModified, location", meta ? brief(*meta) : "absent");
}

void last_modified_equals_created(conf::Context& ctx) {
  json user = ctx.create_user();
  const json* meta = member(user, "meta");
  ctx.expect(meta && meta->value("created", "a") == meta->value("lastModified", "b"),
             "an unmodified resource has lastModified == created", "equal",
             meta ? brief(*meta) : "absent");
}

void extension_container(conf::Context& ctx) {
  std::string ext(urn::kEnterpriseUser);
  json user = create_user_with(
      ctx, {{"schemas", {std::string(urn::kUser), ext}}, {ext, {{"employeeNumber", "701984"}}}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  const json* container = member(body, ext);
  ctx.expect(container && container->value("employeeNumber", "") == "701984",
             "extension attributes live under the extension URN", "employeeNumber 701984",
             container ? brief(*container) : "absent");
  ctx.expect(has_schema(body, ext), "schemas lists the extension in use", ext,
             brief(body.value("schemas", json())));
}

}  // namespace s3_resources_local

void register_s3_resources(conf::Catalog& catalog) {
  using namespace s3_resources_local;
  auto& spec = rfc7643_spec(catalog);
  SectionBuilder s(catalog, spec, "3", "SCIM Resources");
  s.add({.slug = "schemas-non-empty",
         .title = "a created User has a non-empty schemas with the User URN",
         .level = kMust,
         .requirement = "All representations of SCIM schemas MUST include a non-empty array with "
                        "value(s) of the URIs supported by that representation.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = schemas_non_empty});
  s.add({.slug = "schemas-only-declared-unique",
         .title = "schemas holds declared URNs, without duplicates",
         .level = kMust,
         .requirement = "The \"schemas\" attribute for a resource MUST only contain values defined "
                        "as \"schema\" and \"schemaExtensions\" for the resource's defined "
                        "\"resourceType\".  Duplicate values MUST NOT be included.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = schemas_only_declared});
  SectionBuilder c(catalog, spec, "3.1", "Common Attributes");
  c.add({.slug = "id-non-empty-unique",
         .title = "ids are non-empty and unique",
         .level = kMust,
         .requirement = "This identifier MUST be unique across the SCIM service provider's entire "
                        "set of resources.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = id_assigned});
  c.add({.slug = "id-stable",
         .title = "the id is stable across requests",
         .level = kMust,
         .requirement = "It MUST be a stable, non-reassignable identifier that does not change "
                        "when the same resource is returned in subsequent requests.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = id_stable});
  c.add({.slug = "id-without-bulkid",
         .title = "ids never contain \"bulkId\"",
         .level = kMust,
         .requirement = "The string \"bulkId\" is a reserved keyword and MUST NOT be used within "
                        "any unique identifier value.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = id_not_bulkid});
  c.add({.slug = "external-id-not-set-by-provider",
         .title = "the provider invents no externalId",
         .level = kMust,
         .requirement = "The value of the \"externalId\" attribute is always issued by the "
                        "provisioning client and MUST NOT be specified by the service provider.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = external_id_not_invented});
  c.add({.slug = "external-id-case-preserved",
         .title = "externalId keeps its case",
         .level = kMust,
         // caseExact "true" means, by RFC 7643 §7, "the server SHALL preserve case".
         .requirement = "This attribute has \"caseExact\" as \"true\" and a mutability of "
                        "\"readWrite\".",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = external_id_case_exact});
  c.add({.slug = "meta-assigned-on-create",
         .title = "meta is assigned by the provider",
         .level = kMust,
         .requirement = "When accepted by a service provider (e.g., after a SCIM create), the "
                        "attributes \"id\" and \"meta\" (and its associated sub-attributes) MUST "
                        "be assigned values by the service provider.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = meta_assigned});
  c.add({.slug = "last-modified-equals-created",
         .title = "lastModified equals created before any change",
         .level = kMust,
         .requirement = "If this resource has never been modified since its initial creation, the "
                        "value MUST be the same as the value of \"created\".",
         .tags = {tag::kResources, tag::kUsers, tag::kMeta},
         .needs = {cap::kUsers},
         .run = last_modified_equals_created});
  SectionBuilder e(catalog, spec, "3.3", "Attribute Extensions to Resources");
  e.add({.slug = "extension-uri-is-container",
         .title = "enterprise attributes sit under their URN",
         .level = kMust,
         .requirement = "Except for the base object schema, the schema extension URI SHALL be used "
                        "as a JSON container to distinguish attributes belonging to the extension "
                        "namespace from base schema attributes.",
         .tags = {tag::kResources, tag::kUsers, tag::kExtensions},
         .needs = {cap::kUsers, cap::kEnterpriseUser},
         .run = extension_container});
}

}  // namespace scim::suites::rfc7643
