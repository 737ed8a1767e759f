// RFC 7644 §3.4 / §3.4.1 Retrieving a Known Resource: 200 with the resource, default attribute set
// ("returned" always/default), 404 as a SCIM error for unknown ids.
#include "index.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace {

constexpr const char* k200 =
    "If the resource exists, the server responds with HTTP status code 200 (OK) and includes the "
    "result in the body of the response.";
constexpr const char* k404 =
    "Table 8, 404 (Not Found): Specified resource (e.g., User) or endpoint does not exist.";
constexpr const char* kDefault =
    "By default, resource attributes returned in a response are those attributes whose "
    "characteristic \"returned\" setting is \"always\" or \"default\" (see Section 2.2 of "
    "[RFC7643]).";

void get_user(conf::Context& ctx) {
  json user = ctx.create_user({{"displayName", "Get Me"}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET /Users/{id}");
  ctx.expect(id_string(body) == id_string(user), "the body is the requested user", id_string(user),
             id_string(body));
  ctx.expect(body.value("displayName", "") == "Get Me", "stored attributes are returned", "Get Me",
             brief(body));
}

void get_group(conf::Context& ctx) {
  json group = ctx.create_group();
  json body = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET /Groups/{id}");
  ctx.expect(id_string(body) == id_string(group), "the body is the requested group",
             id_string(group), id_string(body));
}

void unknown_user(conf::Context& ctx) {
  ctx.expect_scim_error(ctx.get("/Users/scimconf-no-such-id-0000"), 404);
}

void unknown_group(conf::Context& ctx) {
  ctx.expect_scim_error(ctx.get("/Groups/scimconf-no-such-id-0000"), 404);
}

void unknown_endpoint(conf::Context& ctx) {
  ctx.expect_scim_error(ctx.get("/NoSuchEndpoint"), 404);
}

void default_set(conf::Context& ctx) {
  json user = ctx.create_user({{"password", "t1meMa$heen-Secret"}, {"nickName", "Def"}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET /Users/{id}");
  ctx.expect(body.contains("id") && body.contains("schemas"),
             "\"returned\": \"always\" attributes (id, schemas) are present", "id and schemas",
             brief(body));
  ctx.expect(body.value("nickName", "") == "Def",
             "a \"returned\": \"default\" attribute is present", "nickName Def", brief(body));
  ctx.expect(!has_member(body, "password"), "password (\"returned\": \"never\") is absent",
             "no password", brief(body));
}

}  // namespace

void register_s3_4_1(conf::Catalog& catalog) {
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.4.1", "Retrieving a Known Resource");
  s.add({.slug = "get-user-200",
         .title = "GET /Users/{id} answers 200 with the user",
         .level = kMust,
         .requirement = k200,
         .tags = {tag::kRead, tag::kUsers},
         .needs = {cap::kUsers},
         .run = get_user});
  s.add({.slug = "get-group-200",
         .title = "GET /Groups/{id} answers 200 with the group",
         .level = kMust,
         .requirement = k200,
         .tags = {tag::kRead, tag::kGroups},
         .needs = {cap::kGroups},
         .run = get_group});
  s.add({.slug = "unknown-user-404",
         .title = "GET of an unknown user id answers a 404 SCIM error",
         .level = kMust,
         .requirement = k404,
         .tags = {tag::kRead, tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = unknown_user});
  s.add({.slug = "unknown-group-404",
         .title = "GET of an unknown group id answers a 404 SCIM error",
         .level = kMust,
         .requirement = k404,
         .tags = {tag::kRead, tag::kGroups, tag::kErrors},
         .needs = {cap::kGroups},
         .run = unknown_group});
  s.add({.slug = "unknown-endpoint-404",
         .title = "GET of an endpoint that does not exist answers 404",
         .level = kMust,
         .requirement = k404,
         .tags = {tag::kRead, tag::kErrors},
         .run = unknown_endpoint});
  SectionBuilder d(catalog, rfc7644_spec(catalog), "3.4", "Retrieving Resources");
  d.add({.slug = "default-attribute-set",
         .title = "GET returns always/default attributes, never password",
         .level = kMust,
         .requirement = kDefault,
         .tags = {tag::kRead, tag::kUsers, tag::kProjection},
         .needs = {cap::kUsers},
         .run = default_set});
}

}  // namespace scim::suites::rfc7644
