// A Transport decorator that retries only 429 (RFC 6585 §4) and 503 (RFC 9110 §15.6.4) answers,
// waiting as long as "Retry-After" asks but never longer than the policy allows, so a throttled
// target slows a run down without hanging it.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include "scim/conformance/http.hpp"

namespace scim::conf {

struct RetryPolicy {
  int max_retries = 2;
  std::chrono::milliseconds max_wait{5000};      // cap on one Retry-After wait
  std::chrono::milliseconds default_wait{1000};  // when Retry-After is absent or unreadable
};

// RFC 9110 §10.2.3: delay-seconds or an HTTP-date (relative to `now`); nullopt when unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

class RetryTransport final : public Transport {
 public:
  using Sleep = std::function<void(std::chrono::milliseconds)>;
  RetryTransport(Transport& inner, RetryPolicy policy, Sleep sleep);
  HttpResponse send(const HttpRequest& request) override;

 private:
  Transport& inner_;
  RetryPolicy policy_;
  Sleep sleep_;
};

}  // namespace scim::conf
