// Prefer: respond-async handling and the async outcome endpoint (draft-ietf-scim-events-16
// §2.5.1, §3; RFC 7240 §3, §4.1, §4.3).
#include "scim/server/async/async_front.hpp"

#include <algorithm>

#include "scim/server/api/responses.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::server {
namespace {

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

AsyncFront::AsyncFront(Handler& inner, events::AsyncJobs& jobs, events::AsyncRunner& runner,
                       AsyncFrontOptions options)
    : inner_(inner), jobs_(jobs), runner_(runner), options_(options) {}

Response AsyncFront::handle(const Request& request) {
  // Served here rather than as a Service route: the Service's Accept check (RFC 7644 §3.8) would
  // refuse "Accept: application/secevent+jwt".
  if (istarts_with(request.path, "/AsyncResults/") || iequals(request.path, "/AsyncResults")) {
    return async_results_endpoint(jobs_, request);
  }
  if (options_.mode == events::AsyncMode::None || !is_write(request.method)) {
    return inner_.handle(request);
  }
  const std::string* prefer = request.header("prefer");
  if (!prefer) return inner_.handle(request);
  const auto prefs = events::parse_prefer(*prefer);
  if (!prefs.respond_async) return inner_.handle(request);
  auto txn = runner_.submit(request);
  // A full queue falls back to synchronous processing: §2.5.1.1 lets the server "return a normal
  // SCIM response", which is better than refusing work it can do.
  if (!txn) return inner_.handle(request);
  if (options_.mode == events::AsyncMode::Long) {
    const auto wait = std::min(prefs.wait.value_or(options_.default_wait), options_.max_wait);
    if (jobs_.wait(*txn, wait)) {
      auto view = jobs_.find(request.principal.tenant, *txn);
      if (view && view->outcome) return view->outcome->response;
    }
  }
  return accepted(request, *txn);
}

Response async_results_endpoint(events::AsyncJobs& jobs, const Request& request) {
  if (request.principal.tenant.empty()) {
    return error_response(http_error(401, "the request is not authenticated to a tenant"));
  }
  const auto slash = request.path.find('/', 1);
  if (slash == std::string::npos || request.path.find('/', slash + 1) != std::string::npos) {
    return error_response(not_found("use /AsyncResults/{txn}"));
  }
  if (request.method != "GET") {
    Response r = error_response(http_error(405, "GET only"));
    r.set_header("Allow", "GET");
    return r;
  }
  const std::string txn = request.path.substr(slash + 1);
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

}  // namespace scim::server
