// RFC 7644 §3.12 HTTP Status and Error Response Handling: the error body shape (Error URN, status
// as a JSON string), and each scimType a black box can provoke that no other section covers:
// invalidSyntax for unparsable bodies, invalidValue for wrong types, 404/405/501 shapes.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace {

constexpr const char* kBody =
    "In addition to returning an HTTP response code, implementers MUST return the errors in the "
    "body of the response in a JSON format, using the attributes described below.";
constexpr const char* kStatusString =
    "The HTTP status code (see Section 6 of [RFC7231]) expressed as a JSON string.  REQUIRED.";
constexpr const char* kInvalidSyntax =
    "Table 9, invalidSyntax: The request body message structure was invalid or did not conform to "
    "the request schema.";
constexpr const char* kInvalidValue =
    "Table 9, invalidValue: A required value was missing, or the value specified was not "
    "compatible with the operation or attribute type (see Section 2.2 of [RFC7643]), or resource "
    "references.";

const Tags kTags = {tag::kErrors};

conf::HttpResponse post_text(conf::Context& ctx, const std::string& path, const std::string& text) {
  return ctx.send("POST", path, text, {{"Content-Type", "application/scim+json"}});
}

void error_shape(conf::Context& ctx) {
  auto r = ctx.get("/Users/scimconf-missing-resource");
  json body = expect_json(ctx, r, 404, "GET of a missing resource");
  ctx.expect(has_schema(body, urn::kError), "schemas is the Error URN", std::string(urn::kError),
             brief(body));
}

void status_is_string(conf::Context& ctx) {
  json body = expect_json(ctx, ctx.get("/Users/scimconf-missing-resource"), 404, "GET missing");
  const json* status = member(body, "status");
  ctx.expect(status && status->is_string() && *status == "404", "status is the JSON string \"404\"",
             "\"404\"", status ? status->dump() : "absent");
}

void malformed_json(conf::Context& ctx) {
  ctx.expect_scim_error(post_text(ctx, "/Users", "{\"schemas\": [\"urn:"), 400, "invalidSyntax");
}

void not_an_object(conf::Context& ctx) {
  ctx.expect_scim_error(post_text(ctx, "/Users", "[1, 2, 3]"), 400, "invalidSyntax");
}

void missing_username(conf::Context& ctx) {
  json body = {{"schemas", {std::string(urn::kUser)}}, {"displayName", "No userName"}};
  auto r = ctx.post("/Users", body);
  if (r.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
  ctx.expect_scim_error(r, 400, "invalidValue");
}

void wrong_type(conf::Context& ctx) {
  json body = {{"schemas", {std::string(urn::kUser)}},
               {"userName", ctx.unique_name("type")},
               {"active", "not-a-boolean"}};
  auto r = ctx.post("/Users", body);
  if (r.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
  ctx.expect_scim_error(r, 400, "invalidValue");
}

void unknown_member(conf::Context& ctx) {
  json body = {{"schemas", {std::string(urn::kGroup)}},
               {"displayName", ctx.unique_name("grp")},
               {"members", {{{"value", "scimconf-no-such-user"}}}}};
  auto r = ctx.post("/Groups", body);
  if (r.status == 201) ctx.track(path_of(ctx, "/Groups", ctx.json_body(r)));
  ctx.expect_scim_error(r, 400, "invalidValue");
}

void method_not_allowed(conf::Context& ctx) {
  auto r = ctx.send("DELETE", "/ServiceProviderConfig", std::nullopt);
  ctx.expect(r.status == 405 || r.status == 501 || r.status == 404 || r.status == 403,
             "DELETE on /ServiceProviderConfig is refused", "405 (or 403/404/501)", brief(r));
  ctx.expect_scim_error(r, r.status);
}

void missing_schemas_attribute(conf::Context& ctx) {
  json body = {{"userName", ctx.unique_name("noschemas")}};
  auto r = ctx.post("/Users", body);
  if (r.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
  ctx.expect_scim_error(r, 400, "invalidSyntax");
}

}  // namespace

void register_s3_12(conf::Catalog& catalog) {
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.12",
                   "HTTP Status and Error Response Handling");
  s.add({.slug = "error-body-has-error-schema",
         .title = "an error body carries the Error URN",
         .level = kMust,
         .requirement = kBody,
         .tags = kTags,
         .run = error_shape});
  s.add({.slug = "error-status-is-json-string",
         .title = "\"status\" is a JSON string",
         .level = kMust,
         .requirement = kStatusString,
         .tags = kTags,
         .run = status_is_string});
  s.add({.slug = "malformed-json-invalid-syntax",
         .title = "an unparsable body answers 400 invalidSyntax",
         .level = kMust,
         .requirement = kInvalidSyntax,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = malformed_json});
  s.add({.slug = "non-object-body-invalid-syntax",
         .title = "a JSON array body answers 400 invalidSyntax",
         .level = kMust,
         .requirement = kInvalidSyntax,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = not_an_object});
  s.add({.slug = "missing-schemas-invalid-syntax",
         .title = "a resource without schemas answers invalidSyntax",
         .level = kMust,
         .requirement =
             "The \"schemas\" attribute is a REQUIRED attribute and is an array of Strings "
             "containing URIs that are used to indicate the namespaces of the SCIM schemas that "
             "define the attributes present in the current JSON structure.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = missing_schemas_attribute});
  s.add({.slug = "missing-required-invalid-value",
         .title = "a User without userName answers invalidValue",
         .level = kMust,
         .requirement = kInvalidValue,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = missing_username});
  s.add({.slug = "wrong-type-invalid-value",
         .title = "active: \"not-a-boolean\" answers invalidValue",
         .level = kMust,
         .requirement = kInvalidValue,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = wrong_type});
  s.add({.slug = "unknown-member-invalid-value",
         .title = "a member id that does not exist answers invalidValue",
         .level = kMust,
         .requirement = kInvalidValue,
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = unknown_member});
  s.add({.slug = "unsupported-method-error",
         .title = "DELETE /ServiceProviderConfig is a SCIM error",
         .level = kMust,
         .requirement = kBody,
         .tags = kTags,
         .run = method_not_allowed});
}

}  // namespace scim::suites::rfc7644
