// Profile "interop" (draft-zollner-scim-interop-profile-01), what a target publishes and how it
// is reached: §4 the interopProfileConformant flag, §5.1 discovery, §5.4 canonicalValues of every
// "type", §6.1 endpoints and canonical URIs, §6.2 the SCIM media type, §7.1 TLS 1.3.
#include <algorithm>

#include "index.hpp"
#include "scim/suites/common/section.hpp"
#include "standard_support.hpp"

namespace scim::suites::profiles {
namespace interop_discovery_local {

const Tags kDiscovery = {tag::kInterop, tag::kDiscovery};
const Tags kUserTags = {tag::kInterop, tag::kUsers};

json discovery_doc(conf::Context& ctx, const std::string& path) {
  return expect_json(ctx, ctx.get(path), 200, "GET " + path);
}

void advertises_conformance(conf::Context& ctx) {
  json spc = discovery_doc(ctx, "/ServiceProviderConfig");
  const json* flag = member(spc, "interopProfileConformant");
  ctx.expect(flag != nullptr && *flag == json(true),
             "/ServiceProviderConfig carries interopProfileConformant: true (a JSON boolean)",
             "\"interopProfileConformant\": true", flag ? brief(*flag) : "absent");
}

void discovery_endpoints(conf::Context& ctx) {
  for (const char* path : {"/ServiceProviderConfig", "/Schemas", "/ResourceTypes"})
    discovery_doc(ctx, path);
}

std::vector<std::string> schema_ids(const json& schemas) {
  std::vector<std::string> ids;
  for (const auto& s : resources_of(schemas)) ids.push_back(id_string(s));
  return ids;
}

void resource_type_schemas_published(conf::Context& ctx) {
  const auto ids = schema_ids(discovery_doc(ctx, "/Schemas"));
  std::string missing;
  for (const auto& rt : resources_of(discovery_doc(ctx, "/ResourceTypes"))) {
    std::vector<std::string> urns = {rt.value("schema", "")};
    for (const auto& ext : rt.value("schemaExtensions", json::array()))
      urns.push_back(ext.value("schema", ""));
    for (const auto& urn : urns) {
      if (std::find(ids.begin(), ids.end(), urn) == ids.end())
        missing += (missing.empty() ? "" : ", ") + rt.value("name", "?") + ": " + urn;
    }
  }
  ctx.expect(missing.empty(), "every schema a resource type names is served by /Schemas",
             "all referenced schemas", "missing " + missing);
}

void resource_type_id_is_name(conf::Context& ctx) {
  std::string wrong;
  for (const auto& rt : resources_of(discovery_doc(ctx, "/ResourceTypes"))) {
    const json* name = member(rt, "name");
    if (id_string(rt).empty() || name == nullptr || *name != json(id_string(rt)))
      wrong += (wrong.empty() ? "" : "; ") + brief(rt.value("id", json())) + " vs " +
               brief(name ? *name : json());
  }
  ctx.expect(wrong.empty(), "each ResourceType's id equals its name", "id == name",
             "id vs name: " + wrong);
}

// The "type" sub-attribute of a multi-valued complex attribute (names compare ignoring case,
// RFC 7643 §2.1), or nullptr.
const json* type_sub_attribute(const json& attribute) {
  const json* multi = member(attribute, "multiValued");
  const json* subs = member(attribute, "subAttributes");
  if (multi == nullptr || *multi != json(true) || subs == nullptr || !subs->is_array())
    return nullptr;
  for (const auto& sub : *subs) {
    const json* name = member(sub, "name");
    if (name != nullptr && name->is_string() && lower(name->get<std::string>()) == "type")
      return &sub;
  }
  return nullptr;
}

void type_canonical_values(conf::Context& ctx) {
  std::string missing;
  int typed = 0;
  for (const auto& schema : resources_of(discovery_doc(ctx, "/Schemas"))) {
    for (const auto& a : schema.value("attributes", json::array())) {
      const json* type = type_sub_attribute(a);
      if (type == nullptr) continue;
      ++typed;
      // "in that attribute's canonicalValues": on the type sub-attribute (where RFC 7643 §8.7.1
      // puts it) or on the multi-valued attribute itself.
      bool declared = false;
      for (const json* holder : {type, &a}) {
        const json* values = member(*holder, "canonicalValues");
        declared = declared || (values != nullptr && values->is_array() && !values->empty());
      }
      if (!declared)
        missing += (missing.empty() ? "" : ", ") + id_string(schema) + ":" + a.value("name", "?");
    }
  }
  if (typed == 0) ctx.skip("no schema defines a multi-valued attribute with a type sub-attribute");
  ctx.expect(missing.empty(), "every multi-valued attribute with a type declares canonicalValues",
             "non-empty canonicalValues for each type", "none for " + missing);
}

void unique_endpoints(conf::Context& ctx) {
  std::vector<std::string> seen;
  for (const auto& rt : resources_of(discovery_doc(ctx, "/ResourceTypes"))) {
    std::string endpoint = rt.value("endpoint", "");
    ctx.expect(std::find(seen.begin(), seen.end(), endpoint) == seen.end(),
               "no two resource types share an endpoint", "distinct endpoints",
               endpoint + " is listed twice");
    seen.push_back(endpoint);
  }
}

void canonical_uri(conf::Context& ctx) {
  json user = ctx.create_user();
  const std::string path = user_path(ctx, user);
  expect_json(ctx, ctx.get(path), 200, "GET /Users/{id}");
  const std::string location = user.value("meta", json::object()).value("location", "");
  ctx.expect(location.empty() || location.ends_with(path),
             "meta.location is the canonical /{endpoint}/{id} URI", "... " + path, location);
  const std::string by_name = "/Users/" + conf::Context::encode(user.value("userName", ""));
  ctx.expect_scim_error(ctx.get(by_name), 404);
}

void scim_media_type(conf::Context& ctx) {
  json user = ctx.create_user();
  const std::string path = user_path(ctx, user);
  const std::vector<std::pair<std::string, conf::HttpResponse>> answers = {
      {"GET /Users/{id}", ctx.get(path)},
      {"GET /Users", ctx.get("/Users?count=1")},
      {"GET of an unknown id (an error)", ctx.get("/Users/" + ctx.unique_name("absent"))}};
  for (const auto& [what, r] : answers) {
    const std::string type = expect_header(ctx, r, "Content-Type");
    ctx.expect(type.rfind("application/scim+json", 0) == 0,
               what + " answers Content-Type application/scim+json", "application/scim+json", type);
  }
}

void https_only(conf::Context& ctx) {
  ctx.expect(https_target(ctx), "the SCIM endpoint is served over TLS", "an https:// base URL",
             ctx.base_url());
}

}  // namespace interop_discovery_local

void register_interop_discovery(conf::Catalog& catalog) {
  using namespace interop_discovery_local;
  auto& spec = interop_spec(catalog);
  SectionBuilder s4(catalog, spec, "4", "Scope and Conformance");
  s4.add({.slug = "advertises-conformance",
          .title = "ServiceProviderConfig carries interopProfileConformant: true",
          .level = kMust,
          .requirement = "Service Providers claiming conformance with this profile MUST include "
                         "an interopProfileConformant attribute with a value of true in their "
                         "ServiceProviderConfig response.",
          .tags = kDiscovery,
          .run = advertises_conformance});
  SectionBuilder s51(catalog, spec, "5.1", "Discovery Endpoints");
  s51.add({.slug = "discovery-endpoints",
           .title = "/ServiceProviderConfig, /Schemas and /ResourceTypes answer 200",
           .level = kMust,
           .requirement = "Service Providers MUST implement the following configuration "
                          "discovery endpoints:",
           .tags = kDiscovery,
           .run = discovery_endpoints});
  s51.add({.slug = "resource-type-schemas-published",
           .title = "Every schema a resource type names is served by /Schemas",
           .level = kMust,
           .requirement = "All schemas referenced in resource type definitions returned by the "
                          "/ResourceTypes endpoint MUST be available at the /Schemas endpoint.",
           .tags = kDiscovery,
           .run = resource_type_schemas_published});
  s51.add({.slug = "resource-type-id-equals-name",
           .title = "Each ResourceType's id equals its name",
           .level = kMust,
           .requirement = "For every ResourceType resource returned by the /ResourceTypes "
                          "endpoint, Service Providers MUST populate the id attribute and its "
                          "value MUST equal the value of the name attribute.",
           .tags = kDiscovery,
           .run = resource_type_id_is_name});
  SectionBuilder s54(catalog, spec, "5.4", "Canonical Values for Typed Attributes");
  s54.add({.slug = "type-canonical-values",
           .title = "Every multi-valued attribute with a type declares canonicalValues",
           .level = kMust,
           .requirement = "For multi-valued complex attributes that include a type sub-attribute "
                          "(e.g., emails, phoneNumbers, ims, addresses), Service Providers MUST "
                          "declare the acceptable type values for each such attribute in that "
                          "attribute's canonicalValues property, as returned by /Schemas.",
           .tags = {tag::kInterop, tag::kSchema},
           .run = type_canonical_values});
  SectionBuilder s61(catalog, spec, "6.1", "Endpoint Structure");
  s61.add({.slug = "unique-endpoint-per-type",
           .title = "No two resource types share an endpoint",
           .level = kMust,
           .requirement = "Resources of different types MUST NOT share an endpoint.",
           .tags = kDiscovery,
           .run = unique_endpoints});
  s61.add({.slug = "canonical-uri-is-endpoint-id",
           .title = "A user lives at /Users/{id}, not at /Users/{userName}",
           .level = kMust,
           .requirement = "Service Providers MUST use /{endpoint}/{id} as the canonical URI for "
                          "addressing any resource and MUST NOT address resources via other "
                          "attribute values in the URI path (e.g., /{userName}).",
           .tags = kUserTags,
           .needs = {cap::kUsers},
           .run = canonical_uri});
  SectionBuilder s62(catalog, spec, "6.2", "Data Format and HTTP Headers");
  s62.add({.slug = "scim-media-type",
           .title = "Resources, lists and errors come as application/scim+json",
           .level = kMust,
           .requirement = "All requests and responses containing SCIM data MUST include a "
                          "Content-Type header with the value application/scim+json, as defined "
                          "in [RFC7644], Section 8.1.",
           .tags = {tag::kInterop, tag::kContentType},
           .needs = {cap::kUsers},
           .run = scim_media_type});
  SectionBuilder s71(catalog, spec, "7.1", "Transport Security");
  s71.add({.slug = "tls-required",
           .title = "The SCIM endpoint is served over TLS (https)",
           .level = kMust,
           .requirement = "All communication between a Client and Service Provider MUST be "
                          "secured using Transport Layer Security (TLS) [RFC8446].",
           .tags = {tag::kInterop, tag::kTls},
           .run = https_only});
  s71.add({.slug = "tls-1-3",
           .title = "The target completes a TLS 1.3 handshake",
           .level = kMust,
           .requirement = "Implementations MUST support TLS 1.3 and MAY support TLS 1.2.",
           .tags = {tag::kInterop, tag::kTls},
           .depends_on = {"interop/7.1/tls-required"},
           .run = expect_tls13});
}

}  // namespace scim::suites::profiles
