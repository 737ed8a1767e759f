// Asynchronous SCIM requests (draft-ietf-scim-events-16 §2.5.1.1) as a Handler decorator in
// front of the Service: a POST, PUT, PATCH or DELETE carrying "Prefer: respond-async" is queued
// and answered 202 with no body, Set-Txn (§3), Preference-Applied (RFC 7240 §3) and a Location
// where the outcome can be fetched (GET /AsyncResults/{txn}, same tenant only, §5). In "long"
// mode the request runs at once and 202 is answered only when it outlasts the wait preference.
// Everything else passes straight to the Service.
#pragma once

#include <chrono>

#include "scim/server/api/request.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/async/async_prefer.hpp"
#include "scim/server/async/async_runner.hpp"

namespace scim::server {

struct AsyncFrontOptions {
  events::AsyncMode mode = events::AsyncMode::Request;
  std::chrono::seconds default_wait{5};  // "long" without a wait preference
  std::chrono::seconds max_wait{30};     // cap on Prefer: wait=N
};

class AsyncFront final : public Handler {
 public:
  AsyncFront(Handler& inner, events::AsyncJobs& jobs, events::AsyncRunner& runner,
             AsyncFrontOptions options);
  Response handle(const Request& request) override;

 private:
  Handler& inner_;
  events::AsyncJobs& jobs_;
  events::AsyncRunner& runner_;
  AsyncFrontOptions options_;
};

// GET /AsyncResults/{txn}: 202 {"txn","state":"pending"} while running; 200 with the outcome
// {"txn","state":"completed","status","operations":[...],"sets":{jti: SET}} when done, or the
// asyncresp SET itself (application/secevent+jwt) when the client Accepts only that and there is
// exactly one; 404 for unknown, expired or another tenant's txn.
Response async_results_endpoint(events::AsyncJobs& jobs, const Request& request);

}  // namespace scim::server
