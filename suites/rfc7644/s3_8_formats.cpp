// RFC 7644 §3.1 Background and §3.8 Data Input/Output Formats: the application/scim+json media
// type on responses, Accept handling (scim+json MUST, json SHOULD), JSON request bodies and UTF-8.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_8_formats_local {

constexpr const char* kMediaType =
    "To identify this content, SCIM uses a media type of \"application/scim+json\" (see Section "
    "8.1).";
constexpr const char* kAccept =
    "Service providers MUST support the \"Accept\" header \"Accept: application/scim+json\" and "
    "SHOULD support the header \"Accept: application/json\", both of which specify JSON documents "
    "conforming to [RFC7159].";
constexpr const char* kUtf8 =
    "Servers MUST accept requests and be able to return JSON-structured responses using UTF-8 "
    "encoding [RFC3629].";

const Tags kTags = {tag::kContentType};

bool is_scim_json(const conf::HttpResponse& r) {
  const std::string* ct = r.header("Content-Type");
  return ct && ct->rfind(std::string(urn::kScimMediaType), 0) == 0;
}

void response_media_type(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = ctx.get(user_path(ctx, user));
  ctx.expect_status(r, 200, "GET /Users/{id}");
  const std::string* ct = r.header("Content-Type");
  ctx.expect(is_scim_json(r), "the response Content-Type is application/scim+json",
             std::string(urn::kScimMediaType), ct ? *ct : "absent");
}

void error_media_type(conf::Context& ctx) {
  auto r = ctx.get("/Users/scimconf-missing");
  const std::string* ct = r.header("Content-Type");
  ctx.expect(is_scim_json(r), "an error response is application/scim+json",
             std::string(urn::kScimMediaType), ct ? *ct : "absent");
}

void accept_scim_json(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = ctx.get(user_path(ctx, user), {{"Accept", std::string(urn::kScimMediaType)}});
  expect_json(ctx, r, 200, "GET with Accept: application/scim+json");
}

void accept_json(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = ctx.get(user_path(ctx, user), {{"Accept", std::string(urn::kJsonMediaType)}});
  expect_json(ctx, r, 200, "GET with Accept: application/json");
}

// The text goes into a string attribute chosen from the target's schema (userName when nothing
// else is defined; it is unique through the run prefix).
void utf8_round_trip(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User");
  const std::string text =
      w.after.get<std::string>() + " Zo\xC3\xAB \xE6\x9D\x8E \xF0\x9F\x98\x80";  // Zoë 李 😀
  json user = ctx.create_user({{w.name, text}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  const json* v = member(body, w.name);
  if (v == nullptr) ctx.skip("target does not store User." + w.name);
  ctx.expect(*v == text, "UTF-8 text is stored and returned intact", text, brief(*v));
}

}  // namespace s3_8_formats_local

void register_s3_8(conf::Catalog& catalog) {
  using namespace s3_8_formats_local;
  SectionBuilder b(catalog, rfc7644_spec(catalog), "3.1", "Background");
  b.add({.slug = "response-media-type-scim-json",
         .title = "responses use application/scim+json",
         .level = kMust,
         .requirement = kMediaType,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = response_media_type});
  b.add({.slug = "error-media-type-scim-json",
         .title = "error responses use application/scim+json",
         .level = kMust,
         .requirement = kMediaType,
         .tags = kTags,
         .run = error_media_type});
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.8", "Data Input/Output Formats");
  s.add({.slug = "accept-scim-json",
         .title = "Accept: application/scim+json is served",
         .level = kMust,
         .requirement = kAccept,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = accept_scim_json});
  s.add({.slug = "accept-json",
         .title = "Accept: application/json is served",
         .level = kShould,
         .requirement = kAccept,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = accept_json});
  s.add({.slug = "utf8-round-trip",
         .title = "non-ASCII UTF-8 values survive a round trip",
         .level = kMust,
         .requirement = kUtf8,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = utf8_round_trip});
}

}  // namespace scim::suites::rfc7644
