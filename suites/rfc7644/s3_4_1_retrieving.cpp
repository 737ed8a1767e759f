// RFC 7644 §3.4 / §3.4.1 Retrieving a Known Resource: 200 with the resource and the default
// attribute set ("returned" always/default). The 404 for unknown ids is Table 8's, judged in
// section 3.12.
#include "index.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_4_1_retrieving_local {

constexpr const char* k200 =
    "If the resource exists, the server responds with HTTP status code 200 (OK) and includes the "
    "result in the body of the response.";
constexpr const char* kDefault =
    "By default, resource attributes returned in a response are those attributes whose "
    "characteristic \"returned\" setting is \"always\" or \"default\" (see Section 2.2 of "
    "[RFC7643]).";

void get_user(conf::Context& ctx) {
  json user = ctx.create_user();
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET /Users/{id}");
  ctx.expect(id_string(body) == id_string(user), "the body is the requested user", id_string(user),
             id_string(body));
  ctx.expect(body.value("userName", "") == user.value("userName", "?"),
             "stored attributes are returned", user.value("userName", ""), brief(body));
}

void get_group(conf::Context& ctx) {
  json group = ctx.create_group();
  json body = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET /Groups/{id}");
  ctx.expect(id_string(body) == id_string(group), "the body is the requested group",
             id_string(group), id_string(body));
}

// userName is "returned": "default" in RFC 7643 §8.7.1; a target may declare it "always", which
// includes the default set too. password ("never") is sent only where the target defines it.
void default_set(conf::Context& ctx) {
  const bool password = ctx.caps().attribute("User", "password") != nullptr;
  json user = password ? ctx.create_user({{"password", "t1meMa$heen-Secret"}}) : ctx.create_user();
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET /Users/{id}");
  ctx.expect(body.contains("id") && body.contains("schemas"),
             "\"returned\": \"always\" attributes (id, schemas) are present", "id and schemas",
             brief(body));
  ctx.expect(body.value("userName", "") == user.value("userName", "?"),
             "a \"returned\": \"default\" attribute (userName) is present",
             user.value("userName", ""), brief(body));
  ctx.expect(!has_member(body, "password"), "password (\"returned\": \"never\") is absent",
             "no password", brief(body));
}

}  // namespace s3_4_1_retrieving_local

void register_s3_4_1(conf::Catalog& catalog) {
  using namespace s3_4_1_retrieving_local;
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
