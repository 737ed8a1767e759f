// The access-log layer, the outermost middleware: it settles the request's X-Request-Id (the
// client's when usable, else a new UUID), echoes it on every response, admin and health answers
// included, and writes one access-log line per request after the answer is known. It never
// logs credentials, header values, query strings or bodies.
#pragma once

#include "scim/protocol/uuid.hpp"
#include "scim/server/api/middleware.hpp"
#include "scim/server/observe/server_log.hpp"

namespace scim::observe {

// The path of a request-target, without its query, cut to kMaxLoggedPathBytes.
inline constexpr std::size_t kMaxLoggedPathBytes = 1024;
std::string loggable_path(std::string_view target);

class AccessLogMiddleware final : public server::Middleware {
 public:
  explicit AccessLogMiddleware(ServerLog& log) : log_(log) {}

  std::string_view name() const override { return "access-log"; }
  server::Response handle(server::Request& request, const server::Next& next) override;

 private:
  ServerLog& log_;
  UuidPool ids_;  // request ids minted here (usually: this layer runs first)
};

}  // namespace scim::observe
