// The journal layer (see journal_middleware.hpp).
#include "scim/server/admin/journal_middleware.hpp"

#include <algorithm>
#include <chrono>

#include "scim/server/api/request_id.hpp"

namespace scim::admin {
namespace {

// The tenant of a path-addressed request (/tenants/{t}/...), for requests that were refused
// before a credential named their tenant: a client's 401s land in its tenant's journal too.
std::string path_tenant(const std::string& target) {
  constexpr std::string_view kPrefix = "/tenants/";
  if (target.compare(0, kPrefix.size(), kPrefix) != 0) return "";
  const auto end = target.find_first_of("/?", kPrefix.size());
  return target.substr(kPrefix.size(),
                       end == std::string::npos ? std::string::npos : end - kPrefix.size());
}

std::string target_path(const std::string& target) {
  return target.substr(0, target.find('?'));
}

}  // namespace

Headers redact_headers(const std::map<std::string, std::string>& headers) {
  Headers out;
  out.reserve(headers.size());
  for (const auto& [name, value] : headers) {
    if (name == "authorization" || name == "proxy-authorization") {
      const auto space = value.find(' ');
      out.emplace_back(
          name, (space == std::string::npos ? "" : value.substr(0, space + 1)) + "[redacted]");
    } else if (name == "cookie") {
      out.emplace_back(name, "[redacted]");
    } else {
      out.emplace_back(name, value);
    }
  }
  return out;
}

server::Response JournalMiddleware::handle(server::Request& request, const server::Next& next) {
  if (request.target.rfind("/admin/", 0) == 0) return next(request);
  // The access-log layer before this one has usually decided the id already.
  if (request.request_id.empty())
    request.request_id = server::accept_or_make_request_id(request, ids_);

  JournalEntry entry;
  entry.time = std::chrono::system_clock::now();
  entry.request_id = request.request_id;
  entry.method = request.method;
  entry.target = request.target;
  entry.request_headers = redact_headers(request.headers);
  entry.request_body = capture_body(request.body, journals_.limits().max_body_bytes);
  const auto started = std::chrono::steady_clock::now();

  server::Response response = next(request);

  entry.duration = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  response.set_header("X-Request-Id", request.request_id);
  entry.tenant =
      request.principal.tenant.empty() ? path_tenant(request.target) : request.principal.tenant;
  entry.credential = request.principal.credential_name;
  entry.path = request.path.empty() ? target_path(request.target) : request.path;
  entry.status = response.status;
  entry.response_headers = response.headers;
  entry.response_body = capture_body(response.body, journals_.limits().max_body_bytes);
  if (entry.response_body.truncated && response.status == 200) {
    entry.page = list_page(response.body);
  }
  entry.leniencies = response.notes.leniencies;
  entry.variants = response.notes.variants;
  entry.fault = response.notes.fault;
  entry.delay = response.delivery.delay;
  journals_.record(std::move(entry));
  return response;
}

}  // namespace scim::admin
