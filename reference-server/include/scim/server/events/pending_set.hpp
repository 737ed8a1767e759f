// A Security Event Token (RFC 8417) as the feeds hold it: its "jti" is fixed when it is issued,
// its compact, signed form (RFC 7515 §7.1) is made the first time a consumer needs it (a poll
// that hands it out, RFC 8936; a push worker that sends it, RFC 8935) and kept from then on.
// A write's SETs wait in every feed that carries them, and most of them on a busy server are
// never read; building, serialising and signing each one on the request path cost about a fifth
// of a create. Its claims are fixed when it is issued (SetFacts), so the token is the same
// whenever it is made.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace scim::events {

class PendingSet {
 public:
  // Makes the compact SET; called at most once, on the thread of the first reader.
  using Build = std::function<std::string()>;

  // A SET signed already.
  PendingSet(std::string jti, std::string jwt);
  // A SET signed on first use. `build` must not depend on anything that changes after issue.
  PendingSet(std::string jti, Build build);
  virtual ~PendingSet() = default;
  PendingSet(const PendingSet&) = delete;
  PendingSet& operator=(const PendingSet&) = delete;

  const std::string& jti() const { return jti_; }
  // The compact SET; the first call (from any thread) builds it, later ones return it.
  const std::string& jwt() const;

 protected:
  // A SET that holds what it is made of itself and overrides make(): one block per SET, where
  // a Build keeps its captures in a second one.
  explicit PendingSet(std::string jti);
  // Makes the compact SET, at most once (from jwt()); by default, calls the Build.
  virtual std::string make() const;

 private:
  std::string jti_;
  mutable std::once_flag built_;
  mutable Build build_;
  mutable std::string jwt_;
};

using SharedSet = std::shared_ptr<const PendingSet>;

}  // namespace scim::events
