// RFC 9944 §3.1 SCIM Core Device Schema, singular attributes: active is a required boolean,
// displayName is returned by default and compared case-insensitively, and a device goes through
// create, read, replace and delete like any SCIM resource.
#include <algorithm>
#include <cctype>

#include "device_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9944 {
namespace s3_device_schema_local {

constexpr const char* kActive = "A mutable boolean that is required.";
constexpr const char* kDisplayName = "It may be modified and SHOULD be returned by default.";
constexpr const char* kCaseInsensitive =
    "The attribute is not required, and is not case-sensitive.";

void active_required(conf::Context& ctx) {
  json body = device_body(ctx);
  body.erase("active");
  ctx.expect_scim_error(create_device(ctx, body), 400, "invalidValue");
}

void display_name_returned(conf::Context& ctx) {
  const json body = device_body(ctx);
  const json read = read_device(ctx, created_device(ctx, body, "POST of a device"));
  const json* name = member(read, "displayName");
  ctx.expect(name != nullptr && *name == body["displayName"], "displayName is returned by GET",
             brief(body["displayName"]), name ? brief(*name) : "absent");
}

void display_name_case_insensitive(conf::Context& ctx) {
  const json body = device_body(ctx);
  const json device = created_device(ctx, body, "POST of a device");
  std::string upper = body["displayName"].get<std::string>();
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const json list = query(ctx, device_endpoint(ctx), "displayName eq " + literal(upper));
  expect_ids(ctx, list, {id_string(device)}, "displayName eq in another case finds the device");
}

void replace_and_delete(conf::Context& ctx) {
  const json device = created_device(ctx, device_body(ctx), "POST of a device");
  const std::string path = path_of(ctx, device_endpoint(ctx), device);
  json replacement = device_body(ctx);
  replacement["active"] = false;
  const json put = expect_json(ctx, ctx.put(path, replacement), 200, "PUT of the device");
  ctx.expect(member(put, "active") && *member(put, "active") == false,
             "PUT replaced active (mutable)", "false", brief(put));
  ctx.expect_status(ctx.del(path), 204, "DELETE of the device");
  ctx.untrack(path);
  ctx.expect_status(ctx.get(path), 404, "GET after DELETE");
}

}  // namespace s3_device_schema_local

void register_s3(conf::Catalog& catalog) {
  using namespace s3_device_schema_local;
  SectionBuilder s(catalog, rfc9944_spec(catalog), "3.1",
                   "Core Device Schema: Singular Attributes");
  const Tags tags = {conf::Tag{"devices"}, tag::kSchema};
  const Needs caps = {cap::kDevices};
  s.add({.slug = "active-required",
         .title = "a Device without active is refused (400 invalidValue)",
         .level = kMust,
         .requirement = kActive,
         .tags = tags,
         .needs = caps,
         .run = active_required});
  s.add({.slug = "active-mutable-put-and-delete",
         .title = "a device is replaced (active false) and deleted like any resource",
         .level = kMust,
         .requirement = kActive,
         .tags = {conf::Tag{"devices"}, tag::kPut, tag::kDelete},
         .needs = caps,
         .run = replace_and_delete});
  s.add({.slug = "display-name-returned",
         .title = "displayName is returned by default",
         .level = kShould,
         .requirement = kDisplayName,
         .tags = tags,
         .needs = caps,
         .run = display_name_returned});
  s.add({.slug = "display-name-case-insensitive",
         .title = "displayName filters compare case-insensitively",
         .level = kMust,
         .requirement = kCaseInsensitive,
         .tags = {conf::Tag{"devices"}, tag::kFilter},
         .needs = {cap::kDevices, cap::kFilter},
         .run = display_name_case_insensitive});
}

}  // namespace scim::suites::rfc9944
