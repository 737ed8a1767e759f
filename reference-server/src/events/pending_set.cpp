// The once-built compact form of a SET (see pending_set.hpp).
#include "scim/server/events/pending_set.hpp"

namespace scim::events {

PendingSet::PendingSet(std::string jti, std::string jwt)
    : jti_(std::move(jti)), jwt_(std::move(jwt)) {}

PendingSet::PendingSet(std::string jti, Build build)
    : jti_(std::move(jti)), build_(std::move(build)) {}

PendingSet::PendingSet(std::string jti) : jti_(std::move(jti)) {}

std::string PendingSet::make() const {
  if (!build_) return {};
  std::string jwt = build_();
  build_ = nullptr;  // the facts it captured are no longer needed
  return jwt;
}

const std::string& PendingSet::jwt() const {
  std::call_once(built_, [this] {
    if (jwt_.empty()) jwt_ = make();  // not signed yet
  });
  return jwt_;
}

}  // namespace scim::events
