// Token-bucket rate limiting of list requests per tenant (rate_limit.hpp).
#include "scim/server/http/rate_limit.hpp"

#include <algorithm>
#include <cmath>

#include "scim/protocol/error.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::http {

bool is_list_request(std::string_view method, std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (method == "POST") return path.ends_with("/.search") || path == "/.search";
  if (method != "GET" || path.size() < 2 || path.front() != '/') return false;
  return path.find('/', 1) == std::string_view::npos;  // one segment: a collection
}

RateLimiter::RateLimiter(RateLimitOptions options, Clock clock)
    : options_(options),
      clock_(clock ? std::move(clock) : [] { return std::chrono::steady_clock::now(); }) {
  options_.burst = std::max<std::size_t>(options_.burst, 1);
}

bool RateLimiter::make_room(std::chrono::steady_clock::time_point now) {
  const double full = static_cast<double>(options_.burst);
  std::erase_if(buckets_, [&](const auto& entry) {
    const std::chrono::duration<double> idle = now - entry.second.refilled;
    return entry.second.tokens + idle.count() * options_.list_per_second >= full;
  });
  return buckets_.size() < options_.max_tenants;
}

double RateLimiter::take(const std::string& tenant) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(tenant);
  if (it == buckets_.end()) {
    if (buckets_.size() >= options_.max_tenants && !make_room(now)) return 1.0;
    it = buckets_.emplace(tenant, Bucket{static_cast<double>(options_.burst), now}).first;
  }
  Bucket& b = it->second;
  const std::chrono::duration<double> elapsed = now - b.refilled;
  b.tokens = std::min(static_cast<double>(options_.burst),
                      b.tokens + elapsed.count() * options_.list_per_second);
  b.refilled = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return (1.0 - b.tokens) / options_.list_per_second;
}

server::Response RateLimiter::handle(server::Request& request, const server::Next& next) {
  if (!options_.enabled() || request.scope != server::Scope::Scim ||
      !is_list_request(request.method, request.path))
    return next(request);
  const double wait = take(request.principal.tenant);
  if (wait <= 0) return next(request);
  // Retry-After is whole seconds (RFC 9110 §10.2.3 delay-seconds), rounded up.
  const auto seconds = static_cast<long long>(std::max(1.0, std::ceil(wait)));
  auto response = server::error_response(
      ScimError{429, ScimType::None,
                "too many list requests: this tenant may make " +
                    std::to_string(static_cast<long long>(options_.list_per_second)) +
                    " per second (bursts of " + std::to_string(options_.burst) + "); retry after " +
                    std::to_string(seconds) + " s"});
  response.headers.emplace_back("Retry-After", std::to_string(seconds));
  return response;
}

}  // namespace scim::http
