// Profile "interop" (draft-zollner-scim-interop-profile-01), updates and lifecycle: §6.5 PATCH
// is mandatory, §6.5.1.1 a path-less operation is refused with invalidSyntax, §6.5.2 exact add
// and replace semantics for singular, complex and multi-valued attributes, §6.6 PATCH never
// deletes, DELETE really deletes and frees the unique values.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"
#include "standard_support.hpp"

namespace scim::suites::profiles {
namespace interop_patch_local {

using rfc7644::apply_patch;
using rfc7644::send_patch;
using rfc7644::values;

const Tags kTags = {tag::kInterop, tag::kPatch, tag::kUsers};
const Needs kCaps = {cap::kUsers};

std::string text_at(const json& resource, const std::string& name) {
  const json* v = member(resource, name);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

void patch_supported(conf::Context& ctx) {
  const auto w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"}, {"path", w.name}, {"value", w.after}}});
  ctx.expect(text_at(after, w.name) == w.after.get<std::string>(), "the replace is applied",
             w.after.get<std::string>(), text_at(after, w.name));
}

void path_less(conf::Context& ctx) {
  const auto w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  const std::string path = user_path(ctx, user);
  auto r = send_patch(ctx, path, {{{"op", "replace"}, {"value", {{w.name, w.after}}}}});
  ctx.expect_scim_error(r, 400, "invalidSyntax");
  json now = expect_json(ctx, ctx.get(path), 200, "GET after the refused PATCH");
  ctx.expect(text_at(now, w.name) == w.before.get<std::string>(),
             "the refused PATCH changed nothing", w.before.get<std::string>(),
             text_at(now, w.name));
}

void add_is_replace(conf::Context& ctx) {
  const auto w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "add"}, {"path", w.name}, {"value", w.after}}});
  ctx.expect(text_at(after, w.name) == w.after.get<std::string>(),
             "add on a singular simple attribute replaces its value", w.after.get<std::string>(),
             text_at(after, w.name));
}

json named_user(conf::Context& ctx) {
  return create_user_with(ctx, {{"name", {{"givenName", "Ada"}, {"familyName", "Lovelace"}}}});
}

void replace_complex(conf::Context& ctx) {
  json user = named_user(ctx);
  json after =
      apply_patch(ctx, user_path(ctx, user),
                  {{{"op", "replace"}, {"path", "name"}, {"value", {{"givenName", "Grace"}}}}});
  const json name = after.value("name", json::object());
  ctx.expect(text_at(name, "givenName") == "Grace" && member(name, "familyName") == nullptr,
             "replace of \"name\" leaves exactly the sent sub-attributes",
             R"({"givenName":"Grace"})", brief(name));
}

void add_complex(conf::Context& ctx) {
  json user = named_user(ctx);
  json after =
      apply_patch(ctx, user_path(ctx, user),
                  {{{"op", "add"}, {"path", "name"}, {"value", {{"givenName", "Grace"}}}}});
  const json name = after.value("name", json::object());
  ctx.expect(text_at(name, "givenName") == "Grace" && text_at(name, "familyName") == "Lovelace",
             "add to \"name\" merges: givenName updated, familyName kept",
             R"({"givenName":"Grace","familyName":"Lovelace"})", brief(name));
}

json emailed_user(conf::Context& ctx, std::string& first) {
  first = ctx.unique_name("first") + "@example.com";
  return create_user_with(ctx, {{"emails", {{{"value", first}, {"type", "work"}}}}});
}

void replace_collection(conf::Context& ctx) {
  std::string first;
  json user = emailed_user(ctx, first);
  const std::string second = ctx.unique_name("second") + "@example.com";
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"},
                             {"path", "emails"},
                             {"value", {{{"value", second}, {"type", "home"}}}}}});
  const auto got = values(after, "emails");
  ctx.expect(got == std::set<std::string>{second}, "replace of \"emails\" replaces the collection",
             second, brief(after.value("emails", json())));
}

void add_collection(conf::Context& ctx) {
  std::string first;
  json user = emailed_user(ctx, first);
  const std::string second = ctx.unique_name("second") + "@example.com";
  json after = apply_patch(
      ctx, user_path(ctx, user),
      {{{"op", "add"}, {"path", "emails"}, {"value", {{{"value", second}, {"type", "home"}}}}}});
  const auto got = values(after, "emails");
  ctx.expect(got == std::set<std::string>{first, second}, "add to \"emails\" appends",
             first + ", " + second, brief(after.value("emails", json())));
}

void patch_keeps(conf::Context& ctx) {
  const auto w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  const std::string path = user_path(ctx, user);
  json ops = {{{"op", "replace"}, {"path", w.name}, {"value", w.after}}};
  if (ctx.caps().attribute("User", "active") != nullptr)
    ops.push_back({{"op", "replace"}, {"path", "active"}, {"value", false}});
  apply_patch(ctx, path, ops);  // reads the user back: 200, so it is retained
}

json deleted_user(conf::Context& ctx) {
  json user = ctx.create_user();
  const std::string path = user_path(ctx, user);
  auto r = ctx.del(path);
  ctx.expect(r.status == 204 || r.status == 200, "DELETE succeeds", "204", brief(r));
  ctx.untrack(path);
  return user;
}

void delete_removes(conf::Context& ctx) {
  json user = deleted_user(ctx);
  const std::string path = user_path(ctx, user);
  ctx.expect_scim_error(ctx.get(path), 404);
  ctx.expect_scim_error(
      send_patch(ctx, path, {{{"op", "replace"}, {"path", "userName"}, {"value", "x"}}}), 404);
  expect_ids(ctx, query(ctx, "/Users", "userName eq " + literal(user.value("userName", ""))), {},
             "the deleted user is omitted from query results");
}

void unique_freed(conf::Context& ctx) {
  json user = deleted_user(ctx);
  json body = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}});
  ctx.expect_status(ctx.create_raw("/Users", body), 201, "POST reusing the deleted userName");
}

void register_updates(conf::Catalog& catalog) {
  auto& spec = interop_spec(catalog);
  SectionBuilder s65(catalog, spec, "6.5", "Updating Resources");
  s65.add({.slug = "patch-supported",
           .title = "PATCH replace with a path updates a user",
           .level = kMust,
           .requirement = "Service Providers MUST support the PATCH operation ([RFC7644], Section "
                          "3.5.2) for resource updates.",
           .tags = kTags,
           .needs = kCaps,
           .run = patch_supported});
  SectionBuilder s6511(catalog, spec, "6.5.1.1", "Mandatory Use of the 'path' Attribute");
  s6511.add({.slug = "path-less-invalid-syntax",
             .title = "A PATCH operation without path answers 400 invalidSyntax",
             .level = kMust,
             .requirement = "Service Providers *MUST* reject PATCH requests containing operations "
                            "that lack a path attribute with an HTTP 400 Bad Request and a "
                            "scimType error of invalidSyntax.",
             .tags = {tag::kInterop, tag::kPatch, tag::kErrors},
             .needs = kCaps,
             .run = path_less});
  SectionBuilder s6521(catalog, spec, "6.5.2.1", "Singular Attributes (Simple and Complex)");
  s6521.add({.slug = "add-equals-replace-simple",
             .title = "add on a singular simple attribute replaces it",
             .level = kMust,
             .requirement = "For singular simple attributes (e.g., userName, active), Service "
                            "Providers *MUST* treat add and replace as functionally equivalent.",
             .tags = kTags,
             .needs = kCaps,
             .run = add_is_replace});
  s6521.add({.slug = "replace-complex-whole",
             .title = "replace of a complex attribute replaces it entirely",
             .level = kMust,
             .requirement = "The Service Provider *MUST* replace the entire complex attribute with "
                            "the provided object.",
             .tags = kTags,
             .needs = kCaps,
             .run = replace_complex});
  s6521.add({.slug = "add-complex-merges",
             .title = "add to a complex attribute merges its sub-attributes",
             .level = kMust,
             .requirement =
                 "The Service Provider *MUST* perform a partial merge, updating only the "
                 "provided sub-attributes and preserving existing values for omitted "
                 "sub-attributes.",
             .tags = kTags,
             .needs = kCaps,
             .run = add_complex});
  SectionBuilder s6522(catalog, spec, "6.5.2.2", "Multi-valued Attributes (Simple and Complex)");
  s6522.add({.slug = "replace-collection",
             .title = "replace of a multi-valued attribute replaces the collection",
             .level = kMust,
             .requirement = "The Service Provider *MUST* replace the entire collection with the "
                            "provided array.",
             .tags = kTags,
             .needs = kCaps,
             .run = replace_collection});
  s6522.add({.slug = "add-appends-collection",
             .title = "add to a multi-valued attribute appends",
             .level = kMust,
             .requirement = "The Service Provider *MUST* append the provided values to the "
                            "existing collection.",
             .tags = kTags,
             .needs = kCaps,
             .run = add_collection});
}

void register_lifecycle(conf::Catalog& catalog) {
  SectionBuilder s(catalog, interop_spec(catalog), "6.6", "Resource Lifecycle");
  const Tags tags = {tag::kInterop, tag::kDelete, tag::kUsers};
  s.add({.slug = "patch-retains-resource",
         .title = "A PATCHed (and deactivated) user is still there",
         .level = kMust,
         .requirement = "A resource modified via PATCH *MUST* be retained by the Service Provider.",
         .tags = kTags,
         .needs = kCaps,
         .run = patch_keeps});
  s.add({.slug = "deleted-resource-gone",
         .title = "A deleted user answers 404 and is omitted from queries",
         .level = kMust,
         .requirement = "Service Providers MUST return 404 Not Found in response to any operation "
                        "targeting a deleted resource and MUST omit deleted resources from all "
                        "query results.",
         .tags = tags,
         .needs = kCaps,
         .run = delete_removes});
  s.add({.slug = "unique-values-freed",
         .title = "A deleted user's userName can be given to a new user",
         .level = kMust,
         .requirement = "After a resource is successfully deleted, its unique identifiers (such as "
                        "userName) MUST NOT be considered in uniqueness conflict calculations and "
                        "MUST be available for reassignment to a new resource.",
         .tags = tags,
         .needs = kCaps,
         .run = unique_freed});
}

}  // namespace interop_patch_local

void register_interop_patch(conf::Catalog& catalog) {
  using namespace interop_patch_local;
  register_updates(catalog);
  register_lifecycle(catalog);
}

}  // namespace scim::suites::profiles
