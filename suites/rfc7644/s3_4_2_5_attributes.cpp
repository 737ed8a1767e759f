// RFC 7644 §3.4.2.5 Attributes and §3.9 Additional Operation Response Parameters: "attributes"
// and "excludedAttributes" on GET, lists and write responses; "returned" characteristics.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_4_2_5_attributes_local {

constexpr const char* kAttributes =
    "attributes  A multi-valued list of strings indicating the names of resource attributes to "
    "return in the response, overriding the set of attributes that would be returned by default.";
constexpr const char* kExcludedAlways =
    "This parameter SHALL have no effect on attributes whose schema \"returned\" setting is "
    "\"always\" (see Sections 2.2 and 7 of [RFC7643]).";
constexpr const char* kExcluded =
    "excludedAttributes  A multi-valued list of strings indicating the names of resource "
    "attributes to be removed from the default set of attributes to return.";

// A user whose userName is projected and whose other attribute, chosen from the target's schema
// and confirmed stored, is what projection must leave out (or keep, for excludedAttributes).
struct Sample {
  json user;
  std::string other;  // a "returned": "default" attribute the user carries
};

// Candidates for `other`, the common optional attributes first; any returned-by-default, writable
// string or boolean attribute of the schema will do.
Sample sample_user(conf::Context& ctx) {
  for (const char* name : {"displayName", "nickName", "title", "active", "userType", "locale"}) {
    const auto* a = ctx.caps().attribute("User", name);
    if (a == nullptr || a->multi_valued || a->mutability != Mutability::ReadWrite ||
        a->returned != Returned::Default || !a->canonical_values.empty())
      continue;
    if (a->type != AttributeType::String && a->type != AttributeType::Boolean) continue;
    json value = a->type == AttributeType::Boolean ? json(true) : json("Projected");
    return {create_user_with(ctx, {{name, value}}), name};
  }
  ctx.skip("target's User schema has no optional attribute returned by default besides userName");
}

void attributes_on_get(conf::Context& ctx) {
  auto s = sample_user(ctx);
  json body =
      expect_json(ctx, ctx.get(user_path(ctx, s.user) + "?attributes=userName"), 200, "GET");
  ctx.expect(body.value("userName", "") == s.user.value("userName", "?"),
             "requested attribute returned", "userName", brief(body));
  ctx.expect(!has_member(body, s.other), "attributes not requested are omitted", "no " + s.other,
             brief(body));
  ctx.expect(!id_string(body).empty(), "id (returned always) is still present", "id", brief(body));
}

void attributes_sub_attribute(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"name", {{"givenName", "Pro"}, {"familyName", "Jected"}}}});
  json body =
      expect_json(ctx, ctx.get(user_path(ctx, user) + "?attributes=name.givenName"), 200, "GET");
  const json* name = member(body, "name");
  ctx.expect(name && name->value("givenName", "") == "Pro" && !has_member(*name, "familyName"),
             "only name.givenName of name is returned", R"({"givenName":"Pro"})",
             name ? brief(*name) : "absent");
}

void excluded_on_get(conf::Context& ctx) {
  auto s = sample_user(ctx);
  json body = expect_json(ctx, ctx.get(user_path(ctx, s.user) + "?excludedAttributes=" + s.other),
                          200, "GET");
  ctx.expect(!has_member(body, s.other), "excluded attributes are removed", "no " + s.other,
             brief(body));
  ctx.expect(body.value("userName", "") == s.user.value("userName", "?"), "other defaults remain",
             "userName", brief(body));
}

void excluded_always(conf::Context& ctx) {
  json user = ctx.create_user();
  json body = expect_json(ctx, ctx.get(user_path(ctx, user) + "?excludedAttributes=id"), 200,
                          "GET ?excludedAttributes=id");
  ctx.expect(id_string(body) == id_string(user), "id (returned always) cannot be excluded",
             id_string(user), brief(body));
}

void attributes_on_list(conf::Context& ctx) {
  auto s = sample_user(ctx);
  std::string f = "userName eq " + literal(s.user.value("userName", ""));
  json list = query(ctx, "/Users", f, "&attributes=userName");
  auto res = resources_of(list);
  ctx.expect(res.size() == 1 && !has_member(res[0], s.other) && !id_string(res[0]).empty(),
             "list resources carry only id and the requested attributes", "id, userName",
             brief(res));
}

void attributes_on_post(conf::Context& ctx) {
  auto s = sample_user(ctx);  // confirms the target stores `other`
  json body = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}},
                                         {"userName", ctx.unique_name("proj")},
                                         {s.other, s.user[s.other]}});
  auto r = ctx.send("POST", "/Users?attributes=userName", body.dump(),
                    {{"Content-Type", "application/scim+json"}});
  json created = expect_json(ctx, r, 201, "POST /Users?attributes=userName");
  ctx.track(user_path(ctx, created));
  ctx.expect(!has_member(created, s.other) && has_member(created, "userName"),
             "the POST response honours attributes", "userName only", brief(created));
}

void attributes_on_put(conf::Context& ctx) {
  auto s = sample_user(ctx);
  json put = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}},
                                        {"userName", s.user["userName"]},
                                        {s.other, s.user[s.other]}});
  json body =
      expect_json(ctx, ctx.put(user_path(ctx, s.user) + "?excludedAttributes=" + s.other, put), 200,
                  "PUT ?excludedAttributes=" + s.other);
  ctx.expect(!has_member(body, s.other), "the PUT response honours excludedAttributes",
             "no " + s.other, brief(body));
}

void urn_attributes(conf::Context& ctx) {
  auto s = sample_user(ctx);
  std::string q = "?attributes=" + conf::Context::encode(std::string(urn::kUser) + ":userName");
  json body = expect_json(ctx, ctx.get(user_path(ctx, s.user) + q), 200, "GET ?attributes=<urn>");
  ctx.expect(
      body.value("userName", "") == s.user.value("userName", "?") && !has_member(body, s.other),
      "the URN-qualified name selects userName only", "userName", brief(body));
}

void case_insensitive_attributes(conf::Context& ctx) {
  auto s = sample_user(ctx);
  json body = expect_json(ctx, ctx.get(user_path(ctx, s.user) + "?attributes=USERNAME"), 200,
                          "GET ?attributes=USERNAME");
  const json* name = member(body, "userName");
  ctx.expect(name && *name == s.user["userName"] && !has_member(body, s.other),
             "USERNAME selects userName", "userName only", brief(body));
}

}  // namespace s3_4_2_5_attributes_local

void register_s3_4_2_5(conf::Catalog& catalog) {
  using namespace s3_4_2_5_attributes_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.4.2.5", "Attributes");
  Tags tags = {tag::kProjection, tag::kUsers};
  s.add({.slug = "attributes-limits-get",
         .title = "attributes=userName returns it plus id only",
         .level = kMust,
         .requirement = kAttributes,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = attributes_on_get});
  s.add({.slug = "attributes-sub-attribute",
         .title = "attributes=name.givenName returns that sub-attribute",
         .level = kMust,
         .requirement = kAttributes,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = attributes_sub_attribute});
  s.add({.slug = "excluded-attributes-removed",
         .title = "excludedAttributes removes attributes",
         .level = kMust,
         .requirement = kExcluded,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = excluded_on_get});
  s.add({.slug = "excluded-cannot-remove-always",
         .title = "excludedAttributes=id keeps id",
         .level = kMust,
         .requirement = kExcludedAlways,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = excluded_always});
  s.add({.slug = "attributes-on-list",
         .title = "attributes applies to each list resource",
         .level = kMust,
         .requirement = kAttributes,
         .tags = tags,
         .needs = {cap::kUsers, cap::kFilter},
         .run = attributes_on_list});

  SectionBuilder w(catalog, rfc7644_spec(catalog), "3.9",
                   "Additional Operation Response Parameters");
  constexpr const char* k39a =
      "attributes  When specified, the default list of attributes SHALL be overridden, and each "
      "resource returned MUST contain the minimum set of resource attributes and any attributes or "
      "sub-attributes explicitly requested by the \"attributes\" parameter.";
  constexpr const char* k39e =
      "Additionally, the default set of attributes minus those attributes listed in "
      "\"excludedAttributes\" is returned.";
  w.add({.slug = "attributes-on-post-response",
         .title = "POST honours ?attributes",
         .level = kMust,
         .requirement = k39a,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = attributes_on_post});
  w.add({.slug = "excluded-on-put-response",
         .title = "PUT honours ?excludedAttributes",
         .level = kMust,
         .requirement = k39e,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = attributes_on_put});

  SectionBuilder n(catalog, rfc7644_spec(catalog), "3.10", "Attribute Notation");
  constexpr const char* k310 =
      "All facets (URN, attribute, and sub-attribute name) of the fully encoded attribute name are "
      "case insensitive.";
  n.add({.slug = "urn-qualified-attributes-parameter",
         .title = "attributes accepts a URN-qualified name",
         .level = kMust,
         .requirement = "In general, attributes are uniquely identified by prefixing the attribute "
                        "name with its schema URN separated by a colon (\":\") character; e.g., "
                        "the core User resource attribute 'userName' is identified as "
                        "\"urn:ietf:params:scim:schemas:core:2.0:User:userName\".",
         .tags = tags,
         .needs = {cap::kUsers},
         .run = urn_attributes});
  n.add({.slug = "attribute-names-case-insensitive",
         .title = "attributes=USERNAME selects userName",
         .level = kMust,
         .requirement = k310,
         .tags = tags,
         .needs = {cap::kUsers},
         .run = case_insensitive_attributes});
}

}  // namespace scim::suites::rfc7644
