// RFC 7643 §5 Service Provider Configuration Schema: every REQUIRED complex attribute and its
// REQUIRED sub-attributes with their JSON types, and authenticationSchemes.
#include <algorithm>
#include <vector>

#include "index.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace s5_service_provider_config_local {

enum class Kind { Boolean, Integer };

struct Field {
  const char* slug;
  const char* attribute;
  const char* sub;
  Kind kind;
  const char* requirement;
};

// clang-format off
const std::vector<Field> kFields = {
  {"patch-supported", "patch", "supported", Kind::Boolean,
   "A complex type that specifies PATCH configuration options. REQUIRED."},
  {"bulk-supported", "bulk", "supported", Kind::Boolean,
   "A complex type that specifies bulk configuration options.  See Section 3.7 of [RFC7644].  REQUIRED."},
  {"bulk-max-operations", "bulk", "maxOperations", Kind::Integer,
   "maxOperations  An integer value specifying the maximum number of operations.  REQUIRED."},
  {"bulk-max-payload-size", "bulk", "maxPayloadSize", Kind::Integer,
   "maxPayloadSize  An integer value specifying the maximum payload size in bytes.  REQUIRED."},
  {"filter-supported", "filter", "supported", Kind::Boolean,
   "A complex type that specifies FILTER options.  REQUIRED."},
  {"filter-max-results", "filter", "maxResults", Kind::Integer,
   "maxResults  An integer value specifying the maximum number of resources returned in a response.  REQUIRED."},
  {"change-password-supported", "changePassword", "supported", Kind::Boolean,
   "A complex type that specifies configuration options related to changing a password.  REQUIRED."},
  {"sort-supported", "sort", "supported", Kind::Boolean,
   "A complex type that specifies Sort configuration options.  REQUIRED."},
  {"etag-supported", "etag", "supported", Kind::Boolean,
   "A complex type that specifies ETag configuration options.  REQUIRED."},
};
// clang-format on

json spc(conf::Context& ctx) {
  return expect_json(ctx, ctx.get("/ServiceProviderConfig"), 200, "GET /ServiceProviderConfig");
}

void run_field(conf::Context& ctx, const Field& f) {
  json doc = spc(ctx);
  const json* parent = member(doc, f.attribute);
  ctx.expect(parent && parent->is_object(), std::string(f.attribute) + " is a complex attribute",
             "object", parent ? brief(*parent) : "absent");
  const json* value = member(*parent, f.sub);
  bool ok = value && (f.kind == Kind::Boolean ? value->is_boolean() : value->is_number_integer());
  ctx.expect(ok,
             std::string(f.attribute) + "." + f.sub + " is a JSON " +
                 (f.kind == Kind::Boolean ? "boolean" : "integer"),
             f.kind == Kind::Boolean ? "true/false" : "integer", value ? brief(*value) : "absent");
}

void auth_schemes(conf::Context& ctx) {
  json doc = spc(ctx);
  const json* schemes = member(doc, "authenticationSchemes");
  ctx.expect(schemes && schemes->is_array() && !schemes->empty(),
             "authenticationSchemes is a non-empty array", "array",
             schemes ? brief(*schemes) : "absent");
  for (const auto& s : *schemes)
    for (const char* sub : {"type", "name", "description"}) {
      const json* v = member(s, sub);
      ctx.expect(v && v->is_string() && !v->get<std::string>().empty(),
                 std::string("each scheme has a non-empty \"") + sub + "\"", sub, brief(s));
    }
}

void auth_scheme_type(conf::Context& ctx) {
  json doc = spc(ctx);
  const json* schemes = member(doc, "authenticationSchemes");
  if (!schemes || !schemes->is_array())
    ctx.fail("authenticationSchemes missing", "array", "absent");
  const std::vector<std::string> known = {"oauth", "oauth2", "oauthbearertoken", "httpbasic",
                                          "httpdigest"};
  for (const auto& s : *schemes) {
    std::string type = s.value("type", "");
    ctx.expect(std::find(known.begin(), known.end(), type) != known.end(),
               "the scheme type is one of the values RFC 7643 §5 defines",
               "oauth|oauth2|oauthbearertoken|httpbasic|httpdigest", type);
  }
}

void anonymous_access(conf::Context& ctx) {
  auto r = ctx.send("GET", "/ServiceProviderConfig", std::nullopt, {}, false);
  ctx.expect_status(r, 200, "GET /ServiceProviderConfig without credentials");
}

}  // namespace s5_service_provider_config_local

void register_s5_service_provider_config(conf::Catalog& catalog) {
  using namespace s5_service_provider_config_local;
  SectionBuilder s(catalog, rfc7643_spec(catalog), "5", "Service Provider Configuration Schema");
  for (const auto& f : kFields)
    s.add({.slug = f.slug,
           .title = std::string("ServiceProviderConfig declares ") + f.attribute + "." + f.sub,
           .level = kMust,
           .requirement = f.requirement,
           .tags = {tag::kDiscovery},
           .run = [&f](conf::Context& ctx) { run_field(ctx, f); }});
  s.add({.slug = "authentication-schemes-shape",
         .title = "authenticationSchemes have type, name, description",
         .level = kMust,
         .requirement = "description  A description of the authentication scheme.  REQUIRED.",
         .tags = {tag::kDiscovery, tag::kAuth},
         .run = auth_schemes});
  // The RFC defines these values without forbidding others: an unknown type only warns.
  s.add({.slug = "authentication-scheme-type-known",
         .title = "authentication scheme types are defined values",
         .level = kShould,
         .requirement = "This specification defines the values \"oauth\", \"oauth2\", "
                        "\"oauthbearertoken\", \"httpbasic\", and \"httpdigest\".",
         .tags = {tag::kDiscovery, tag::kAuth},
         .run = auth_scheme_type});
  s.add({.slug = "authentication-schemes-public",
         .title = "the configuration is readable without credentials",
         .level = kShould,
         .requirement =
             "the service provider SHOULD, with the appropriate security considerations, make the "
             "authenticationSchemes attribute publicly accessible without prior authentication.",
         .tags = {tag::kDiscovery, tag::kAuth},
         .run = anonymous_access});
}

}  // namespace scim::suites::rfc7643
