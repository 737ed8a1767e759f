// RFC 7643 §2 Attributes: case-insensitive names (§2.1), dateTime encoding (§2.3.5), booleans
// (§2.3.2), "primary" at most once (§2.4) and unassigned values (§2.5), each through attributes
// the target's schema defines. (password, never returned, is judged in s4_1_user_schema.cpp.)
#include <cctype>
#include <regex>

#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace s2_attributes_local {

constexpr const char* kDateTime =
    "A DateTime value (e.g., 2008-01-23T04:56:22Z).  The attribute value MUST be encoded as a "
    "valid xsd:dateTime as specified in Section 3.3.7 of [XML-Schema] and MUST include both a date "
    "and a time.";
constexpr const char* kPrimary =
    "The primary attribute value \"true\" MUST appear no more than once.";
constexpr const char* kUnassigned =
    "Unassigned attributes, the null value, or an empty array (in the case of a multi-valued "
    "attribute) SHALL be considered to be equivalent in \"state\".";

// The attribute is chosen from the target's schema; a first fixture confirms the target stores it
// under its own spelling, so a missing value afterwards is the upper-cased name's doing.
void names_case_insensitive(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User");
  if (w.name != "userName") create_user_with(ctx, {{w.name, w.before}});
  std::string upper = w.name;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  json body = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}}, {upper, w.after}},
                                {w.name});
  json created = expect_json(ctx, ctx.create_raw("/Users", body), 201,
                             "POST with the attribute name " + upper);
  json read = expect_json(ctx, ctx.get(user_path(ctx, created)), 200, "GET");
  const json* v = member(read, w.name);
  ctx.expect(v && *v == w.after, upper + " on input sets " + w.name, w.after.dump(), brief(read));
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
  json user = create_user_with(ctx, {{"active", true}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  const json* active = member(body, "active");
  ctx.expect(active && active->is_boolean() && active->get<bool>(),
             "active is returned as the JSON literal true", "true",
             active ? active->dump() : "absent");
}

void primary_once(conf::Context& ctx) {
  require_defined(ctx, "User", {"emails.value", "emails.primary"});
  json body = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}},
                                         {"userName", ctx.unique_name("prim")},
                                         {"emails",
                                          {{{"value", "a@example.com"}, {"primary", true}},
                                           {{"value", "b@example.com"}, {"primary", true}}}}});
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
  const Writable w = pick_writable(ctx, "User", true);
  const bool emails = ctx.caps().attribute("User", "emails") != nullptr;
  json overrides = {{w.name, nullptr}};
  if (emails) overrides["emails"] = json::array();
  json user = ctx.create_user(overrides);
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  ctx.expect(!has_member(body, w.name), w.name + " null is unassigned", "absent or null",
             brief(body));
  const json* e = member(body, "emails");
  ctx.expect(!e || e->is_null() || e->empty(), "emails [] is unassigned", "absent, null or []",
             e ? brief(*e) : "absent");
}

void put_null_clears(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User", true);
  json user = create_user_with(ctx, {{w.name, w.before}});
  json doc = ctx.with_required(
      "User",
      {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}, {w.name, nullptr}});
  ctx.expect_status(ctx.put(user_path(ctx, user), doc), 200, "PUT with " + w.name + " null");
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  ctx.expect(!has_member(body, w.name), w.name + " is unassigned after null", "absent",
             brief(body));
}

}  // namespace s2_attributes_local

void register_s2_attributes(conf::Catalog& catalog) {
  using namespace s2_attributes_local;
  auto& spec = rfc7643_spec(catalog);
  SectionBuilder n(catalog, spec, "2.1", "Attributes");
  n.add({.slug = "attribute-names-case-insensitive",
         .title = "an attribute name in upper case in a POST sets the attribute",
         .level = kMust,
         .requirement = "Attribute names are case insensitive and are often \"camel-cased\" (e.g., "
                        "\"camelCase\").",
         .tags = {tag::kAttributes, tag::kUsers},
         .needs = {cap::kUsers},
         .run = names_case_insensitive});
  SectionBuilder d(catalog, spec, "2.3.5", "DateTime");
  d.add({.slug = "datetime-is-xsd-datetime",
         .title = "meta.created and meta.lastModified are xsd:dateTime",
         .level = kMust,
         .requirement = kDateTime,
         .tags = {tag::kAttributes, tag::kMeta},
         .needs = {cap::kUsers},
         .run = datetime_format});
  SectionBuilder b(catalog, spec, "2.3.2", "Boolean");
  b.add({.slug = "boolean-is-json-literal",
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
