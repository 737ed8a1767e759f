// RFC 7643 §2 Attributes: case-insensitive names (§2.1), "returned" characteristics (§2.2, §7),
// dateTime encoding (§2.3.5), booleans (§2.3.2), "primary" at most once (§2.4) and unassigned
// values (§2.5).
#include <regex>

#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace {

constexpr const char* kNever =
    "never  The attribute is never returned.  This may occur because the original attribute value "
    "(e.g., a hashed value) is not retained by the service provider.";
constexpr const char* kDateTime =
    "A DateTime value (e.g., 2008-01-23T04:56:22Z).  The attribute value MUST be encoded as a "
    "valid xsd:dateTime as specified in Section 3.3.7 of [XML-Schema] and MUST include both a date "
    "and a time.";
constexpr const char* kPrimary =
    "The primary attribute value \"true\" MUST appear no more than once.";
constexpr const char* kUnassigned =
    "Unassigned attributes, the null value, or an empty array (in the case of a multi-valued "
    "attribute) SHALL be considered to be equivalent in \"state\".";
constexpr const char* kSecret = "scimconf-Secret-9!";

json with_password(conf::Context& ctx) {
  return ctx.create_user({{"password", kSecret}});
}

void names_case_insensitive(conf::Context& ctx) {
  json user = ctx.create_user({{"DISPLAYNAME", "Case Test"}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  const json* dn = member(body, "displayName");
  ctx.expect(dn && *dn == "Case Test", "DISPLAYNAME on input sets displayName", "Case Test",
             brief(body));
}

void password_not_on_create(conf::Context& ctx) {
  json user = with_password(ctx);
  ctx.expect(!has_member(user, "password"), "the 201 body has no password", "absent", brief(user));
}

void password_not_on_get(conf::Context& ctx) {
  json user = with_password(ctx);
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  ctx.expect(!has_member(body, "password"), "GET has no password", "absent", brief(body));
}

void password_not_on_request(conf::Context& ctx) {
  json user = with_password(ctx);
  json body = expect_json(ctx, ctx.get(user_path(ctx, user) + "?attributes=password,userName"), 200,
                          "GET ?attributes=password");
  ctx.expect(!has_member(body, "password"), "even when requested, password is not returned",
             "absent", brief(body));
}

void password_not_in_list(conf::Context& ctx) {
  json user = with_password(ctx);
  json list = query(ctx, "/Users", "userName eq " + literal(user.value("userName", "")));
  for (const auto& r : resources_of(list))
    ctx.expect(!has_member(r, "password"), "list resources have no password", "absent", brief(r));
}

void password_not_on_put(conf::Context& ctx) {
  json user = ctx.create_user();
  json doc = {{"schemas", {std::string(urn::kUser)}},
              {"userName", user["userName"]},
              {"password", kSecret}};
  json body = expect_json(ctx, ctx.put(user_path(ctx, user), doc), 200, "PUT with password");
  ctx.expect(!has_member(body, "password"), "the PUT response has no password", "absent",
             brief(body));
}

void datetime_format(conf::Context& ctx) {
  static const std::regex kXsd(
      R"(^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
  json user = ctx.create_user();
  const json* meta = member(user, "meta");
  for (const char* key : {"created", "lastModified"}) {
    std::string value = meta ? meta->value(key, "") : "";
    ctx.expect(std::regex_match(value, kXsd), std::string("meta.") + key + " is an xsd:dateTime",
               "e.g. 2008-01-23T04:56:22Z", value);
  }
}

void boolean_type(conf::Context& ctx) {
  json user = ctx.create_user({{"active", true}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  const json* active = member(body, "active");
  ctx.expect(active && active->is_boolean() && active->get<bool>(),
             "active is returned as the JSON literal true", "true",
             active ? active->dump() : "absent");
}

void primary_once(conf::Context& ctx) {
  json body = {{"schemas", {std::string(urn::kUser)}},
               {"userName", ctx.unique_name("prim")},
               {"emails",
                {{{"value", "a@example.com"}, {"primary", true}},
                 {{"value", "b@example.com"}, {"primary", true}}}}};
  auto r = ctx.create_raw("/Users", body);
  if (r.status == 400) return ctx.expect_scim_error(r, 400, "invalidValue");
  json created = expect_json(ctx, r, 201, "POST with two primary emails");
  int primaries = 0;
  for (const auto& e : created.value("emails", json::array()))
    if (e.value("primary", false)) ++primaries;
  ctx.expect(primaries <= 1, "at most one primary value is stored (or the request refused)", "<= 1",
             std::to_string(primaries));
}

void null_is_unassigned(conf::Context& ctx) {
  json user = ctx.create_user({{"nickName", nullptr}, {"emails", json::array()}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  ctx.expect(!has_member(body, "nickName"), "nickName null is unassigned", "absent or null",
             brief(body));
  const json* emails = member(body, "emails");
  ctx.expect(!emails || emails->is_null() || emails->empty(), "emails [] is unassigned",
             "absent, null or []", emails ? brief(*emails) : "absent");
}

void put_null_clears(conf::Context& ctx) {
  json user = ctx.create_user({{"nickName", "Clear Me"}});
  json doc = {{"schemas", {std::string(urn::kUser)}},
              {"userName", user["userName"]},
              {"nickName", nullptr}};
  ctx.expect_status(ctx.put(user_path(ctx, user), doc), 200, "PUT with nickName null");
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  ctx.expect(!has_member(body, "nickName"), "nickName is unassigned after null", "absent",
             brief(body));
}

}  // namespace

void register_s2_attributes(conf::Catalog& catalog) {
  auto& spec = rfc7643_spec(catalog);
  SectionBuilder n(catalog, spec, "2.1", "Attributes");
  n.add({.slug = "attribute-names-case-insensitive",
         .title = "DISPLAYNAME in a POST sets displayName",
         .level = kMust,
         .requirement = "Attribute names are case insensitive and are often \"camel-cased\" (e.g., "
                        "\"camelCase\").",
         .tags = {tag::kAttributes, tag::kUsers},
         .needs = {cap::kUsers},
         .run = names_case_insensitive});
  SectionBuilder c(catalog, spec, "2.2", "Attribute Characteristics");
  Tags pw = {tag::kAttributes, tag::kUsers, tag::kPassword};
  c.add({.slug = "password-not-returned-on-create",
         .title = "POST response omits password",
         .level = kMust,
         .requirement = kNever,
         .tags = pw,
         .needs = {cap::kUsers},
         .run = password_not_on_create});
  c.add({.slug = "password-not-returned-on-get",
         .title = "GET omits password",
         .level = kMust,
         .requirement = kNever,
         .tags = pw,
         .needs = {cap::kUsers},
         .run = password_not_on_get});
  c.add({.slug = "password-not-returned-when-requested",
         .title = "?attributes=password still omits it",
         .level = kMust,
         .requirement = kNever,
         .tags = pw,
         .needs = {cap::kUsers},
         .run = password_not_on_request});
  c.add({.slug = "password-not-returned-in-lists",
         .title = "list responses omit password",
         .level = kMust,
         .requirement = kNever,
         .tags = pw,
         .needs = {cap::kUsers, cap::kFilter},
         .run = password_not_in_list});
  c.add({.slug = "password-not-returned-on-put",
         .title = "PUT response omits password",
         .level = kMust,
         .requirement = kNever,
         .tags = pw,
         .needs = {cap::kUsers},
         .run = password_not_on_put});
  SectionBuilder t(catalog, spec, "2.3", "Attribute Data Types");
  t.add({.slug = "datetime-is-xsd-datetime",
         .title = "meta.created and meta.lastModified are xsd:dateTime",
         .level = kMust,
         .requirement = kDateTime,
         .tags = {tag::kAttributes, tag::kMeta},
         .needs = {cap::kUsers},
         .run = datetime_format});
  t.add({.slug = "boolean-is-json-literal",
         .title = "booleans are returned as JSON true/false",
         .level = kMust,
         .requirement = "The literal \"true\" or \"false\".",
         .tags = {tag::kAttributes, tag::kUsers},
         .needs = {cap::kUsers},
         .run = boolean_type});
  SectionBuilder m(catalog, spec, "2.4", "Multi-Valued Attributes");
  m.add({.slug = "primary-at-most-once",
         .title = "two primary emails are refused or reduced to one",
         .level = kMust,
         .requirement = kPrimary,
         .tags = {tag::kAttributes, tag::kUsers},
         .needs = {cap::kUsers},
         .run = primary_once});
  SectionBuilder u(catalog, spec, "2.5", "Unassigned and Null Values");
  u.add({.slug = "null-and-empty-array-unassigned",
         .title = "null and [] on create leave attributes unassigned",
         .level = kMust,
         .requirement = kUnassigned,
         .tags = {tag::kAttributes, tag::kUsers},
         .needs = {cap::kUsers},
         .run = null_is_unassigned});
  u.add({.slug = "put-null-clears-attribute",
         .title = "PUT with null clears an attribute",
         .level = kMust,
         .requirement =
             "Assigning an attribute with the value \"null\" or an empty array (in the case of "
             "multi-valued attributes) has the effect of making the attribute \"unassigned\".",
         .tags = {tag::kAttributes, tag::kUsers},
         .needs = {cap::kUsers},
         .run = put_null_clears});
}

}  // namespace scim::suites::rfc7643
