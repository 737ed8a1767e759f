// Asynchronous SCIM requests (RFC 9967 §2.5.1.1) as a layer of the middleware
// chain: a POST, PUT, PATCH or DELETE carrying "Prefer: respond-async" is queued for the runner
// (which sends it to the router) and answered 202 with no body, Set-Txn (§3),
// Preference-Applied (RFC 7240 §3) and a Location where the outcome can be fetched
// (GET /AsyncResults/{txn}, same tenant only, §5). In "long" mode the request runs at once and
// 202 is answered only when it outlasts the wait preference. Everything else passes on.
#pragma once

#include <chrono>
#include <string_view>

#include "scim/server/api/middleware.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/async/async_options.hpp"
#include "scim/server/async/async_runner.hpp"

namespace scim::async {

class AsyncMiddleware final : public server::Middleware {
 public:
  // `jobs` and `runner` must outlive the middleware.
  AsyncMiddleware(AsyncJobs& jobs, AsyncRunner& runner, AsyncOptions options);
  std::string_view name() const override { return "async"; }
  server::Response handle(server::Request& request, const server::Next& next) override;
  // True when handle() may wait for the job (long mode, a write with respond-async): the
  // transport then serves the request off its I/O threads.
  bool may_wait(const server::Request& request) const;

 private:
  AsyncJobs& jobs_;
  AsyncRunner& runner_;
  AsyncOptions options_;
};

// GET /AsyncResults/{txn}: 202 {"txn","state":"pending"} while running; 200 with the outcome
// {"txn","state":"completed","status","operations":[...],"sets":{jti: SET}} when done, or the
// asyncresp SET itself (application/secevent+jwt) when the client Accepts only that and there is
// exactly one; 404 for unknown, expired or another tenant's txn.
server::Response async_result(AsyncJobs& jobs, const server::Request& request,
                              std::string_view txn);

}  // namespace scim::async
