// RFC 7644 §3.12 HTTP Status and Error Response Handling: the error body shape (Error URN, status
// as a JSON string), and each scimType a black box can provoke that no other section covers:
// invalidSyntax for unparsable bodies, invalidValue for wrong types, 404/405/501 shapes.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_12_errors_local {

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
    "schema (see Section 4 of [RFC7643]).";

const Tags kTags = {tag::kErrors};
// Table 9 names the keyword for a refusal; no sentence obliges the provider to refuse these
// requests (and Table 8 is "SHOULD handle"), so they are robustness checks graded SHOULD.
const Tags kRobust = {tag::kErrors, tag::kRobustness};

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
  json body = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}}}, {"userName"});
  auto r = ctx.post("/Users", body);
  if (r.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
  ctx.expect_scim_error(r, 400, "invalidValue");
}

void wrong_type(conf::Context& ctx) {
  // Any boolean attribute of the target's User schema will do; "active" is the usual one.
  const auto* active = ctx.caps().attribute("User", "active");
  if (active == nullptr || active->type != AttributeType::Boolean)
    ctx.skip("target's User schema defines no boolean \"active\" to send a string to");
  json body = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}},
                                         {"userName", ctx.unique_name("type")},
                                         {"active", "not-a-boolean"}});
  auto r = ctx.post("/Users", body);
  if (r.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
  ctx.expect_scim_error(r, 400, "invalidValue");
}

// Referential integrity is the provider's choice (RFC 7643 §2.3.7 "MAY choose to enforce"): a
// target that accepts the unknown member is skipped; one that refuses should say invalidValue.
void unknown_member(conf::Context& ctx) {
  if (ctx.caps().attribute("Group", "members") == nullptr)
    ctx.skip("target does not define Group.members");
  json body = ctx.with_required("Group", {{"schemas", {std::string(urn::kGroup)}},
                                          {"displayName", ctx.unique_name("grp")},
                                          {"members", {{{"value", "scimconf-no-such-user"}}}}});
  auto r = ctx.post("/Groups", body);
  if (r.status == 201) {
    ctx.track(path_of(ctx, "/Groups", ctx.json_body(r)));
    ctx.skip(
        "target accepts a member id that names no resource: it does not enforce "
        "referential integrity (a MAY, RFC 7643 §2.3.7)");
  }
  ctx.expect_scim_error(r, 400, "invalidValue");
}

void unauthenticated_error_body(conf::Context& ctx) {
  auto r = ctx.send("GET", "/Users", std::nullopt, {}, false);
  ctx.expect_scim_error(r, 401);
}

// Table 8's 404 for a resource or endpoint that does not exist ("Implementers SHOULD handle the
// identified HTTP status codes as described below"); a deleted resource's 404 is a MUST of §3.6.
void unknown_resource(conf::Context& ctx, const std::string& path) {
  ctx.expect_scim_error(ctx.get(path), 404);
}

// Table 8's 412 for DELETE with a stale If-Match (§3.14 names If-Match for PUT and PATCH only).
void if_match_stale_delete(conf::Context& ctx) {
  json user = ctx.create_user();
  std::string path = user_path(ctx, user);
  ctx.expect_scim_error(ctx.del(path, {{"If-Match", "W/\"scimconf-stale-version\""}}), 412);
  ctx.expect_status(ctx.get(path), 200, "the user still exists");
}

void method_not_allowed(conf::Context& ctx) {
  auto r = ctx.send("DELETE", "/ServiceProviderConfig", std::nullopt);
  ctx.expect(r.status == 405 || r.status == 501 || r.status == 404 || r.status == 403,
             "DELETE on /ServiceProviderConfig is refused", "405 (or 403/404/501)", brief(r));
  ctx.expect_scim_error(r, r.status);
}

void missing_schemas_attribute(conf::Context& ctx) {
  json body = ctx.with_required("User", {{"userName", ctx.unique_name("noschemas")}});
  auto r = ctx.post("/Users", body);
  if (r.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
  ctx.expect_scim_error(r, 400, "invalidSyntax");
}

}  // namespace s3_12_errors_local

void register_s3_12(conf::Catalog& catalog) {
  using namespace s3_12_errors_local;
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
         .level = kShould,
         .requirement = kInvalidSyntax,
         .tags = kRobust,
         .needs = {cap::kUsers},
         .run = malformed_json});
  s.add({.slug = "non-object-body-invalid-syntax",
         .title = "a JSON array body answers 400 invalidSyntax",
         .level = kShould,
         .requirement = kInvalidSyntax,
         .tags = kRobust,
         .needs = {cap::kUsers},
         .run = not_an_object});
  s.add({.slug = "missing-schemas-invalid-syntax",
         .title = "a resource without schemas answers invalidSyntax",
         .level = kShould,
         .requirement = kInvalidSyntax,
         .tags = kRobust,
         .needs = {cap::kUsers},
         .run = missing_schemas_attribute});
  s.add({.slug = "missing-required-invalid-value",
         .title = "a User without userName answers invalidValue",
         .level = kShould,
         .requirement = kInvalidValue,
         .tags = kRobust,
         .needs = {cap::kUsers},
         .run = missing_username});
  s.add({.slug = "wrong-type-invalid-value",
         .title = "active: \"not-a-boolean\" answers invalidValue",
         .level = kShould,
         .requirement = kInvalidValue,
         .tags = kRobust,
         .needs = {cap::kUsers},
         .run = wrong_type});
  s.add({.slug = "unknown-member-invalid-value",
         .title = "a refused member id that does not exist answers invalidValue",
         .level = kMay,
         .requirement = kInvalidValue,
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = unknown_member});
  constexpr const char* k404 =
      "Table 8, 404 (Not Found): Specified resource (e.g., User) or endpoint does not exist.";
  struct Missing {
    const char* slug;
    const char* title;
    const char* path;
    Needs needs;
    Tags tags;
  };
  static const Missing kMissing[] = {
      {"unknown-user-404",
       "GET of an unknown user id answers a 404 SCIM error",
       "/Users/scimconf-no-such-id-0000",
       {cap::kUsers},
       {tag::kRead, tag::kUsers, tag::kErrors}},
      {"unknown-group-404",
       "GET of an unknown group id answers a 404 SCIM error",
       "/Groups/scimconf-no-such-id-0000",
       {cap::kGroups},
       {tag::kRead, tag::kGroups, tag::kErrors}},
      {"unknown-endpoint-404",
       "GET of an endpoint that does not exist answers 404",
       "/NoSuchEndpoint",
       {},
       {tag::kRead, tag::kErrors}},
  };
  for (const auto& m : kMissing)
    s.add({.slug = m.slug,
           .title = m.title,
           .level = kShould,
           .requirement = k404,
           .tags = m.tags,
           .needs = m.needs,
           .run = [&m](conf::Context& ctx) { unknown_resource(ctx, m.path); }});
  s.add({.slug = "if-match-stale-delete-412",
         .title = "DELETE with a stale If-Match answers 412",
         .level = kShould,
         .requirement =
             "Table 8, 412 (Precondition Failed): Failed to update.  Resource has changed on the "
             "server.",
         .tags = {tag::kEtag, tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers, cap::kEtag},
         .run = if_match_stale_delete});
  s.add({.slug = "401-is-scim-error",
         .title = "a 401 carries a SCIM error body",
         .level = kShould,
         .requirement =
             "Implementers SHOULD handle the identified HTTP status codes as described below.",
         .tags = {tag::kAuth, tag::kErrors},
         .needs = {cap::kUsers},
         .run = unauthenticated_error_body});
  s.add({.slug = "unsupported-method-error",
         .title = "DELETE /ServiceProviderConfig is a SCIM error",
         .level = kMust,
         .requirement = kBody,
         .tags = kTags,
         .run = method_not_allowed});
}

}  // namespace scim::suites::rfc7644
