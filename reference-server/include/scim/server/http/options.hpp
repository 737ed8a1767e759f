// Plain option structs of the HTTP front end: where to listen, the limits every connection obeys,
// TLS files and credentials. Filled by the config module (CLI flags + JSON file), consumed by
// HttpServer and Authenticator. No Beast/Asio types here: this header is shared with tests.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/profile.hpp"
#include "scim/server/http/oauth_options.hpp"

namespace scim::http {

// Every input the listener accepts is bounded; defaults documented in docs/server.md.
struct Limits {
  std::size_t max_header_bytes = 16 * 1024;             // request line + headers -> 431 beyond
  std::size_t max_header_fields = 100;                  // header field lines -> 431 beyond
  std::size_t max_body_bytes = 1024 * 1024;             // RFC 7644 §3.12 413 beyond
  std::size_t max_bulk_body_bytes = 4 * 1024 * 1024;    // POST {base}/Bulk (§3.7 maxPayloadSize)
  std::size_t max_admin_body_bytes = 64 * 1024 * 1024;  // admin imports of a tenant's data
  std::chrono::milliseconds read_timeout{30'000};       // whole request, from its first byte -> 408
  std::chrono::milliseconds idle_timeout{60'000};       // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{30'000};      // a client that stops reading is dropped
  std::size_t max_connections = 1024;                   // open connections; beyond -> 503
  std::size_t max_waiting_requests = 32;                // long polls, async waits at once -> 503
  std::size_t max_requests_per_connection = 10'000;     // then "Connection: close"
  std::chrono::milliseconds shutdown_timeout{10'000};   // grace for in-flight work on SIGTERM
};

struct TlsOptions {
  std::string cert_file;  // PEM certificate chain; TLS is on when both files are set
  std::string key_file;   // PEM private key
  // false: TLS 1.2 and 1.3 (RFC 8446); true: TLS 1.3 only, as the profiles configure it.
  bool tls13_only = false;
  bool enabled() const { return !cert_file.empty() && !key_file.empty(); }
};

struct HttpOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the kernel picks one; the real port is printed
  std::string base_path = "/scim/v2";
  unsigned threads = 0;         // 0: std::thread::hardware_concurrency()
  bool handle_signals = false;  // SIGINT/SIGTERM trigger a graceful stop (the executable sets it)
  Limits limits;
  TlsOptions tls;

  // The published profiles (docs/server.md "Profiles") serve TLS 1.3 only: the interop profile
  // §7.1 requires TLS 1.3 (1.2 is a MAY) and IPSIE AL1 §3.4 accepts "TLS 1.2 or later".
  void apply(Profile profile) {
    if (profile != Profile::Rfc) tls.tls13_only = true;
  }
};

// A bearer token (RFC 6750) bound to one tenant and optionally to a subject (the resource id
// that /Me resolves to, RFC 7644 §3.11).
struct TokenCredential {
  std::string token;
  std::string tenant = "default";
  std::optional<std::string> subject;
};

// An HTTP Basic (RFC 7617) user/password pair bound like a token.
struct BasicCredential {
  std::string user;
  std::string password;
  std::string tenant = "default";
  std::optional<std::string> subject;
};

struct AuthOptions {
  std::vector<TokenCredential> tokens;  // empty: one token "secret" for tenant "default"
  std::vector<BasicCredential> basic;
  std::vector<std::string> tenants;  // extra tenants without credentials of their own
  std::string realm = "scim";
  // Bearer tokens of the control plane (/admin/v1). Empty: no admin API at all (404). They
  // never authenticate SCIM requests, and tenant credentials never authenticate admin ones.
  std::vector<std::string> admin_tokens;
  // JWT access tokens and the test token endpoint (IPSIE AL1 §3.1). When enabled and no token
  // or Basic user is configured, there is no default "secret" token: only JWTs authenticate.
  OAuthOptions oauth;
};

}  // namespace scim::http
