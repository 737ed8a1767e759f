// draft-ietf-scim-events-16 §2 SCIM Events, as delivered to the runner's loopback push receiver:
// SET claims (RFC 8417 §2.2), "sub_id" (§2.1), "full"/"notice" payloads (§2.4), the create, patch,
// put, delete and deactivate events (§2.4.1-§2.4.6) and the push request (RFC 8935 §2.1).
#include "channel.hpp"
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::events {
namespace s2_events_local {

const Tags kTags = {tag::kEvents};
const Needs kCaps = {cap::kEvents, cap::kUsers};
const std::string kProv = "urn:ietf:params:scim:event:prov:";

// Creates a user and returns the create SET delivered for it.
conf::ReceivedSet create_set(conf::Context& ctx) {
  json user = ctx.create_user();
  return await_set(ctx, user_path(ctx, user), kProv + "create:");
}

void claims_required(conf::Context& ctx) {
  auto set = create_set(ctx);
  ctx.expect(set.claims.contains("iss") && set.claims["iss"].is_string(), "iss is present",
             "string iss", brief(set.claims));
  ctx.expect(set.claims.contains("iat") && set.claims["iat"].is_number(), "iat is a NumericDate",
             "number iat", brief(set.claims));
  ctx.expect(set.claims.contains("jti") && set.claims["jti"].is_string(), "jti is present",
             "string jti", brief(set.claims));
}

void events_objects(conf::Context& ctx) {
  auto set = create_set(ctx);
  const json* events = member(set.claims, "events");
  ctx.expect(events && events->is_object() && !events->empty(), "events is a non-empty object",
             "object", events ? brief(*events) : "absent");
  for (auto it = events->begin(); it != events->end(); ++it)
    ctx.expect(it.value().is_object(), "each event value is a JSON object", "object",
               it.key() + ": " + brief(it.value()));
}

void sub_id_shape(conf::Context& ctx) {
  auto set = create_set(ctx);
  const json* sub = member(set.claims, "sub_id");
  ctx.expect(sub && sub->value("format", "") == "scim", "sub_id.format is \"scim\"", "scim",
             sub ? brief(*sub) : "absent");
  ctx.expect(sub->value("uri", "").rfind("/", 0) == 0, "sub_id.uri is a relative path",
             "/Users/<id>", brief(*sub));
}

void no_sub_claim(conf::Context& ctx) {
  auto set = create_set(ctx);
  ctx.expect(!set.claims.contains("sub"), "the JWT \"sub\" claim is not used", "no sub",
             brief(set.claims));
}

void sub_id_not_in_payload(conf::Context& ctx) {
  auto set = create_set(ctx);
  for (auto& [uri, payload] : set.claims["events"].items())
    ctx.expect(!payload.contains("sub_id"), "sub_id is not inside an event payload", "absent",
               uri + ": " + brief(payload));
}

void txn_present(conf::Context& ctx) {
  auto set = create_set(ctx);
  const json* txn = member(set.claims, "txn");
  ctx.expect(txn && txn->is_string() && !txn->get<std::string>().empty(), "txn is a string", "txn",
             brief(set.claims));
}

void full_or_notice(conf::Context& ctx) {
  auto set = create_set(ctx);
  std::string uri = event_uri(set.claims, kProv + "create:");
  const json& payload = set.claims["events"][uri];
  bool full = uri.size() > 5 && uri.compare(uri.size() - 5, 5, ":full") == 0;
  ctx.expect(payload.contains("data") != payload.contains("attributes"),
             "exactly one of data and attributes", "data xor attributes", brief(payload));
  ctx.expect(full == payload.contains("data"), "\"full\" events carry data, \"notice\" ones do not",
             full ? "data" : "attributes", brief(payload));
}

void create_shares_id(conf::Context& ctx) {
  json user = ctx.create_user();
  auto set = await_set(ctx, user_path(ctx, user), kProv + "create:");
  std::string uri = event_uri(set.claims, kProv + "create:");
  const json& payload = set.claims["events"][uri];
  if (!payload.contains("data")) ctx.skip("notice mode: no data payload");
  ctx.expect(id_string(payload["data"]) == id_string(user), "data carries the assigned id",
             id_string(user), brief(payload["data"]));
}

// Skips when the target's securityEvents.eventUris (draft §4) is given and lacks `prefix`.
void require_listed(conf::Context& ctx, const std::string& prefix) {
  const auto& uris = ctx.caps().event_uris;
  if (uris.empty()) return;
  for (const auto& u : uris)
    if (u.rfind(prefix, 0) == 0) return;
  ctx.skip("target does not list " + prefix + "* in securityEvents.eventUris");
}

void patch_event(conf::Context& ctx) {
  require_listed(ctx, kProv + "patch:");
  json user = ctx.create_user();
  ctx.patch(
      user_path(ctx, user),
      patch_body({{{"op", "replace"}, {"path", "userName"}, {"value", ctx.unique_name("evt")}}}));
  await_set(ctx, user_path(ctx, user), kProv + "patch:");
}

void put_event(conf::Context& ctx) {
  require_listed(ctx, kProv + "put:");
  json user = ctx.create_user();
  ctx.put(user_path(ctx, user), ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}},
                                                           {"userName", user["userName"]}}));
  await_set(ctx, user_path(ctx, user), kProv + "put:");
}

void delete_event(conf::Context& ctx) {
  require_listed(ctx, std::string(urn::event::kDelete));
  json user = ctx.create_user();
  std::string path = user_path(ctx, user);
  ctx.expect_status(ctx.del(path), 204, "DELETE");
  ctx.untrack(path);
  auto set = await_set(ctx, path, std::string(urn::event::kDelete));
  std::string uri = event_uri(set.claims, std::string(urn::event::kDelete));
  ctx.expect(uri == urn::event::kDelete, "the delete event has no full/notice qualifier",
             std::string(urn::event::kDelete), uri);
}

void deactivate_event(conf::Context& ctx) {
  if (ctx.caps().attribute("User", "active") == nullptr)
    ctx.skip("target does not define User.active");
  require_listed(ctx, std::string(urn::event::kDeactivate));
  json user = ctx.create_user({{"active", true}});
  ctx.patch(user_path(ctx, user),
            patch_body({{{"op", "replace"}, {"path", "active"}, {"value", false}}}));
  await_set(ctx, user_path(ctx, user), std::string(urn::event::kDeactivate));
}

// A SET read from the poll feed carries no push request headers: only a pushed one counts.
void push_content_type(conf::Context& ctx) {
  json user = ctx.create_user();
  auto set = await_pushed_set(ctx, user_path(ctx, user), kProv + "create:");
  const std::string* ct = conf::find_header(set.request_headers, "Content-Type");
  ctx.expect(ct && ct->find("application/secevent+jwt") == 0,
             "SETs are pushed as application/secevent+jwt", "application/secevent+jwt",
             ct ? *ct : "absent");
}

void typ_header(conf::Context& ctx) {
  auto set = create_set(ctx);
  ctx.expect(set.header.value("typ", "") == "secevent+jwt", "the JOSE typ is secevent+jwt",
             "secevent+jwt", brief(set.header));
}

}  // namespace s2_events_local

void register_s2_events(conf::Catalog& catalog) {
  using namespace s2_events_local;
  auto& spec = events_spec(catalog);
  // What RFC 8417 and RFC 8935 require of every SET and push, registered under those documents.
  SectionBuilder claims(catalog, rfc8417_spec(catalog), "2.2", "Core SET Claims");
  claims.add({.slug = "set-required-claims",
              .title = "SETs carry iss, iat and jti",
              .level = kMust,
              .requirement = "This claim is REQUIRED.",
              .tags = kTags,
              .needs = kCaps,
              .run = claims_required});
  claims.add(
      {.slug = "events-claim-objects",
       .title = "the events claim maps URIs to JSON objects",
       .level = kMust,
       .requirement = "For each name present, the corresponding value MUST be a JSON object.",
       .tags = kTags,
       .needs = kCaps,
       .run = events_objects});
  SectionBuilder typing(catalog, rfc8417_spec(catalog), "2.3", "Explicit Typing of SETs");
  typing.add({.slug = "typ-secevent-jwt",
              .title = "the JOSE header typ is secevent+jwt",
              .level = kShould,
              .requirement = "Therefore, the \"typ\" value used SHOULD be \"secevent+jwt\".",
              .tags = kTags,
              .needs = kCaps,
              .run = typ_header});
  SectionBuilder push(catalog, rfc8935_spec(catalog), "2.1", "Transmitting a SET");
  push.add({.slug = "push-content-type",
            .title = "SETs are pushed with Content-Type application/secevent+jwt",
            .level = kMust,
            .requirement = "The \"Content-Type\" header field of this request MUST be "
                           "\"application/secevent+jwt\" as defined in Sections 2.3 and 7.2 of "
                           "[RFC8417], and the \"Accept\" header field MUST be "
                           "\"application/json\".",
            .tags = kTags,
            .needs = kCaps,
            .run = push_content_type});
  SectionBuilder s(catalog, spec, "2.1", "Identifying the Subject of an Event");
  s.add({.slug = "sub-id-format-and-uri",
         .title = "sub_id has format scim and a relative uri",
         .level = kMust,
         .requirement = "This attribute MUST be provided in a SCIM Event \"sub_id\" claim.",
         .tags = kTags,
         .needs = kCaps,
         .run = sub_id_shape});
  s.add({.slug = "no-sub-claim",
         .title = "the JWT sub claim is not used",
         .level = kMust,
         .requirement =
             "The JWT \"sub\" claim MUST NOT be used to identify subjects to prevent confusion "
             "with JWT authorization tokens (originally recommended in Section 3 of [RFC8417]).",
         .tags = kTags,
         .needs = kCaps,
         .run = no_sub_claim});
  s.add({.slug = "sub-id-not-in-payload",
         .title = "sub_id sits in the main claims, not in an event",
         .level = kMust,
         .requirement =
             "The \"sub_id\" claim MUST be contained within the main JWT claims body and "
             "MUST NOT be located within an event payload within the \"events\" claim.",
         .tags = kTags,
         .needs = kCaps,
         .run = sub_id_not_in_payload});
  SectionBuilder c(catalog, spec, "2.2", "Common Event Attributes");
  c.add({.slug = "txn-present",
         .title = "provisioning SETs carry txn",
         .level = kMust,
         .requirement = "\"txn\" is REQUIRED to support asynchronous SCIM requests, co-ordinated "
                        "provisioning, and replication to disambiguate or detect duplicate SETs "
                        "regarding the same underlying transaction.",
         .tags = kTags,
         .needs = kCaps,
         .run = txn_present});
  SectionBuilder p(catalog, spec, "2.4", "SCIM Provisioning Events");
  p.add({.slug = "full-xor-notice-payload",
         .title = "exactly one of data/attributes, matching full/notice",
         .level = kMust,
         .requirement =
             "Exactly one of the payload attributes \"data\" or \"attributes\", MUST be present.",
         .tags = kTags,
         .needs = kCaps,
         .run = full_or_notice});
  SectionBuilder c1(catalog, spec, "2.4.1", "urn:ietf:params:scim:event:prov:create:{notice|full}");
  c1.add({.slug = "create-full-shares-id",
          .title = "a create:full SET's data carries the assigned id",
          .level = kMay,
          .requirement = "Note that because the event may be used for replication, the \"id\" "
                         "attribute that was assigned by the SCIM Service Provider is shared so "
                         "that all replicas in the domain MAY use the same resource identifier.",
          .tags = kTags,
          .needs = kCaps,
          .run = create_shares_id});
  SectionBuilder c2(catalog, spec, "2.4.2", "urn:ietf:params:scim:event:prov:patch:{notice|full}");
  // Definitions without an RFC 2119 keyword: a target that generates these events (eventUris)
  // should deliver them; skipped when it does not list them.
  c2.add({.slug = "patch-event-delivered",
          .title = "a PATCH produces a prov:patch SET",
          .level = kShould,
          .requirement = "The specified resource has been updated using SCIM PATCH.",
          .tags = kTags,
          .needs = {cap::kEvents, cap::kUsers, cap::kPatch},
          .run = patch_event});
  SectionBuilder c3(catalog, spec, "2.4.3", "urn:ietf:params:scim:event:prov:put:{notice|full}");
  c3.add({.slug = "put-event-delivered",
          .title = "a PUT produces a prov:put SET",
          .level = kShould,
          .requirement = "The specified resource has been updated (e.g., one or more attributes "
                         "has changed).",
          .tags = kTags,
          .needs = kCaps,
          .run = put_event});
  SectionBuilder c4(catalog, spec, "2.4.4", "urn:ietf:params:scim:event:prov:delete");
  c4.add({.slug = "delete-event-unqualified",
          .title = "a DELETE produces prov:delete without full/notice",
          .level = kMust,
          .requirement = "Note that because the delete event has no attributes, the qualifiers "
                         "\"full\" and \"notice\" SHALL NOT be used.",
          .tags = kTags,
          .needs = kCaps,
          .run = delete_event});
  SectionBuilder c6(catalog, spec, "2.4.6", "urn:ietf:params:scim:event:prov:deactivate");
  c6.add({.slug = "deactivate-event-delivered",
          .title = "active true -> false produces prov:deactivate",
          .level = kMay,
          .requirement = "The specified resource (e.g., User) has been deactivated and disabled.",
          .tags = kTags,
          .needs = {cap::kEvents, cap::kUsers, cap::kPatch},
          .run = deactivate_event});
}

}  // namespace scim::suites::events
