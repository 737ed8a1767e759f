// RFC 7644 §3.5.1 Replacing with PUT: 200 with the entire resource, values replaced, no creation by
// PUT, readOnly input ignored, required attributes and group membership replacement. The value a
// check changes is an attribute the target's schema defines and stores (attributes.hpp).
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::rfc7644 {
namespace s3_5_1_put_local {

constexpr const char* k200 =
    "Unless otherwise specified, a successful PUT operation returns a 200 OK response code and the "
    "entire resource within the response body, enabling the client to correlate the client's and "
    "the service provider's views of the updated resource.";
constexpr const char* kReplace =
    "readWrite, writeOnly  Any values provided SHALL replace the existing attribute values.";
constexpr const char* kNoCreate =
    "Because SCIM resource identifiers are assigned by the service provider, HTTP PUT MUST NOT be "
    "used to create new resources.";
constexpr const char* kReadOnly = "readOnly  Any values provided SHALL be ignored.";
// Binds the client; no sentence obliges the provider to refuse (robustness, SHOULD). That no User
// is left without a userName is judged at MUST by rfc7643/4.1.1/username-non-empty.
constexpr const char* kRequired =
    "If an attribute is \"required\", clients MUST specify the attribute in the PUT request.";

// A PUT document for `user` that sets `w` to its `after` value (userName itself when chosen).
json put_doc(conf::Context& ctx, const json& user, const Writable& w) {
  json doc = {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}};
  doc[w.name] = w.after;
  return ctx.with_required("User", doc);
}

void put_200(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  json body = expect_json(ctx, ctx.put(user_path(ctx, user), put_doc(ctx, user, w)), 200,
                          "PUT /Users/{id}");
  const json* v = member(body, w.name);
  ctx.expect(v && *v == w.after && id_string(body) == id_string(user),
             "the response is the entire updated resource", w.name + " " + w.after.dump(),
             brief(body));
}

void put_replaces(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  ctx.expect_status(ctx.put(user_path(ctx, user), put_doc(ctx, user, w)), 200, "PUT /Users/{id}");
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET after PUT");
  const json* v = member(body, w.name);
  ctx.expect(v && *v == w.after, "the PUT value is stored", w.after.dump(), brief(body));
}

// "MUST NOT be used to create": whatever the refusal (404 is Table 8's), nothing is created.
void put_no_create(conf::Context& ctx) {
  json doc = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", ctx.unique_name("put")}});
  auto r = ctx.put("/Users/scimconf-put-must-not-create", doc);
  if (r.status >= 200 && r.status < 300) ctx.track("/Users/scimconf-put-must-not-create");
  ctx.expect(r.status >= 400 && r.status < 500, "PUT of an unknown id creates nothing",
             "a 4xx refusal (404 Not Found)", brief(r));
  ctx.expect_scim_error(r, r.status);
}

void put_readonly(conf::Context& ctx) {
  json user = ctx.create_user();
  json doc = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}},
                                        {"userName", user["userName"]},
                                        {"id", "scimconf-other-id"},
                                        {"meta", {{"created", "1999-01-01T00:00:00Z"}}}});
  json body = expect_json(ctx, ctx.put(user_path(ctx, user), doc), 200, "PUT with readOnly values");
  const json* meta = member(body, "meta");
  ctx.expect(id_string(body) == id_string(user), "id is unchanged", id_string(user),
             id_string(body));
  ctx.expect(meta && meta->value("created", "") != "1999-01-01T00:00:00Z",
             "meta.created is unchanged", "original timestamp", meta ? brief(*meta) : "absent");
}

void put_required(conf::Context& ctx) {
  json user = ctx.create_user();
  json doc = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}}}, {"userName"});
  ctx.expect_scim_error(ctx.put(user_path(ctx, user), doc), 400, "invalidValue");
}

void put_group_members(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group = create_group_with(ctx, {{"members", {{{"value", id_string(u1)}}}}});
  json doc = ctx.with_required("Group", {{"schemas", {std::string(urn::kGroup)}},
                                         {"displayName", group["displayName"]},
                                         {"members", {{{"value", id_string(u2)}}}}});
  expect_json(ctx, ctx.put(group_path(ctx, group), doc), 200, "PUT /Groups/{id}");
  json after = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET group");
  ctx.expect(values(after, "members") == std::set<std::string>{id_string(u2)},
             "PUT replaces the member list", id_string(u2), brief(after.value("members", json())));
}

}  // namespace s3_5_1_put_local

void register_s3_5_1(conf::Catalog& catalog) {
  using namespace s3_5_1_put_local;
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
         .requirement = kReplace,
         .tags = {tag::kPut, tag::kUsers},
         .needs = {cap::kUsers},
         .run = put_replaces});
  s.add({.slug = "put-must-not-create",
         .title = "PUT of an unknown id creates nothing",
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
         .level = kShould,
         .requirement = kRequired,
         .tags = {tag::kPut, tag::kUsers, tag::kErrors, tag::kRobustness},
         .needs = {cap::kUsers},
         .run = put_required});
  s.add({.slug = "put-group-replaces-members",
         .title = "PUT replaces a group's members",
         .level = kMust,
         .requirement = kReplace,
         .tags = {tag::kPut, tag::kGroups},
         .needs = {cap::kGroups, cap::kUsers},
         .run = put_group_members});
}

}  // namespace scim::suites::rfc7644
