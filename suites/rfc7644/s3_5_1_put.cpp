// RFC 7644 §3.5.1 Replacing with PUT: 200 with the entire resource, no creation by PUT, readOnly
// input ignored, required attributes, uniqueness and group membership replacement.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::rfc7644 {
namespace {

constexpr const char* k200 =
    "Unless otherwise specified, a successful PUT operation returns a 200 OK response code and the "
    "entire resource within the response body, enabling the client to correlate the client's and "
    "the service provider's views of the updated resource.";
constexpr const char* kNoCreate =
    "Because SCIM resource identifiers are assigned by the service provider, HTTP PUT MUST NOT be "
    "used to create new resources.";
constexpr const char* kReadOnly = "readOnly  Any values provided SHALL be ignored.";
constexpr const char* kRequired =
    "If an attribute is \"required\", clients MUST specify the attribute in the PUT request.";
constexpr const char* kUniqueness =
    "Table 9, uniqueness: One or more of the attribute values are already in use or are reserved.";

json user_doc(const json& user, json extra) {
  json doc = {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}};
  doc.update(extra);
  return doc;
}

void put_200(conf::Context& ctx) {
  json user = ctx.create_user({{"nickName", "Before"}});
  json body =
      expect_json(ctx, ctx.put(user_path(ctx, user), user_doc(user, {{"nickName", "After"}})), 200,
                  "PUT /Users/{id}");
  ctx.expect(body.value("nickName", "") == "After" && id_string(body) == id_string(user),
             "the response is the entire updated resource", "nickName After, same id", brief(body));
}

void put_replaces(conf::Context& ctx) {
  json user = ctx.create_user({{"nickName", "Before"}, {"title", "Keep?"}});
  ctx.put(user_path(ctx, user), user_doc(user, {{"nickName", "After"}}));
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET after PUT");
  ctx.expect(body.value("nickName", "") == "After", "the PUT value is stored", "After",
             brief(body));
}

void put_no_create(conf::Context& ctx) {
  json doc = {{"schemas", {std::string(urn::kUser)}}, {"userName", ctx.unique_name("put")}};
  auto r = ctx.put("/Users/scimconf-put-must-not-create", doc);
  if (r.status == 200 || r.status == 201) ctx.track("/Users/scimconf-put-must-not-create");
  ctx.expect_scim_error(r, 404);
}

void put_readonly(conf::Context& ctx) {
  json user = ctx.create_user();
  json doc = user_doc(
      user, {{"id", "scimconf-other-id"}, {"meta", {{"created", "1999-01-01T00:00:00Z"}}}});
  json body = expect_json(ctx, ctx.put(user_path(ctx, user), doc), 200, "PUT with readOnly values");
  const json* meta = member(body, "meta");
  ctx.expect(id_string(body) == id_string(user), "id is unchanged", id_string(user),
             id_string(body));
  ctx.expect(meta && meta->value("created", "") != "1999-01-01T00:00:00Z",
             "meta.created is unchanged", "original timestamp", meta ? brief(*meta) : "absent");
}

void put_required(conf::Context& ctx) {
  json user = ctx.create_user();
  json doc = {{"schemas", {std::string(urn::kUser)}}, {"displayName", "No userName"}};
  ctx.expect_scim_error(ctx.put(user_path(ctx, user), doc), 400, "invalidValue");
}

void put_uniqueness(conf::Context& ctx) {
  json a = ctx.create_user();
  json b = ctx.create_user();
  json doc = {{"schemas", {std::string(urn::kUser)}}, {"userName", a["userName"]}};
  ctx.expect_scim_error(ctx.put(user_path(ctx, b), doc), 409, "uniqueness");
}

void put_group_members(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(u1)}}}}});
  json doc = {{"schemas", {std::string(urn::kGroup)}},
              {"displayName", group["displayName"]},
              {"members", {{{"value", id_string(u2)}}}}};
  expect_json(ctx, ctx.put(group_path(ctx, group), doc), 200, "PUT /Groups/{id}");
  json after = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET group");
  ctx.expect(values(after, "members") == std::set<std::string>{id_string(u2)},
             "PUT replaces the member list", id_string(u2), brief(after.value("members", json())));
}

}  // namespace

void register_s3_5_1(conf::Catalog& catalog) {
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.5.1", "Replacing with PUT");
  s.add({.slug = "put-returns-200-entire-resource",
         .title = "PUT answers 200 with the updated resource",
         .level = kMust,
         .requirement = k200,
         .tags = {tag::kPut, tag::kUsers},
         .needs = {cap::kUsers},
         .run = put_200});
  s.add({.slug = "put-value-stored",
         .title = "the PUT value is visible to a later GET",
         .level = kMust,
         .requirement = k200,
         .tags = {tag::kPut, tag::kUsers},
         .needs = {cap::kUsers},
         .run = put_replaces});
  s.add({.slug = "put-must-not-create",
         .title = "PUT of an unknown id answers 404",
         .level = kMust,
         .requirement = kNoCreate,
         .tags = {tag::kPut, tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = put_no_create});
  s.add({.slug = "put-readonly-ignored",
         .title = "PUT ignores id and meta values",
         .level = kMust,
         .requirement = kReadOnly,
         .tags = {tag::kPut, tag::kUsers, tag::kMutability},
         .needs = {cap::kUsers},
         .run = put_readonly});
  s.add({.slug = "put-missing-required-400",
         .title = "PUT without userName answers 400 invalidValue",
         .level = kMust,
         .requirement = kRequired,
         .tags = {tag::kPut, tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = put_required});
  s.add({.slug = "put-duplicate-username-409",
         .title = "PUT to another user's userName answers 409",
         .level = kMust,
         .requirement = kUniqueness,
         .tags = {tag::kPut, tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = put_uniqueness});
  s.add({.slug = "put-group-replaces-members",
         .title = "PUT replaces a group's members",
         .level = kMust,
         .requirement = k200,
         .tags = {tag::kPut, tag::kGroups},
         .needs = {cap::kGroups, cap::kUsers},
         .run = put_group_members});
}

}  // namespace scim::suites::rfc7644
