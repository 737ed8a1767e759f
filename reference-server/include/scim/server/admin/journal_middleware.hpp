// The journal layer: the first layer of the middleware chain, so it sees every request as the
// client sent it (credentials still present, which it redacts) and every answer as the client
// gets it, including the 401s of the authentication layer after it and injected faults. It
// records one entry per request in the tenant's journal (journals.hpp). Admin API requests are
// not journaled: the control plane audits the changes they make.
//
// It gives a request that has no id yet (the access-log layer usually set it) the client's
// X-Request-Id when that is a plain token of at most 128 characters, else a new UUID
// (api/request_id.hpp), and echoes it in the response's X-Request-Id.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "scim/protocol/uuid.hpp"
#include "scim/server/admin/entry_pool.hpp"
#include "scim/server/admin/journals.hpp"
#include "scim/server/api/middleware.hpp"

namespace scim::admin {

class JournalMiddleware final : public server::Middleware {
 public:
  // `journals` must outlive the middleware.
  explicit JournalMiddleware(Journals& journals) : journals_(journals) {}
  std::string_view name() const override { return "journal"; }
  server::Response handle(server::Request& request, const server::Next& next) override;

 private:
  Journals& journals_;
  UuidPool ids_;     // request ids minted here when no earlier layer did
  EntryPool spare_;  // entries the rings evicted, filled again by the next requests
};

// Request headers as the journal keeps them: Authorization and Proxy-Authorization keep only
// their scheme ("Bearer [redacted]"), Cookie is replaced.
Headers redact_headers(const std::map<std::string, std::string>& headers);
// The same, into `out`: its strings keep their capacity, so a reused entry copies without
// allocating.
void redact_headers(const std::map<std::string, std::string>& headers, Headers& out);

}  // namespace scim::admin
