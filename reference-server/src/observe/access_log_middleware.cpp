// The access-log layer (see access_log_middleware.hpp).
#include "scim/server/observe/access_log_middleware.hpp"

#include <chrono>

#include "scim/server/api/request_id.hpp"

namespace scim::observe {

std::string loggable_path(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  if (path.size() <= kMaxLoggedPathBytes) return std::string(path);
  return std::string(path.substr(0, kMaxLoggedPathBytes)) + "...";
}

server::Response AccessLogMiddleware::handle(server::Request& request, const server::Next& next) {
  const auto started = server::arrival(request);  // read here: this layer runs first
  if (request.request_id.empty())
    request.request_id = server::accept_or_make_request_id(request, ids_);
  const std::size_t bytes_in = request.body.size();  // before a layer moves the body away
  server::Response response = next(request);
  // The journal layer after this one echoes the id too: set it only when the answer does not
  // carry this id yet (set_header would only write the same value again).
  const std::string* echoed = response.header("X-Request-Id");
  if (echoed == nullptr || *echoed != request.request_id) {
    response.set_header("X-Request-Id", request.request_id);
  }
  if (!log_.access_enabled()) return response;
  AccessRecord record;
  record.request_id = request.request_id;
  if (!request.principal.admin) record.tenant = request.principal.tenant;
  record.method = request.method;
  std::string cut;  // only for a path longer than kMaxLoggedPathBytes
  record.path = std::string_view(request.target).substr(0, request.target.find('?'));
  if (record.path.size() > kMaxLoggedPathBytes) {
    cut = loggable_path(request.target);
    record.path = cut;
  }
  record.status = response.status;
  record.duration = std::chrono::duration_cast<std::chrono::microseconds>(
      server::answered(response) - started + response.delivery.delay);
  record.bytes_in = bytes_in;
  record.bytes_out = response.body.size();
  log_.access(record);
  return response;
}

}  // namespace scim::observe
