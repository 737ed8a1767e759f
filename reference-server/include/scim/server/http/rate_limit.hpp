// Rate limiting of list requests (IPSIE AL1 §3.2.2.5, §3.2.3.2: "the Application SHALL enforce
// rate limits on this endpoint and MUST respond with ... 429 Too Many Requests and Retry-After"):
// a token bucket per tenant for GET on a collection and POST .search, answered 429 with
// Retry-After (RFC 6585 §4, RFC 9110 §10.2.3) when empty. A Middleware placed after
// authentication, so the tenant is known; other requests pass untouched.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "scim/protocol/profile.hpp"
#include "scim/server/api/middleware.hpp"

namespace scim::http {

struct RateLimitOptions {
  // List requests per second each tenant may sustain; 0: no limit (the RFC default).
  double list_per_second = 0;
  // Requests a tenant may make at once after a quiet period (the bucket's size), >= 1.
  std::size_t burst = 100;
  // Tenants tracked at once; a new tenant beyond it first evicts the buckets that are full again
  // (idle tenants), and is refused with 429 if none is: memory stays bounded.
  std::size_t max_tenants = 4096;

  bool enabled() const { return list_per_second > 0; }
  // IPSIE AL1 requires rate limits: 50 list requests per second, bursts of 100, unless
  // configured otherwise. The interop profile does not ask for them.
  void apply(Profile profile) {
    if (profile == Profile::IpsieAl1 && !enabled()) list_per_second = 50;
  }
};

// Whether a request reads a list: GET of a collection ("/Users", not "/Users/{id}") or POST
// ".search" (RFC 7644 §3.4.2, §3.4.3). `path` is relative to the base URL.
bool is_list_request(std::string_view method, std::string_view path);

class RateLimiter final : public server::Middleware {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit RateLimiter(RateLimitOptions options, Clock clock = {});

  std::string_view name() const override { return "rate-limit"; }
  server::Response handle(server::Request& request, const server::Next& next) override;

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point refilled;
  };
  // Seconds until `tenant` may send the next list request: 0 when it may now (a token is taken).
  double take(const std::string& tenant);
  bool make_room(std::chrono::steady_clock::time_point now);

  RateLimitOptions options_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace scim::http
