// RFC 7644 §3.6 Deleting Resources: 204, then 404 for every operation on the deleted resource,
// omission from queries and no uniqueness conflict with a deleted userName.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace {

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
  json doc = {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}};
  ctx.expect_scim_error(ctx.put(user_path(ctx, user), doc), 404);
}

void patch_after(conf::Context& ctx) {
  json user = deleted_user(ctx);
  auto r = ctx.patch(user_path(ctx, user),
                     patch_body({{{"op", "replace"}, {"path", "nickName"}, {"value", "x"}}}));
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
  json doc = {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}};
  ctx.expect_status(ctx.create_raw("/Users", doc), 201, "POST with the deleted user's userName");
}

void membership_dropped(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(user)}}}}});
  std::string path = user_path(ctx, user);
  ctx.expect_status(ctx.del(path), 204, "DELETE member user");
  ctx.untrack(path);
  json after = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET group");
  bool still = false;
  for (const auto& m : after.value("members", json::array()))
    if (m.value("value", "") == id_string(user)) still = true;
  ctx.expect(!still,
             "the deleted user is no longer listed as a member (a member reference "
             "would answer 404)",
             "no member " + id_string(user), brief(after.value("members", json())));
}

}  // namespace

void register_s3_6(conf::Catalog& catalog) {
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.6", "Deleting Resources");
  Strings tags = {"delete", "users"};
  s.add("delete-user-204", "DELETE /Users/{id} answers 204", kMust, k204, tags, {"users"},
        delete_204);
  s.add("delete-group-204", "DELETE /Groups/{id} answers 204, then GET 404", kMust, k204,
        {"delete", "groups"}, {"groups"}, delete_group_204);
  s.add("get-after-delete-404", "GET of a deleted user answers 404", kMust, k404, tags, {"users"},
        get_after);
  s.add("put-after-delete-404", "PUT of a deleted user answers 404", kMust, k404, tags, {"users"},
        put_after);
  s.add("patch-after-delete-404", "PATCH of a deleted user answers 404", kMust, k404, tags,
        {"users", "patch"}, patch_after);
  s.add("delete-after-delete-404", "a second DELETE answers 404", kMust, k404, tags, {"users"},
        delete_again);
  s.add("deleted-omitted-from-queries", "queries omit the deleted user", kMust,
        "Service providers MUST omit the resource from future query results.", tags,
        {"users", "filter"}, omitted_from_query);
  s.add("deleted-username-no-conflict", "a deleted userName can be reused", kShould,
        "In addition, the service provider SHOULD NOT consider the deleted resource in conflict "
        "calculation.",
        tags, {"users"}, no_conflict);
  s.add("deleted-member-leaves-groups", "deleting a user removes it from group members", kMust,
        k404, {"delete", "groups"}, {"users", "groups"}, membership_dropped);
}

}  // namespace scim::suites::rfc7644
