// The first layer of the middleware chain: where a request-target points and who is calling.
// The target is split against the SCIM base path (RFC 7644 §6.1 tenant prefixes included) into
// scope, relative path, query and the base URL the client sees (Host header, else the local
// address); credentials (RFC 7644 §2: bearer, RFC 7617 Basic) become the Principal and are
// removed from the request. A request without credentials is answered 401 with the challenges
// (RFC 7235 §4.1), unless its route is public (the route table says which: discovery, RFC 7643
// §5; /health). Targets outside the base pass on unauthenticated: their routes decide.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "scim/server/api/middleware.hpp"
#include "scim/server/http/auth.hpp"

namespace scim::http {

class AuthenticateMiddleware final : public server::Middleware {
 public:
  // Whether the route a request reaches needs no credentials (RouteTable::find + Access).
  using IsPublic = std::function<bool(const server::Request&)>;

  // `auth` must outlive the middleware.
  AuthenticateMiddleware(std::string base_path, const Authenticator& auth, IsPublic is_public);
  std::string_view name() const override { return "authenticate"; }
  server::Response handle(server::Request& request, const server::Next& next) override;

 private:
  server::Response unauthorized(std::string detail) const;
  std::string base_url(const server::Request& request, const std::string& prefix) const;

  std::string base_path_;
  const Authenticator& auth_;
  IsPublic is_public_;
};

}  // namespace scim::http
