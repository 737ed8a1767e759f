// /metrics and /ready (see operator_endpoints.hpp).
#include "scim/server/observe/operator_endpoints.hpp"

#include "scim/server/api/responses.hpp"
#include "scim/server/observe/exposition.hpp"

namespace scim::observe {

server::Response OperatorEndpoints::metrics(const server::Request&) {
  server::Response r;
  r.status = 200;
  r.set_header("Content-Type", std::string(kExpositionContentType));
  r.set_header("Cache-Control", "no-store");
  r.body = registry_ ? registry_->expose() : std::string();
  return r;
}

server::Response OperatorEndpoints::ready(const server::Request&) {
  const std::string why = readiness_ ? readiness_() : std::string();
  server::Response r = why.empty()
                           ? server::json_response(200, {{"status", "ready"}})
                           : server::json_response(503, {{"status", "not ready"}, {"reason", why}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace scim::observe
