// Transport-neutral HTTP values and the Transport interface. The libcurl implementation lives in
// curl_transport.{hpp,cpp}; unit tests use a scripted fake. No curl types in this header.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scim::conf {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive header lookup; nullptr when absent.
const std::string* find_header(const Headers& headers, std::string_view name);

// RFC 3986 §2.1 percent-encoding of everything but the unreserved characters (§2.3); used for
// query parameters such as "?filter=" and for form bodies.
std::string percent_encode(std::string_view text);

// How one request is sent, for checks that judge the transport itself.
struct SendOptions {
  // false: a 429/503 answer is returned as it is (a rate-limit check must see it) instead of
  // being waited out and retried.
  bool retry = true;
  // true: the TLS handshake may only negotiate TLS 1.3 (RFC 8446).
  bool tls13_only = false;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute
  Headers headers;
  std::string body;
  std::chrono::milliseconds timeout{30000};
  SendOptions options;
};

struct HttpResponse {
  int status = 0;  // 0 when the request failed below HTTP (see transport_error)
  Headers headers;
  std::string body;
  std::string transport_error;
  std::chrono::microseconds elapsed{0};

  const std::string* header(std::string_view name) const { return find_header(headers, name); }
  // The body parsed as JSON; nullopt when empty or not JSON.
  std::optional<nlohmann::json> json() const;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace scim::conf
