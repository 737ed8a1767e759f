// POST /Bulk (RFC 7644 §3.7).
#include "scim/server/bulk/bulk_endpoint.hpp"

#include "scim/server/api/responses.hpp"

namespace scim::server {

Response bulk_endpoint(events::BulkExecutor& executor, const Request& request) {
  if (request.principal.tenant.empty()) {
    return error_response(http_error(401, "the request is not authenticated to a tenant"));
  }
  if (request.path.find('/', 1) != std::string::npos) {
    return error_response(not_found("no resource at " + request.path));
  }
  if (request.method != "POST") {
    Response r = error_response(http_error(405, "/Bulk accepts POST only (RFC 7644 §3.7)"));
    r.set_header("Allow", "POST");
    return r;
  }
  return executor.handle(request);
}

}  // namespace scim::server
