// The once-built compact form of a SET (see pending_set.hpp).
#include "scim/server/events/pending_set.hpp"

namespace scim::events {

PendingSet::PendingSet(std::string jti, std::string jwt)
    : jti_(std::move(jti)), jwt_(std::move(jwt)) {}

PendingSet::PendingSet(std::string jti, Build build)
    : jti_(std::move(jti)), build_(std::move(build)) {}

const std::string& PendingSet::jwt() const {
  std::call_once(built_, [this] {
    if (!build_) return;
    jwt_ = build_();
    build_ = nullptr;  // the facts it captured are no longer needed
  });
  return jwt_;
}

}  // namespace scim::events
