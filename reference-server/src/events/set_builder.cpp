// SET claim construction for the SCIM events profile (RFC 9967 §2.1-§2.5).
#include "scim/server/events/set_builder.hpp"

#include <memory>

#include "scim/protocol/urns.hpp"
#include "scim/server/events/ids.hpp"

namespace scim::events {

std::optional<PayloadMode> parse_payload_mode(std::string_view text) {
  if (text == "notice") return PayloadMode::Notice;
  if (text == "full") return PayloadMode::Full;
  return std::nullopt;
}
namespace {

using Kind = server::WriteEvent::Kind;
namespace ev = urn::event;

std::string_view prov_uri(Kind kind, PayloadMode mode) {
  const bool full = mode == PayloadMode::Full;
  switch (kind) {
    case Kind::Create:
      return full ? ev::kCreateFull : ev::kCreateNotice;
    case Kind::Put:
      return full ? ev::kPutFull : ev::kPutNotice;
    case Kind::Patch:
      return full ? ev::kPatchFull : ev::kPatchNotice;
    case Kind::Delete:
      return ev::kDelete;
  }
  return ev::kDelete;
}

// §2.4: the payload of the prov:* event; a delete has none (§2.4.4).
void add_payload(SetFacts& facts, const server::WriteEvent& event, PayloadMode mode,
                 NoticeNames& notices) {
  if (event.kind == Kind::Delete) return;
  if (mode == PayloadMode::Full) {
    if (event.kind == Kind::Patch) {
      facts.data = {{"schemas", {urn::kPatchOp}}, {"Operations", event.patch_ops}};
    } else {
      facts.data = event.resource;
    }
  } else {
    facts.attributes = notices.of(event);
  }
  facts.version = event.version;  // §2.2 "version", when known
}

}  // namespace

SubjectRef subject_of(const server::WriteEvent& event) {
  SubjectRef s;
  s.id = event.id;
  s.external_id = event.external_id;
  // §2.1: "uri" is the path after the base URI; the location ends with "/<endpoint>/<id>".
  const std::string& loc = event.location;
  const std::size_t id_pos = loc.rfind('/');
  const std::size_t ep_pos =
      id_pos == std::string::npos || id_pos == 0 ? std::string::npos : loc.rfind('/', id_pos - 1);
  if (ep_pos != std::string::npos) {
    s.uri = loc.substr(ep_pos);
  } else {
    s.uri = "/" + event.resource_type + "s/" + event.id;
  }
  return s;
}

// Every SET needs a "jti": drawn from a pool the builder (and its copies) share.
SetBuilder::SetBuilder()
    : SetBuilder([] { return std::chrono::system_clock::now(); },
                 [pool = std::make_shared<UuidPool>()] { return random_hex_id(*pool); }) {}

SetBuilder::SetBuilder(Clock clock, IdSource jti_source)
    : clock_(std::move(clock)),
      jti_(std::move(jti_source)),
      notices_(std::make_shared<NoticeNames>()) {}

nlohmann::json claims_of(const SetFacts& facts, const SetContext& ctx) {
  nlohmann::json sub_id = {{"format", "scim"}, {"uri", facts.subject.uri}};
  if (!facts.subject.id.empty()) sub_id["id"] = facts.subject.id;
  if (facts.subject.external_id) sub_id["externalId"] = *facts.subject.external_id;
  nlohmann::json set = {{"iss", ctx.issuer}, {"iat", facts.iat},
                        {"jti", facts.jti},  {"aud", ctx.audience},
                        {"sub_id", sub_id},  {"events", nlohmann::json::object()}};
  // §2.2: "txn" is REQUIRED for async, co-ordinated provisioning and replication; always set.
  if (!facts.txn.empty()) set["txn"] = facts.txn;
  if (facts.event_uri.empty()) return set;
  nlohmann::json payload = nlohmann::json::object();
  if (facts.attributes) payload["attributes"] = *facts.attributes;
  if (facts.data) payload["data"] = *facts.data;
  if (!facts.version.empty()) payload["version"] = facts.version;
  set["events"][std::string(facts.event_uri)] = std::move(payload);
  return set;
}

SetFacts SetBuilder::new_facts(SubjectRef subject, const std::string& txn,
                               std::string_view uri) const {
  const auto iat =
      std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count();
  return SetFacts{jti_(), static_cast<std::int64_t>(iat), std::move(subject), txn, uri, {}, {}, {}};
}

nlohmann::json SetBuilder::envelope(const SubjectRef& subject, const std::string& txn,
                                    const SetContext& ctx) const {
  return claims_of(new_facts(subject, txn, {}), ctx);
}

std::vector<SetFacts> SetBuilder::plan_write(const server::WriteEvent& event,
                                             const SetContext& ctx) const {
  return plan_write(event, subject_of(event), ctx);
}

std::vector<SetFacts> SetBuilder::plan_write(const server::WriteEvent& event, SubjectRef subject,
                                             const SetContext& ctx) const {
  // §2.4.5/§2.4.6: activate/deactivate (no payload) follows when User.active flipped.
  const bool flipped =
      event.active_before && event.active_after && *event.active_before != *event.active_after;
  std::vector<SetFacts> sets;
  sets.reserve(flipped ? 2 : 1);
  // Each SET but the last holds a copy of the subject; the last takes it.
  sets.push_back(new_facts(flipped ? SubjectRef(subject) : std::move(subject), event.txn,
                           prov_uri(event.kind, ctx.mode)));
  add_payload(sets.back(), event, ctx.mode, *notices_);
  if (flipped) {
    sets.push_back(new_facts(std::move(subject), event.txn,
                             *event.active_after ? ev::kActivate : ev::kDeactivate));
  }
  return sets;
}

std::vector<nlohmann::json> SetBuilder::for_write(const server::WriteEvent& event,
                                                  const SetContext& ctx) const {
  std::vector<nlohmann::json> sets;
  for (const auto& f : plan_write(event, ctx)) sets.push_back(claims_of(f, ctx));
  return sets;
}

nlohmann::json SetBuilder::feed_membership(bool added, const SubjectRef& subject,
                                           const std::string& txn, const SetContext& ctx) const {
  nlohmann::json set = envelope(subject, txn, ctx);
  set["events"][std::string(added ? ev::kFeedAdd : ev::kFeedRemove)] = nlohmann::json::object();
  return set;
}

nlohmann::json SetBuilder::async_response(const nlohmann::json& operation,
                                          const SubjectRef& subject, const std::string& txn,
                                          const SetContext& ctx) const {
  nlohmann::json set = envelope(subject, txn, ctx);
  set["events"][std::string(ev::kAsyncResponse)] = operation;
  return set;
}

}  // namespace scim::events
