// Authentication against the target: bearer token (RFC 6750), HTTP Basic (RFC 7617), arbitrary
// extra headers, and OAuth 2.0 client credentials (RFC 6749 §4.4) with the access token cached
// until shortly before it expires. Thread-safe: checks running in parallel share one instance.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/client/redact.hpp"
#include "scim/conformance/http.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf {

struct OAuthConfig {
  std::string token_url;
  std::string client_id;
  std::string client_secret;
  std::string scope;  // optional
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
  void record_token_exchange(const HttpRequest& request, const HttpResponse& response);

  AuthConfig config_;
  Transport& transport_;
  Clock clock_;
  mutable std::mutex mutex_;
  std::string token_;
  std::chrono::steady_clock::time_point token_expiry_{};
  std::vector<Exchange> token_exchanges_;
};

}  // namespace scim::conf
