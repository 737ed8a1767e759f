// RFC 7644 §3.6 Deleting Resources: 204, then 404 for every operation on the deleted resource,
// omission from queries and no uniqueness conflict with a deleted userName. (Whether a deleted
// user leaves its groups' members is referential integrity, a MAY in RFC 7643 §2.3.7, and no
// longer judged here.)
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_6_deleting_local {

constexpr const char* k204 =
    "In response to a successful DELETE, the server SHALL return a successful HTTP status code 204 "
    "(No Content).";
constexpr const char* k404 =
    "Service providers MAY choose not to permanently delete the resource but MUST return a 404 "
    "(Not "
    "Found) error code for all operations associated with the previously deleted resource.";

// Creates a user, deletes it (expecting 204) and returns it.
json deleted_user(conf::Context& ctx) {
  json user = ctx.create_user();
  std::string path = user_path(ctx, user);
  auto r = ctx.del(path);
  ctx.expect_status(r, 204, "DELETE /Users/{id}");
  ctx.untrack(path);
  return user;
}

void delete_204(conf::Context& ctx) {
  deleted_user(ctx);
}

void delete_group_204(conf::Context& ctx) {
  json group = ctx.create_group();
  std::string path = group_path(ctx, group);
  ctx.expect_status(ctx.del(path), 204, "DELETE /Groups/{id}");
  ctx.untrack(path);
  ctx.expect_scim_error(ctx.get(path), 404);
}

void get_after(conf::Context& ctx) {
  json user = deleted_user(ctx);
  ctx.expect_scim_error(ctx.get(user_path(ctx, user)), 404);
}

void put_after(conf::Context& ctx) {
  json user = deleted_user(ctx);
  json doc = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}});
  ctx.expect_scim_error(ctx.put(user_path(ctx, user), doc), 404);
}

void patch_after(conf::Context& ctx) {
  json user = deleted_user(ctx);
  auto r = ctx.patch(
      user_path(ctx, user),
      patch_body({{{"op", "replace"}, {"path", "userName"}, {"value", ctx.unique_name("gone")}}}));
  ctx.expect_scim_error(r, 404);
}

void delete_again(conf::Context& ctx) {
  json user = deleted_user(ctx);
  ctx.expect_scim_error(ctx.del(user_path(ctx, user)), 404);
}

void omitted_from_query(conf::Context& ctx) {
  json user = deleted_user(ctx);
  json list = query(ctx, "/Users", "userName eq " + literal(user.value("userName", "")));
  ctx.expect(resources_of(list).empty() && list.value("totalResults", -1) == 0,
             "the deleted user is not returned", "totalResults 0", brief(list));
}

void no_conflict(conf::Context& ctx) {
  json user = deleted_user(ctx);
  json doc = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}});
  ctx.expect_status(ctx.create_raw("/Users", doc), 201, "POST with the deleted user's userName");
}

}  // namespace s3_6_deleting_local

void register_s3_6(conf::Catalog& catalog) {
  using namespace s3_6_deleting_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.6", "Deleting Resources");
  Tags tags = {tag::kDelete, tag::kUsers};
  s.add({.slug = "delete-user-204",
         .title = "DELETE /Users/{id} answers 204",
         .level = kMust,
         .requirement = k204,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = delete_204});
  s.add({.slug = "delete-group-204",
         .title = "DELETE /Groups/{id} answers 204, then GET 404",
         .level = kMust,
         .requirement = k204,
         .tags = {tag::kDelete, tag::kGroups},
         .needs = {cap::kGroups},
         .run = delete_group_204});
  s.add({.slug = "get-after-delete-404",
         .title = "GET of a deleted user answers 404",
         .level = kMust,
         .requirement = k404,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = get_after});
  s.add({.slug = "put-after-delete-404",
         .title = "PUT of a deleted user answers 404",
         .level = kMust,
         .requirement = k404,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = put_after});
  s.add({.slug = "patch-after-delete-404",
         .title = "PATCH of a deleted user answers 404",
         .level = kMust,
         .requirement = k404,
         .tags = tags,
         .needs = {cap::kUsers, cap::kPatch},
         .run = patch_after});
  s.add({.slug = "delete-after-delete-404",
         .title = "a second DELETE answers 404",
         .level = kMust,
         .requirement = k404,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = delete_again});
  s.add({.slug = "deleted-omitted-from-queries",
         .title = "queries omit the deleted user",
         .level = kMust,
         .requirement = "Service providers MUST omit the resource from future query results.",
         .tags = tags,
         .needs = {cap::kUsers, cap::kFilter},
         .run = omitted_from_query});
  s.add({.slug = "deleted-username-no-conflict",
         .title = "a deleted userName can be reused",
         .level = kShould,
         .requirement = "In addition, the service provider SHOULD NOT consider the deleted "
                        "resource in conflict calculation.",
         .tags = tags,
         .needs = {cap::kUsers},
         .run = no_conflict});
}

}  // namespace scim::suites::rfc7644
