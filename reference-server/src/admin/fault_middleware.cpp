// The fault layer (see fault_middleware.hpp).
#include "scim/server/admin/fault_middleware.hpp"

#include "scim/server/api/responses.hpp"

namespace scim::admin {
namespace {

using Kind = FaultSpec::Kind;

// RFC 7644 §3.12 error bodies, so a client's error handling sees what a real server would send;
// the detail says the error is injected, for the engineer reading the client's logs.
server::Response injected(const FaultSpec& f) {
  if (f.kind == Kind::RateLimit) {
    // RFC 6585 §4: 429 Too Many Requests MAY carry Retry-After (RFC 9110 §10.2.3).
    auto r = server::error_response(
        http_error(429, "too many requests (injected by the mock: fault " + f.id + ")"));
    r.set_header("Retry-After", std::to_string(f.retry_after.count()));
    return r;
  }
  return server::error_response(
      http_error(f.status, "service failure (injected by the mock: fault " + f.id + ")"));
}

server::Delivery::Action drop_action(Kind kind) {
  return kind == Kind::Reset ? server::Delivery::Action::Reset : server::Delivery::Action::Close;
}

}  // namespace

server::Response FaultMiddleware::handle(server::Request& request, const server::Next& next) {
  if (request.scope != server::Scope::Scim || request.principal.tenant.empty()) {
    return next(request);
  }
  auto set = faults_.tenant(request.principal.tenant, false);
  if (!set) return next(request);
  FaultDecision decision = set->decide(request.method, request.path);
  if (decision.description.empty()) return next(request);

  server::Response response;
  const auto& f = decision.terminal;
  const bool before =
      f && (f->kind == Kind::Error || f->kind == Kind::RateLimit ||
            ((f->kind == Kind::Reset || f->kind == Kind::Close) && !f->after_processing));
  if (!before) {
    response = next(request);
  } else if (f->kind == Kind::Error || f->kind == Kind::RateLimit) {
    response = injected(*f);
  } else {
    response.status = 0;  // nothing is answered: the journal shows 0
  }
  if (f && (f->kind == Kind::Reset || f->kind == Kind::Close)) {
    response.delivery.action = drop_action(f->kind);
  } else if (f && f->kind == Kind::Truncate) {
    response.delivery.action = server::Delivery::Action::Truncate;
    response.delivery.truncate_at = f->truncate_at.value_or(response.body.size() / 2);
  }
  response.delivery.delay += decision.delay;
  if (decision.delay.count() > 0) response.notes.fault_kinds.emplace_back("latency");
  if (f) response.notes.fault_kinds.emplace_back(kind_name(f->kind));
  response.notes.fault = std::move(decision.description);
  return response;
}

}  // namespace scim::admin
