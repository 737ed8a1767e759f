// The socket-free front door: a received HTTP message (already bounded by the session's limits)
// becomes a server::Request (route, tenant, principal, base URL) handed to the Handler, and the
// Handler's answer comes back. Every failure here is a SCIM error body (RFC 7644 §3.12).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scim/server/api/request.hpp"
#include "scim/server/http/auth.hpp"
#include "scim/server/http/options.hpp"
#include "scim/protocol/error.hpp"

namespace scim::http {

// What the session read off the wire, before any interpretation.
struct RawRequest {
  std::string method;  // as sent; the router upper-cases it
  std::string target;  // origin-form "/scim/v2/Users?filter=..."
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  std::string body;
};

// The local side of the connection, used when the Host header is absent or unusable.
struct ConnectionInfo {
  bool tls = false;
  std::string local_address;  // "127.0.0.1" or "::1"
  std::uint16_t local_port = 0;
};

// An RFC 7644 §3.12 error as a response: JSON body, application/scim+json.
server::Response error_response(const ScimError& error);

class Router {
 public:
  Router(const HttpOptions& options, const Authenticator& auth, server::Handler& handler);

  // Thread-safe as long as the Handler is. Exceptions from the Handler are bugs: answered 500.
  server::Response route(RawRequest raw, const ConnectionInfo& connection) const;

  // Body limit for a request (known from its header): POST {base}/Bulk may use the larger bulk
  // limit (RFC 7644 §3.7.4 maxPayloadSize); everything else the general one.
  std::size_t body_limit(std::string_view method, std::string_view target) const;

 private:
  server::Response unauthorized(std::string detail) const;
  std::string base_url(const server::Request& request, const ConnectionInfo& connection,
                       const std::string& prefix) const;

  std::string base_path_;
  const Limits limits_;
  const Authenticator& auth_;
  server::Handler& handler_;
};

}  // namespace scim::http
