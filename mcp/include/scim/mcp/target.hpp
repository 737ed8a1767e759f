// The SCIM endpoint the tools operate: the toolkit's own client (libcurl transport, 429/503
// retries, bearer/Basic authentication, redacted transcripts, from conformance/) with the
// target's discovery documents cached, so tool schemas can be derived from its /Schemas.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "scim/conformance/capabilities.hpp"
#include "scim/conformance/client/auth.hpp"
#include "scim/conformance/client/retry_transport.hpp"
#include "scim/conformance/client/scim_client.hpp"
#include "scim/conformance/http.hpp"
#include "scim/protocol/result.hpp"

namespace scim::mcp {

struct TargetOptions {
  std::string base_url;  // empty: no target configured (the SCIM tools say so)
  conf::AuthConfig auth;
  bool insecure = false;
  std::string ca_cert;
  std::chrono::seconds timeout{30};        // per HTTP request
  std::chrono::seconds check_timeout{0};   // per conformance check; 0 = max(120 s, 4 x timeout)
  std::chrono::seconds discovery_ttl{60};  // how long /Schemas etc. are reused
};

// What the target claims (RFC 7644 §4), as read by the runner's discovery.
struct Discovery {
  conf::Capabilities caps;
  std::chrono::steady_clock::time_point read_at;
};

class Target {
 public:
  // `transport` is the HTTP client (CurlTransport in main, a fake in tests).
  Target(TargetOptions options, std::unique_ptr<conf::Transport> transport);

  bool configured() const { return !options_.base_url.empty(); }
  const TargetOptions& options() const { return options_; }

  // One request with the SCIM media types and the credentials; the exchange is redacted.
  conf::ScimClient::Sent send(std::string_view method, std::string_view path,
                              const std::optional<std::string>& body,
                              const conf::Headers& extra = {});

  // The cached discovery, read again after discovery_ttl or when `refresh`. The error says why
  // the target could not be read (unreachable, credentials refused, no target configured).
  Result<std::shared_ptr<const Discovery>, std::string> discovery(bool refresh = false);
  // The cached discovery only, never a request (tools/list must not wait on the network).
  std::shared_ptr<const Discovery> cached_discovery() const;

  // Replaces configured secrets wherever they occur in `text`.
  std::string redact(std::string text) const;

  conf::ScimClient& client() { return client_; }
  conf::Transport& transport() { return retrying_; }

 private:
  TargetOptions options_;
  std::unique_ptr<conf::Transport> transport_;
  conf::RetryTransport retrying_;
  conf::Authenticator auth_;
  conf::ScimClient client_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Discovery> discovery_;
};

// A SCIM error answer, as the tools report it: "HTTP 400 invalidFilter: <detail>".
std::string describe_failure(const conf::HttpResponse& response);

}  // namespace scim::mcp
