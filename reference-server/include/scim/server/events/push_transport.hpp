// The wire step of push delivery (RFC 8935 §2.1) behind an interface, so the deliverer's queueing,
// retry and counting logic is tested without sockets. The libcurl implementation lives in
// curl_transport.cpp and is the only code here that knows curl.
#pragma once

#include <memory>
#include <string>

namespace scim::events {

struct PushTarget {
  std::string url;           // the receiver's endpoint
  std::string bearer_token;  // sent as "Authorization: Bearer <token>" when not empty
};

struct PushOutcome {
  int status = 0;     // HTTP status; 0 when no response arrived (connect error, timeout)
  std::string body;   // the receiver's response body (bounded)
  std::string error;  // transport error text when status == 0
};

class PushTransport {
 public:
  virtual ~PushTransport() = default;
  // POSTs one SET. Must be safe to call from several deliverer threads at once.
  virtual PushOutcome post(const PushTarget& target, const std::string& set_jwt) = 0;
};

struct CurlTransportOptions {
  long connect_timeout_ms = 2000;
  long total_timeout_ms = 5000;
  std::size_t max_response_bytes = 16 * 1024;  // error bodies beyond this are truncated
};

std::unique_ptr<PushTransport> make_curl_transport(CurlTransportOptions options = {});

}  // namespace scim::events
