// Builds the JWT claims of SCIM Security Event Tokens (RFC 9967 §2, RFC 8417
// §2.2) from a committed write. One SET per event URI: RFC 8417 §2.2 forbids expressing
// independent logical events in one "events" claim, and SETs of the same write share "txn".
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/api/write_event.hpp"
#include "scim/server/events/notice_names.hpp"

namespace scim::events {

// draft §2.4: "full" carries "data", "notice" carries "attributes".
enum class PayloadMode { Notice, Full };
// "notice" or "full" (case-sensitive, as in the configuration); nullopt otherwise.
std::optional<PayloadMode> parse_payload_mode(std::string_view text);

struct SetContext {
  std::string issuer;                 // "iss" (RFC 8417 §2.2)
  std::vector<std::string> audience;  // "aud": the feed URI(s)
  PayloadMode mode = PayloadMode::Notice;
};

struct SubjectRef {
  std::string uri;  // relative path, e.g. "/Users/2819c223" (draft §2.1)
  std::string id;
  std::optional<std::string> external_id;
};

// Everything a SET's claims are made of, decided when it is issued ("jti" and "iat" included),
// so that the claims can be built later (claims_of) and still be the ones of that moment.
struct SetFacts {
  std::string jti;       // RFC 8417 §2.2
  std::int64_t iat = 0;  // seconds since the epoch
  SubjectRef subject;
  std::string txn;             // empty: no "txn" claim
  std::string_view event_uri;  // one of urn::event's constants; empty: "events" is {}
  // The event's payload (RFC 9967 §2.4): "attributes" (notice), "data" (full) and "version"
  // when set; {} when none is (delete, activate, deactivate).
  AttributeNames attributes;  // shared by the writes of one shape (notice_names.hpp)
  std::optional<nlohmann::json> data;
  std::string version;
};

// The JWT claims of one SET: iss, iat, jti, aud, txn, sub_id and events (RFC 8417 §2.2).
nlohmann::json claims_of(const SetFacts& facts, const SetContext& ctx);

class SetBuilder {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  using IdSource = std::function<std::string()>;

  // Defaults: the system clock and random_hex_id() for "jti".
  SetBuilder();
  SetBuilder(Clock clock, IdSource jti_source);

  // The SETs for one write, in this order: the prov:* event, then prov:activate/deactivate when
  // User.active flipped (before and after both known and different).
  std::vector<nlohmann::json> for_write(const server::WriteEvent& event,
                                        const SetContext& ctx) const;
  // The same SETs as facts, to be built later: for_write(e, ctx) is claims_of(f, ctx) of each.
  // Draws "jti" and reads the clock exactly as for_write does.
  std::vector<SetFacts> plan_write(const server::WriteEvent& event, const SetContext& ctx) const;
  // The same, about `subject`, which is subject_of(event) (the hub has it already; its SETs
  // take it).
  std::vector<SetFacts> plan_write(const server::WriteEvent& event, SubjectRef subject,
                                   const SetContext& ctx) const;
  // feed:add / feed:remove (draft §2.3): empty payload.
  nlohmann::json feed_membership(bool added, const SubjectRef& subject, const std::string& txn,
                                 const SetContext& ctx) const;
  // misc:asyncresp (draft §2.5.1.3): payload is one bulk response operation (RFC 7644 §3.7.3).
  nlohmann::json async_response(const nlohmann::json& operation, const SubjectRef& subject,
                                const std::string& txn, const SetContext& ctx) const;

  // The envelope every SET shares: iss, iat, jti, aud, txn, sub_id, events.
  nlohmann::json envelope(const SubjectRef& subject, const std::string& txn,
                          const SetContext& ctx) const;

 private:
  SetFacts new_facts(SubjectRef subject, const std::string& txn, std::string_view uri) const;

  Clock clock_;
  IdSource jti_;
  std::shared_ptr<NoticeNames> notices_;  // shared by the builder's copies, as the jti pool is
};

// "/Users/<id>" from the resource type's endpoint-ish name; exposed for tests and callers that
// only know the location URL.
SubjectRef subject_of(const server::WriteEvent& event);

}  // namespace scim::events
