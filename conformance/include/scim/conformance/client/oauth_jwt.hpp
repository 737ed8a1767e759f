// The two steps of IPSIE AL1 §3.1 client authentication before a token request: the token
// endpoint found from the issuer's RFC 8414 metadata, and the RFC 7523 §2.2 client assertion
// (private_key_jwt) that authenticates the client to it, signed with scim::jose.
#pragma once

#include <functional>
#include <string>

#include "scim/conformance/http.hpp"
#include "scim/protocol/jose.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf {

// RFC 7523 §2.2.
inline constexpr const char* kJwtBearerAssertionType =
    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
// How long a client assertion is valid: long enough for a slow token endpoint, short enough that
// a leaked assertion is soon useless.
inline constexpr long long kAssertionLifetimeSeconds = 60;

// RFC 8414 §3: GET {origin}/.well-known/oauth-authorization-server{issuer path}; the answer's
// "issuer" must equal `issuer` (§3.3) and it must name a token endpoint. `record` sees the
// exchange (for the run's transcript).
using ExchangeRecorder = std::function<void(const HttpRequest&, const HttpResponse&)>;
Result<std::string, std::string> discover_token_endpoint(Transport& transport,
                                                         const std::string& issuer,
                                                         const ExchangeRecorder& record);

// RFC 7523 §3: iss and sub the client id, aud the token endpoint, exp one minute ahead, a unique
// jti; signed with the client's key (RS256 or ES256).
Result<std::string, std::string> client_assertion(const jose::Key& key,
                                                  const std::string& client_id,
                                                  const std::string& token_url);

}  // namespace scim::conf
