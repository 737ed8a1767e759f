// RFC 7644 §3.5.2 Modifying with PATCH (general rules): the PatchOp message, op values, success
// codes, sequential application, atomicity, mutability and "primary" uniqueness.
#include "index.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::rfc7644 {
namespace s3_5_2_patch_local {

// Bind the client ("the body of each request MUST contain", "each PATCH operation object MUST
// have", the path's ABNF): no sentence obliges the provider to refuse, so the refusals are graded
// SHOULD (robustness).
constexpr const char* kSchemas =
    "The body of each request MUST contain the \"schemas\" attribute with the URI value of "
    "\"urn:ietf:params:scim:api:messages:2.0:PatchOp\".";
constexpr const char* kOp = "Each PATCH operation object MUST have exactly one \"op\" member";
constexpr const char* kPathRule =
    "The \"path\" attribute is described by the following ABNF syntax rule:";
constexpr const char* kSuccess =
    "On successful completion, the server either MUST return a 200 OK response code and the entire "
    "resource within the response body, subject to the \"attributes\" query parameter (see Section "
    "3.9), or MAY return HTTP status code 204 (No Content) and the appropriate response headers "
    "for "
    "a successful PATCH request.";
constexpr const char* kAttributes200 =
    "The server MUST return a 200 OK if the \"attributes\" parameter is specified in the request.";
constexpr const char* kSequential =
    "Operations are applied sequentially in the order they appear in the array.";
constexpr const char* kAtomic =
    "A PATCH request, regardless of the number of operations, SHALL be treated as atomic.";
constexpr const char* kIncompatible =
    "An operation that is not compatible with an attribute's mutability or schema SHALL return "
    "the appropriate HTTP response status code and a JSON detail error response as defined in "
    "Section 3.12.";
constexpr const char* kPrimary =
    "For multi-valued attributes, a PATCH operation that sets a value's \"primary\" sub-attribute "
    "to \"true\" SHALL cause the server to automatically set \"primary\" to \"false\" for any "
    "other "
    "values in the array.";

const Tags kTags = {tag::kPatch, tag::kUsers};
const Tags kRobust = {tag::kPatch, tag::kUsers, tag::kErrors, tag::kRobustness};
const Needs kCaps = {cap::kUsers, cap::kPatch};

// A user fixture carrying a stored value of an attribute chosen from the target's schema.
std::pair<json, Writable> fixture(conf::Context& ctx) {
  Writable w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  return {user, w};
}

json replace_op(const Writable& w, const json& value) {
  return {{"op", "replace"}, {"path", w.name}, {"value", value}};
}

void success_code(conf::Context& ctx) {
  auto [user, w] = fixture(ctx);
  auto r = send_patch(ctx, user_path(ctx, user), json::array({replace_op(w, w.after)}));
  ctx.expect(r.status == 200 || r.status == 204, "PATCH answers 200 or 204", "200 or 204",
             brief(r));
  if (r.status == 200) {
    json body = ctx.json_body(r);
    const json* v = member(body, w.name);
    ctx.expect(v && *v == w.after, "200 carries the entire resource", w.after.dump(), brief(body));
  }
}

void attributes_forces_200(conf::Context& ctx) {
  auto [user, w] = fixture(ctx);
  auto r = ctx.patch(user_path(ctx, user) + "?attributes=" + w.name,
                     patch_body(json::array({replace_op(w, w.after)})));
  json body = expect_json(ctx, r, 200, "PATCH ?attributes=" + w.name);
  const json* v = member(body, w.name);
  ctx.expect(v && *v == w.after, "the projected resource is returned", w.after.dump(), brief(body));
}

void missing_schemas(conf::Context& ctx) {
  auto [user, w] = fixture(ctx);
  json body = {{"Operations", {replace_op(w, w.after)}}};
  ctx.expect_scim_error(ctx.patch(user_path(ctx, user), body), 400, "invalidSyntax");
}

void unknown_op(conf::Context& ctx) {
  auto [user, w] = fixture(ctx);
  auto r = send_patch(ctx, user_path(ctx, user),
                      {{{"op", "copy"}, {"path", w.name}, {"value", w.after}}});
  ctx.expect_scim_error(r, 400, "invalidSyntax");
}

void sequential(conf::Context& ctx) {
  auto [user, w] = fixture(ctx);
  json later = ctx.unique_name("second");
  json after =
      apply_patch(ctx, user_path(ctx, user),
                  {{{"op", "add"}, {"path", w.name}, {"value", w.after}}, replace_op(w, later)});
  const json* v = member(after, w.name);
  ctx.expect(v && *v == later, "the later operation wins", later.dump(), brief(after));
}

void atomic(conf::Context& ctx) {
  auto [user, w] = fixture(ctx);
  // The second operation fails (remove without path); which error it gets is judged by
  // rfc7644/3.5.2.2/remove-without-path-no-target, not here.
  auto r = send_patch(ctx, user_path(ctx, user), {replace_op(w, w.after), {{"op", "remove"}}});
  ctx.expect(r.status >= 400 && r.status < 500, "a PATCH whose second operation fails is refused",
             "a 4xx error", brief(r));
  json after = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET after failed PATCH");
  const json* v = member(after, w.name);
  ctx.expect(v && *v == w.before, "the first operation was not applied", w.before.dump(),
             brief(after));
}

void readonly_mutability(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = send_patch(ctx, user_path(ctx, user),
                      {{{"op", "replace"}, {"path", "id"}, {"value", "scimconf-new-id"}}});
  ctx.expect_scim_error(r, 400, "mutability");
}

void primary_unique(conf::Context& ctx) {
  json user = create_user_with(
      ctx, {{"emails", {{{"value", "one@example.com"}, {"type", "work"}, {"primary", true}}}}});
  json after = apply_patch(
      ctx, user_path(ctx, user),
      {{{"op", "add"},
        {"path", "emails"},
        {"value", {{{"value", "two@example.com"}, {"type", "home"}, {"primary", true}}}}}});
  int primaries = 0;
  for (const auto& e : after.value("emails", json::array()))
    if (e.value("primary", false)) ++primaries;
  ctx.expect(primaries == 1, "exactly one email remains primary", "1",
             brief(after.value("emails", json())));
}

void invalid_path(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = send_patch(ctx, user_path(ctx, user),
                      {{{"op", "replace"}, {"path", "emails[type eq"}, {"value", "x"}}});
  ctx.expect_scim_error(r, 400, "invalidPath");
}

}  // namespace s3_5_2_patch_local

void register_s3_5_2(conf::Catalog& catalog) {
  using namespace s3_5_2_patch_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.5.2", "Modifying with PATCH");
  s.add({.slug = "patch-success-200-or-204",
         .title = "a successful PATCH answers 200 (resource) or 204",
         .level = kMust,
         .requirement = kSuccess,
         .tags = kTags,
         .needs = kCaps,
         .run = success_code});
  s.add({.slug = "patch-attributes-forces-200",
         .title = "PATCH with ?attributes answers 200",
         .level = kMust,
         .requirement = kAttributes200,
         .tags = kTags,
         .needs = kCaps,
         .run = attributes_forces_200});
  s.add({.slug = "patch-missing-schemas-400",
         .title = "a PatchOp without schemas answers 400 invalidSyntax",
         .level = kShould,
         .requirement = kSchemas,
         .tags = kRobust,
         .needs = kCaps,
         .run = missing_schemas});
  s.add({.slug = "patch-unknown-op-400",
         .title = "op \"copy\" answers 400 invalidSyntax",
         .level = kShould,
         .requirement = kOp,
         .tags = kRobust,
         .needs = kCaps,
         .run = unknown_op});
  s.add({.slug = "patch-operations-sequential",
         .title = "operations apply in order",
         .level = kMust,
         .requirement = kSequential,
         .tags = kTags,
         .needs = kCaps,
         .run = sequential});
  s.add({.slug = "patch-is-atomic",
         .title = "a failing operation undoes the earlier ones",
         .level = kMust,
         .requirement = kAtomic,
         .tags = kTags,
         .needs = kCaps,
         .run = atomic});
  s.add({.slug = "patch-readonly-id-mutability",
         .title = "replacing id answers 400 mutability",
         .level = kMust,
         .requirement = kIncompatible,
         .tags = {tag::kPatch, tag::kUsers, tag::kErrors, tag::kMutability},
         .needs = kCaps,
         .run = readonly_mutability});
  s.add({.slug = "patch-primary-is-unique",
         .title = "a new primary email clears the old primary",
         .level = kMust,
         .requirement = kPrimary,
         .tags = kTags,
         .needs = kCaps,
         .run = primary_unique});
  s.add({.slug = "patch-malformed-path-invalid-path",
         .title = "a malformed path answers 400 invalidPath",
         .level = kShould,
         .requirement = kPathRule,
         .tags = kRobust,
         .needs = kCaps,
         .run = invalid_path});
}

}  // namespace scim::suites::rfc7644
