// Prefer: respond-async handling and the async outcome endpoint (RFC 9967
// §2.5.1, §3; RFC 7240 §3, §4.1, §4.3).
#include "scim/server/async/async_middleware.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::async {

using server::error_response;
using server::json_response;
namespace {

using server::Request;
using server::Response;

bool is_write(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

Response accepted(const Request& request, const std::string& txn) {
  Response r;
  r.status = 202;  // §2.5.1.1: "MUST contain no response body"
  r.set_header("Set-Txn", txn);
  r.set_header("Preference-Applied", "respond-async");
  r.set_header("Location", request.base_url + "/AsyncResults/" + txn);
  return r;
}

}  // namespace

AsyncMiddleware::AsyncMiddleware(AsyncJobs& jobs, AsyncRunner& runner, AsyncOptions options)
    : jobs_(jobs), runner_(runner), options_(options) {}

Response AsyncMiddleware::handle(Request& request, const server::Next& next) {
  if (options_.mode == AsyncMode::None || !is_write(request.method)) return next(request);
  const std::string* prefer = request.header("prefer");
  if (!prefer) return next(request);
  const auto prefs = parse_prefer(*prefer);
  if (!prefs.respond_async) return next(request);
  auto txn = runner_.submit(request);
  // A full queue falls back to synchronous processing: §2.5.1.1 lets the server "return a normal
  // SCIM response", which is better than refusing work it can do.
  if (!txn) return next(request);
  if (options_.mode == AsyncMode::Long) {
    const auto wait = std::min(prefs.wait.value_or(options_.default_wait), options_.max_wait);
    if (jobs_.wait(*txn, wait)) {
      auto view = jobs_.find(request.principal.tenant, *txn);
      if (view && view->outcome) return view->outcome->response;
    }
  }
  return accepted(request, *txn);
}

bool AsyncMiddleware::may_wait(const Request& request) const {
  if (options_.mode != AsyncMode::Long || !is_write(request.method)) return false;
  const std::string* prefer = request.header("prefer");
  return prefer && parse_prefer(*prefer).respond_async;
}

Response async_result(AsyncJobs& jobs, const Request& request, std::string_view txn_view) {
  const std::string txn(txn_view);
  auto view = jobs.find(request.principal.tenant, txn);
  if (!view) return error_response(not_found("no asynchronous request with txn " + txn));
  if (!view->completed) {
    Response r = json_response(202, {{"txn", txn}, {"state", "pending"}});
    r.set_header("Retry-After", "1");
    return r;
  }
  const auto& out = *view->outcome;
  const std::string* accept = request.header("accept");
  if (accept && iequals(*accept, "application/secevent+jwt") && out.sets.size() == 1) {
    Response r;
    r.status = 200;
    r.set_header("Content-Type", "application/secevent+jwt");
    r.body = out.sets[0].jwt;
    return r;
  }
  nlohmann::json sets = nlohmann::json::object();
  for (const auto& s : out.sets) sets[s.jti] = s.jwt;
  return json_response(200, {{"txn", txn},
                             {"state", "completed"},
                             {"status", std::to_string(out.response.status)},
                             {"operations", out.operations},
                             {"sets", sets}});
}

}  // namespace scim::async
