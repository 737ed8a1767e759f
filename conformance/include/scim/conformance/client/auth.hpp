// Authentication against the target: bearer token (RFC 6750), HTTP Basic (RFC 7617), arbitrary
// extra headers, and OAuth 2.0 client credentials (RFC 6749 §4.4) with the access token cached
// until shortly before it expires. The client authenticates to the token endpoint with its
// secret (RFC 6749 §2.3.1) or, as IPSIE AL1 §3.1 requires, with an RFC 7523 private_key_jwt
// assertion; the token endpoint is given or discovered from RFC 8414 metadata. Thread-safe:
// checks running in parallel share one instance.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/client/redact.hpp"
#include "scim/conformance/http.hpp"
#include "scim/protocol/jose.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf {

struct OAuthConfig {
  std::string token_url;  // empty: discovered from `issuer`
  std::string client_id;
  std::string client_secret;             // client_secret_basic; empty with `signing_key`
  std::string scope;                     // optional
  std::string issuer;                    // RFC 8414 discovery of the token endpoint
  std::optional<jose::Key> signing_key;  // private_key_jwt (RFC 7523 §2.2)
};

struct AuthConfig {
  std::string bearer_token;  // "Authorization: Bearer <token>" when non-empty
  std::string basic;         // "user:pass" for HTTP Basic when non-empty
  Headers extra_headers;     // sent on every authenticated request
  std::optional<OAuthConfig> oauth;
};

class Authenticator {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  // Tokens are refreshed this long before "expires_in" runs out, so a request never carries a
  // token that expires in flight; tokens without "expires_in" are kept for kDefaultLifetime.
  static constexpr std::chrono::seconds kExpiryMargin{30};
  static constexpr std::chrono::seconds kDefaultLifetime{3600};

  Authenticator(
      AuthConfig config, Transport& transport,
      Clock clock = [] { return std::chrono::steady_clock::now(); });

  // Headers to add to an authenticated request; an error (with a readable reason) when the OAuth
  // token endpoint refuses or cannot be reached.
  Result<Headers, std::string> headers();
  // What must never appear in transcripts: configured secrets, the current OAuth token, and the
  // names of every header this authenticator adds.
  RedactionRules redaction_rules() const;
  // The OAuth token requests made since the last call, redacted (the client credentials and the
  // access token never appear), oldest first; at most kMaxTokenExchanges are kept.
  std::vector<Exchange> take_token_exchanges();
  static constexpr std::size_t kMaxTokenExchanges = 20;

 private:
  RedactionRules configured_rules() const;  // without the current token: needs no lock
  Result<std::string, std::string> oauth_token();
  Result<std::string, std::string> fetch_token();
  // The token request's client authentication: Basic with the secret, or the assertion (whose
  // text is returned so the transcript can redact it).
  Result<std::string, std::string> authenticate_client(HttpRequest& request);
  void record_token_exchange(const HttpRequest& request, const HttpResponse& response,
                             const std::string& extra_secret = "");

  AuthConfig config_;
  Transport& transport_;
  Clock clock_;
  mutable std::mutex mutex_;
  std::string token_;
  std::string token_url_;  // configured or discovered
  std::chrono::steady_clock::time_point token_expiry_{};
  std::vector<Exchange> token_exchanges_;
};

}  // namespace scim::conf
