// The SCIM client checks use through Context: resolves paths against the base URL, adds the SCIM
// media type headers (RFC 7644 §3.1, §8.1) and authentication, and records every exchange with
// credentials redacted.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "scim/conformance/client/auth.hpp"
#include "scim/conformance/http.hpp"
#include "scim/conformance/model.hpp"

namespace scim::conf {

// Bodies longer than this are cut in transcripts (the check itself sees the whole body).
inline constexpr std::size_t kMaxRecordedBody = 64 * 1024;

// Why a response cannot be judged as a SCIM answer, or nullopt: a 2xx whose non-empty body is
// not JSON (an HTML page, truncated or invalid JSON, beyond the runner's JSON limits) and not a
// JWT. ScimClient turns such a response into a harness error (status 0) with this reason, so the
// affected check reports `error` rather than failing on whatever it read first.
std::optional<std::string> unusable_answer(const HttpResponse& response);

class ScimClient {
 public:
  ScimClient(Transport& transport, Authenticator& auth, std::string base_url);

  struct Sent {
    HttpResponse response;
    Exchange exchange;
  };
  // `path` is relative to the base URL or absolute. Defaults: "Accept: application/scim+json" and,
  // with a body, "Content-Type: application/scim+json"; an extra header replaces a default of the
  // same name, and an extra header with an empty value removes it (to test missing headers).
  Sent send(std::string_view method, std::string_view path, const std::optional<std::string>& body,
            const Headers& extra, bool authenticate, std::chrono::milliseconds timeout,
            const SendOptions& options = {});

  std::string resolve(std::string_view path) const;
  const std::string& base_url() const { return base_url_; }
  Authenticator& auth() { return auth_; }

 private:
  Transport& transport_;
  Authenticator& auth_;
  std::string base_url_;  // without trailing slash
};

}  // namespace scim::conf
