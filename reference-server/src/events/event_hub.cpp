// Write -> SETs -> feeds. The feed selection rules follow RFC 9967 §2.3-§2.4.
#include "scim/server/events/event_hub.hpp"

#include <optional>

#include "scim/protocol/urns.hpp"
#include "scim/server/events/ids.hpp"

namespace scim::events {

EventHub::EventHub(HubOptions options, JwsSigner signer, FeedRegistry& feeds, SetBuilder builder)
    : options_(std::move(options)),
      signer_(std::make_shared<const JwsSigner>(std::move(signer))),
      feeds_(feeds),
      builder_(std::move(builder)) {}

std::string EventHub::issuer_for(const std::string& base_url) const {
  return std::string(issuer_view(base_url));
}

std::string_view EventHub::issuer_view(std::string_view base_url) const {
  return options_.issuer.empty() ? base_url : std::string_view(options_.issuer);
}

SetContext EventHub::context_for(const std::vector<std::shared_ptr<Feed>>& feeds,
                                 const std::string& issuer) const {
  SetContext ctx{issuer, {}, options_.mode};
  for (const auto& f : feeds) ctx.audience.push_back(f->uri(issuer));
  return ctx;
}

IssuedSet EventHub::sign_and_publish(nlohmann::json claims,
                                     const std::vector<std::shared_ptr<Feed>>& to) {
  IssuedSet set{claims.value("jti", std::string()), signer_->sign(claims)};
  for (const auto& f : to) f->publish(set.jti, set.jwt);
  ++issued_;
  return set;
}

namespace {

// A write's SET as the feeds hold it, with its facts, context and signer in its own block (no
// Build and its captures beside it), signed on first use (pending_set.hpp).
class PlannedSet final : public PendingSet {
 public:
  PlannedSet(SetFacts&& facts, std::shared_ptr<const SetContext> context,
             std::shared_ptr<const JwsSigner> signer)
      : PendingSet(std::move(facts.jti)),
        facts_(std::move(facts)),
        context_(std::move(context)),
        signer_(std::move(signer)) {}

 private:
  std::string make() const override {
    facts_.jti = jti();  // held once, by the PendingSet, until now
    std::string jwt = signer_->sign(claims_of(facts_, *context_));
    facts_ = SetFacts{};  // no longer needed
    context_.reset();
    signer_.reset();
    return jwt;
  }

  mutable SetFacts facts_;
  mutable std::shared_ptr<const SetContext> context_;
  mutable std::shared_ptr<const JwsSigner> signer_;
};

// Whether `ctx` is the context for SETs to `feeds` from `issuer` in `mode`.
bool describes(const SetContext& ctx, const std::vector<std::shared_ptr<Feed>>& feeds,
               std::string_view issuer, PayloadMode mode) {
  if (ctx.mode != mode || ctx.issuer != issuer || ctx.audience.size() != feeds.size()) {
    return false;
  }
  for (std::size_t i = 0; i < feeds.size(); ++i) {
    if (!feeds[i]->has_uri(ctx.audience[i], issuer)) return false;
  }
  return true;
}

}  // namespace

void EventHub::publish_pending(SetFacts&& facts, std::shared_ptr<const SetContext> context,
                               const std::vector<std::shared_ptr<Feed>>& to) {
  const SharedSet set =
      std::make_shared<const PlannedSet>(std::move(facts), std::move(context), signer_);
  for (const auto& f : to) f->publish(set);
  ++issued_;
}

std::shared_ptr<const SetContext> EventHub::write_context(
    const std::vector<std::shared_ptr<Feed>>& feeds, std::string_view issuer) {
  {
    std::lock_guard lock(context_mu_);
    if (last_context_ && describes(*last_context_, feeds, issuer, options_.mode)) {
      return last_context_;
    }
  }
  auto made = std::make_shared<const SetContext>(context_for(feeds, std::string(issuer)));
  std::lock_guard lock(context_mu_);
  last_context_ = made;
  return made;
}

void EventHub::on_write(const server::WriteEvent& event) {
  SubjectRef subject = subject_of(event);
  // The tenant's feeds (a copy) less those that do not carry the subject, in their order.
  std::vector<std::shared_ptr<Feed>> targets = feeds_.feeds(event.tenant);
  std::erase_if(targets, [&](const std::shared_ptr<Feed>& f) {
    return !f->carries(event.resource_type, subject.uri);
  });
  if (targets.empty()) return;
  std::optional<server::WriteEvent> with_txn;  // §2.2: txn always present
  if (event.txn.empty()) {
    with_txn = event;
    with_txn->txn = random_hex_id();
  }
  const server::WriteEvent& write = with_txn ? *with_txn : event;
  // The location is "<base URL><subject uri>"; what precedes the subject is the base URL.
  const std::string_view loc = event.location;
  const bool suffixed = loc.size() >= subject.uri.size() &&
                        loc.substr(loc.size() - subject.uri.size()) == subject.uri;
  const std::string_view base = suffixed ? loc.substr(0, loc.size() - subject.uri.size()) : loc;
  auto context = write_context(targets, issuer_view(base));
  // The SETs take the subject; a delete keeps a copy, for the feeds it leaves after them.
  const bool deleting = event.kind == server::WriteEvent::Kind::Delete;
  auto planned =
      builder_.plan_write(write, deleting ? SubjectRef(subject) : std::move(subject), *context);
  for (auto& facts : planned) publish_pending(std::move(facts), context, targets);
  // §2.4.4: a deleted resource leaves its feeds without a separate feed:remove.
  if (deleting) {
    for (auto& f : targets) f->remove_member(subject.uri);
  }
}

Result<bool> EventHub::add_member(const std::string& tenant, const std::string& feed_id,
                                  const SubjectRef& subject, const std::string& base_url) {
  auto feed = feeds_.find(tenant, feed_id);
  if (!feed) return not_found("feed \"" + feed_id + "\" not found");
  if (feed->info().membership == Membership::All) {
    return invalid_value("feed \"" + feed_id + "\" carries every resource; membership is implicit");
  }
  if (!feed->add_member(subject.uri)) return false;
  sign_and_publish(builder_.feed_membership(true, subject, random_hex_id(),
                                            context_for({feed}, issuer_for(base_url))),
                   {feed});
  return true;
}

Result<bool> EventHub::remove_member(const std::string& tenant, const std::string& feed_id,
                                     const SubjectRef& subject, const std::string& base_url) {
  auto feed = feeds_.find(tenant, feed_id);
  if (!feed) return not_found("feed \"" + feed_id + "\" not found");
  if (feed->info().membership == Membership::All) {
    return invalid_value("feed \"" + feed_id + "\" carries every resource; membership is implicit");
  }
  if (!feed->remove_member(subject.uri)) return false;
  // feed:remove goes to the feed the subject left, then the subject is no longer carried.
  sign_and_publish(builder_.feed_membership(false, subject, random_hex_id(),
                                            context_for({feed}, issuer_for(base_url))),
                   {feed});
  return true;
}

IssuedSet EventHub::publish_async_response(const std::string& tenant,
                                           const nlohmann::json& operation,
                                           const SubjectRef& subject, const std::string& txn,
                                           const std::string& base_url) {
  auto targets = feeds_.feeds(tenant);
  return sign_and_publish(
      builder_.async_response(operation, subject, txn, context_for(targets, issuer_for(base_url))),
      targets);
}

std::vector<std::string> EventHub::event_uris() const {
  namespace ev = urn::event;
  std::vector<std::string> uris = {std::string(ev::kFeedAdd), std::string(ev::kFeedRemove)};
  const bool full = options_.mode == PayloadMode::Full;
  for (auto u : {full ? ev::kCreateFull : ev::kCreateNotice, full ? ev::kPutFull : ev::kPutNotice,
                 full ? ev::kPatchFull : ev::kPatchNotice}) {
    uris.emplace_back(u);
  }
  for (auto u : {ev::kDelete, ev::kActivate, ev::kDeactivate, ev::kAsyncResponse}) {
    uris.emplace_back(u);
  }
  return uris;
}

}  // namespace scim::events
