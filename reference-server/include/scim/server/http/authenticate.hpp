// The first layer of the middleware chain: where a request-target points and who is calling.
// The target is split against the SCIM base path (RFC 7644 §6.1 tenant prefixes included) into
// scope, relative path, query and the base URL the client sees (Host header, else the local
// address); credentials (RFC 7644 §2: bearer, RFC 7617 Basic) become the Principal and are
// removed from the request. A request without credentials is answered 401 with the challenges
// (RFC 7235 §4.1), unless its route is public (the route table says which: discovery, RFC 7643
// §5; /health). Targets outside the base pass on unauthenticated, except admin routes
// (/admin/v1), which need an admin token. The two kinds of credentials never cross: a tenant's
// credentials on an admin route and an admin token on a SCIM route are answered 403.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "scim/server/api/middleware.hpp"
#include "scim/server/api/router.hpp"
#include "scim/server/http/auth.hpp"
#include "scim/server/http/jwt_validator.hpp"
#include "scim/server/http/target.hpp"

namespace scim::http {

class AuthenticateMiddleware final : public server::Middleware {
 public:
  // Who may call the route a request reaches (RouteTable::find + Access); nullopt when no route
  // matches (the route table then answers 404 or 405).
  using AccessOf = std::function<std::optional<server::Access>(const server::Request&)>;

  // `auth` (and `jwt`, when given) must outlive the middleware. With `jwt`, a bearer token shaped
  // like a JWT is judged by it (IPSIE AL1 §3.1); other credentials by `auth` as before.
  AuthenticateMiddleware(std::string base_path, const Authenticator& auth, AccessOf access_of,
                         const JwtValidator* jwt = nullptr);
  std::string_view name() const override { return "authenticate"; }
  server::Response handle(server::Request& request, const server::Next& next) override;

 private:
  server::Response unauthorized(std::string detail) const;
  // RFC 6750 §3: 401 invalid_token or 403 insufficient_scope, with the error in the challenge.
  server::Response refused(const TokenRefusal& refusal) const;
  server::Response jwt_bearer(server::Request& request, const server::Next& next,
                              std::string_view token, const std::string* path_tenant) const;
  server::Response admin(server::Request& request, const server::Next& next) const;
  std::string base_url(const server::Request& request, const std::string& prefix) const;

  BasePath base_path_;  // normalised and split once, not per request
  const Authenticator& auth_;
  AccessOf access_of_;
  const JwtValidator* jwt_;
};

}  // namespace scim::http
