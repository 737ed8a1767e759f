// The EventSink the resource endpoints report committed writes to (api/write_event.hpp):
// turns each write into SETs (RFC 9967 §2.4) and publishes each SET once,
// with "aud" naming every feed that carries it, to those feeds' poll queues and push receivers.
// A write's SETs are published as facts fixed at the write (jti, iat, claims' inputs) and
// serialised and signed when a poll or a push first needs them (pending_set.hpp).
// Also issues feed:add/remove (§2.3) and misc:asyncresp (§2.5.1.3) SETs. Never blocks on I/O.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/api/write_event.hpp"
#include "scim/server/events/feed_registry.hpp"
#include "scim/server/events/jws.hpp"
#include "scim/server/events/set_builder.hpp"

namespace scim::events {

struct HubOptions {
  // "iss" and the base of feed URIs ("aud"). Empty: the base URL the request was addressed to
  // (per tenant, e.g. "http://127.0.0.1:8080/scim/v2"), known only once the server listens.
  std::string issuer;
  PayloadMode mode = PayloadMode::Notice;
};

// One issued SET: its jti and compact serialisation.
struct IssuedSet {
  std::string jti;
  std::string jwt;
};

class EventHub final : public server::EventSink {
 public:
  EventHub(HubOptions options, JwsSigner signer, FeedRegistry& feeds,
           SetBuilder builder = SetBuilder());

  void on_write(const server::WriteEvent& event) override;
  // Only "full" SETs carry the resource (RFC 9967 §2.4); a notice lists its attribute names.
  bool wants_resource() const override { return options_.mode == PayloadMode::Full; }

  // Explicit feed membership (draft §2.3.1/§2.3.2). 404 for an unknown feed, 400 invalidValue
  // for an "all" feed (membership is implicit there). A no-op change issues no SET.
  // `base_url` supplies the issuer when HubOptions::issuer is empty.
  Result<bool> add_member(const std::string& tenant, const std::string& feed_id,
                          const SubjectRef& subject, const std::string& base_url);
  Result<bool> remove_member(const std::string& tenant, const std::string& feed_id,
                             const SubjectRef& subject, const std::string& base_url);

  // Issues a misc:asyncresp SET (draft §2.5.1.3) to every feed of the tenant and returns it.
  IssuedSet publish_async_response(const std::string& tenant, const nlohmann::json& operation,
                                   const SubjectRef& subject, const std::string& txn,
                                   const std::string& base_url);
  // The issuer used for requests addressed to `base_url`.
  std::string issuer_for(const std::string& base_url) const;

  const HubOptions& options() const { return options_; }
  const JwsSigner& signer() const { return *signer_; }
  FeedRegistry& feeds() { return feeds_; }
  std::uint64_t issued() const { return issued_.load(); }

  // The URIs this server can issue, for ServiceProviderConfig "securityEvents.eventUris" (§4).
  std::vector<std::string> event_uris() const;

 private:
  IssuedSet sign_and_publish(nlohmann::json claims, const std::vector<std::shared_ptr<Feed>>& to);
  // Publishes a SET to be signed on first use (the facts and context are kept until then).
  void publish_pending(SetFacts&& facts, std::shared_ptr<const SetContext> context,
                       const std::vector<std::shared_ptr<Feed>>& to);
  // issuer_for without a copy: a view of `base_url` or of the configured issuer.
  std::string_view issuer_view(std::string_view base_url) const;
  SetContext context_for(const std::vector<std::shared_ptr<Feed>>& feeds,
                         const std::string& issuer) const;
  // The context of a write's SETs to `feeds` with `issuer`: the last write's when it is the same
  // (the usual case: one tenant, one base URL, its default feed), else a new one.
  std::shared_ptr<const SetContext> write_context(const std::vector<std::shared_ptr<Feed>>& feeds,
                                                  std::string_view issuer);

  HubOptions options_;
  // Shared with the SETs not signed yet, which may outlive the hub in a push worker's queue.
  std::shared_ptr<const JwsSigner> signer_;
  FeedRegistry& feeds_;
  SetBuilder builder_;
  std::atomic<std::uint64_t> issued_{0};
  // One context, shared by the SETs that use it; replaced when a write needs another.
  std::mutex context_mu_;
  std::shared_ptr<const SetContext> last_context_;
};

}  // namespace scim::events
