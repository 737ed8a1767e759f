// RFC 7644 §3.14 Versioning Resources: ETag header and meta.version, If-None-Match (304),
// If-Match on PUT/PATCH/DELETE (412 on mismatch, "*" matches any), version changes on update.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_14_etags_local {

constexpr const char* kHeader =
    "When supported, SCIM ETags MUST be specified as an HTTP header and SHOULD be specified within "
    "the 'version' attribute contained in the resource's 'meta' attribute.";
constexpr const char* k304 =
    "If the resource has not changed, the service provider simply returns an empty body with a 304 "
    "(Not Modified) response code.";
constexpr const char* kIfMatch =
    "If the service provider supports versioning of resources, the client MAY supply an If-Match "
    "header (Section 3.1 of [RFC7232]) for PUT and PATCH operations to ensure that the requested "
    "operation succeeds only if the supplied ETag matches the latest service provider resource, "
    "e.g., If-Match: W/\"e180ee84f0671b1\".";

const Tags kTags = {tag::kEtag, tag::kUsers};
const Needs kCaps = {cap::kUsers, cap::kEtag};
constexpr const char* kStale = "W/\"scimconf-stale-version\"";

std::string etag_of(conf::Context& ctx, const std::string& path) {
  return expect_header(ctx, ctx.get(path), "ETag");
}

// A PUT document that changes the user: a new userName, the attribute every target stores.
json put_doc(conf::Context& ctx) {
  return ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", ctx.unique_name("etag")}});
}

json rename(conf::Context& ctx) {
  return patch_body(
      {{{"op", "replace"}, {"path", "userName"}, {"value", ctx.unique_name("etag")}}});
}

// A fresh user's ETag header (required) and its meta.version (null when absent).
std::pair<std::string, json> etag_and_version(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = ctx.get(user_path(ctx, user));
  std::string etag = expect_header(ctx, r, "ETag");
  json body = ctx.json_body(r);
  const json* meta = member(body, "meta");
  const json* version = meta ? member(*meta, "version") : nullptr;
  return {etag, version ? *version : json()};
}

// The MUST: an ETag header; a meta.version that is given must be that same tag (a provider may
// leave meta.version out: "SHOULD be specified", judged by meta-version-carries-etag).
void header_on_get(conf::Context& ctx) {
  const auto [etag, version] = etag_and_version(ctx);
  if (version.is_null()) return;
  ctx.expect(version == etag, "meta.version, when given, equals the ETag header", etag,
             brief(version));
}

void version_in_meta(conf::Context& ctx) {
  const auto [etag, version] = etag_and_version(ctx);
  ctx.expect(version == etag, "meta.version carries the ETag", etag,
             version.is_null() ? "absent" : brief(version));
}

void header_on_create(conf::Context& ctx) {
  auto r = ctx.create_raw("/Users", put_doc(ctx));
  ctx.expect_status(r, 201, "POST /Users");
  expect_header(ctx, r, "ETag");
}

void if_none_match_304(conf::Context& ctx) {
  json user = ctx.create_user();
  std::string path = user_path(ctx, user);
  auto r = ctx.get(path, {{"If-None-Match", etag_of(ctx, path)}});
  ctx.expect_status(r, 304, "GET with the current ETag in If-None-Match");
  ctx.expect(r.body.empty(), "a 304 has an empty body", "empty", brief(r));
}

void if_none_match_changed(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = ctx.get(user_path(ctx, user), {{"If-None-Match", kStale}});
  ctx.expect_status(r, 200, "GET with a stale ETag in If-None-Match");
}

void version_changes(conf::Context& ctx) {
  json user = ctx.create_user();
  std::string path = user_path(ctx, user);
  std::string before = etag_of(ctx, path);
  ctx.expect_status(ctx.put(path, put_doc(ctx)), 200, "PUT");
  std::string after = etag_of(ctx, path);
  ctx.expect(before != after, "the ETag changes when the resource changes", "a new ETag", after);
}

void if_match_stale(conf::Context& ctx, const std::string& method) {
  json user = ctx.create_user();
  std::string path = user_path(ctx, user);
  conf::Headers h = {{"If-Match", kStale}};
  conf::HttpResponse r;
  if (method == "PUT") r = ctx.put(path, put_doc(ctx), h);
  if (method == "PATCH") r = ctx.patch(path, rename(ctx), h);
  ctx.expect_scim_error(r, 412);
}

void if_match_current(conf::Context& ctx) {
  json user = ctx.create_user();
  std::string path = user_path(ctx, user);
  auto r = ctx.put(path, put_doc(ctx), {{"If-Match", etag_of(ctx, path)}});
  ctx.expect_status(r, 200, "PUT with the current ETag in If-Match");
}

void if_match_star(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = ctx.patch(user_path(ctx, user), rename(ctx), {{"If-Match", "*"}});
  ctx.expect(r.status == 200 || r.status == 204, "If-Match: * matches any current version",
             "200 or 204", brief(r));
}

}  // namespace s3_14_etags_local

void register_s3_14(conf::Catalog& catalog) {
  using namespace s3_14_etags_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.14", "Versioning Resources");
  s.add({.slug = "etag-header-matches-meta-version",
         .title = "GET carries an ETag header (equal to meta.version when given)",
         .level = kMust,
         .requirement = kHeader,
         .tags = kTags,
         .needs = kCaps,
         .run = header_on_get});
  s.add({.slug = "meta-version-carries-etag",
         .title = "meta.version carries the ETag",
         .level = kShould,
         .requirement = kHeader,
         .tags = kTags,
         .needs = kCaps,
         .run = version_in_meta});
  s.add({.slug = "etag-header-on-create",
         .title = "POST answers with an ETag header",
         .level = kMust,
         .requirement = kHeader,
         .tags = kTags,
         .needs = kCaps,
         .run = header_on_create});
  s.add({.slug = "if-none-match-current-304",
         .title = "If-None-Match with the current ETag answers 304",
         .level = kMust,
         .requirement = k304,
         .tags = kTags,
         .needs = kCaps,
         .run = if_none_match_304});
  s.add({.slug = "if-none-match-stale-200",
         .title = "If-None-Match with another ETag answers 200",
         .level = kMust,
         .requirement = k304,
         .tags = kTags,
         .needs = kCaps,
         .run = if_none_match_changed});
  s.add({.slug = "etag-changes-on-update",
         .title = "the ETag changes after PUT",
         .level = kMust,
         .requirement = kHeader,
         .tags = kTags,
         .needs = kCaps,
         .run = version_changes});
  s.add({.slug = "if-match-stale-put-412",
         .title = "PUT with a stale If-Match answers 412",
         .level = kMust,
         .requirement = kIfMatch,
         .tags = kTags,
         .needs = kCaps,
         .run = [](conf::Context& ctx) { if_match_stale(ctx, "PUT"); }});
  s.add({.slug = "if-match-stale-patch-412",
         .title = "PATCH with a stale If-Match answers 412",
         .level = kMust,
         .requirement = kIfMatch,
         .tags = kTags,
         .needs = {cap::kUsers, cap::kEtag, cap::kPatch},
         .run = [](conf::Context& ctx) { if_match_stale(ctx, "PATCH"); }});
  s.add({.slug = "if-match-current-succeeds",
         .title = "PUT with the current If-Match succeeds",
         .level = kMust,
         .requirement = kIfMatch,
         .tags = kTags,
         .needs = kCaps,
         .run = if_match_current});
  s.add({.slug = "if-match-star-succeeds",
         .title = "If-Match: * matches the current version (RFC 7232 §3.1)",
         .level = kMust,
         .requirement = kIfMatch,
         .tags = kTags,
         .needs = {cap::kUsers, cap::kEtag, cap::kPatch},
         .run = if_match_star});
}

}  // namespace scim::suites::rfc7644
