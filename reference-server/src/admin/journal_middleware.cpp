// The journal layer (see journal_middleware.hpp).
#include "scim/server/admin/journal_middleware.hpp"

#include <algorithm>
#include <chrono>

#include "scim/server/api/request_id.hpp"

namespace scim::admin {
namespace {

// The tenant of a path-addressed request (/tenants/{t}/...), for requests that were refused
// before a credential named their tenant: a client's 401s land in its tenant's journal too.
std::string_view path_tenant(std::string_view target) {
  constexpr std::string_view kPrefix = "/tenants/";
  if (target.substr(0, kPrefix.size()) != kPrefix) return "";
  const auto end = target.find_first_of("/?", kPrefix.size());
  return target.substr(kPrefix.size(),
                       end == std::string::npos ? std::string::npos : end - kPrefix.size());
}

std::string_view target_path(std::string_view target) {
  return target.substr(0, target.find('?'));
}

// Every field of a request entry is assigned (the audit ones emptied): `e` may hold an evicted
// entry, of which nothing may remain. Assignments keep the strings' capacity.
void record_request(const server::Request& request, std::size_t max_body, JournalEntry& e) {
  e.kind = JournalEntry::Kind::Request;
  e.seq = 0;
  e.time = std::chrono::system_clock::now();
  e.request_id = request.request_id;
  e.method = request.method;
  e.target = request.target;
  redact_headers(request.headers, e.request_headers);
  capture_body(request.body, max_body, e.request_body);
  e.action.clear();
  e.detail = nullptr;
}

void record_response(const server::Request& request, const server::Response& response,
                     std::size_t max_body, JournalEntry& e) {
  e.tenant.assign(request.principal.tenant.empty() ? path_tenant(request.target)
                                                   : std::string_view(request.principal.tenant));
  e.credential = request.principal.credential_name;
  e.path.assign(request.path.empty() ? target_path(request.target)
                                     : std::string_view(request.path));
  e.status = response.status;
  e.response_headers = response.headers;
  capture_body(response.body, max_body, e.response_body);
  e.page = e.response_body.truncated && response.status == 200 ? list_page(response.body)
                                                               : nlohmann::json();
  e.leniencies = response.notes.leniencies;
  e.variants = response.notes.variants;
  e.fault = response.notes.fault;
  e.delay = response.delivery.delay;
}

}  // namespace

Headers redact_headers(const std::map<std::string, std::string>& headers) {
  Headers out;
  redact_headers(headers, out);
  return out;
}

void redact_headers(const std::map<std::string, std::string>& headers, Headers& out) {
  out.resize(headers.size());
  auto slot = out.begin();
  for (const auto& [name, value] : headers) {
    auto& [to_name, to_value] = *slot++;
    to_name = name;
    if (name == "authorization" || name == "proxy-authorization") {
      const auto space = value.find(' ');
      to_value.assign(value, 0, space == std::string::npos ? 0 : space + 1);
      to_value += "[redacted]";
    } else if (name == "cookie") {
      to_value = "[redacted]";
    } else {
      to_value = value;
    }
  }
}

server::Response JournalMiddleware::handle(server::Request& request, const server::Next& next) {
  if (request.target.rfind("/admin/", 0) == 0) return next(request);
  // The access-log layer before this one has usually decided the id already.
  if (request.request_id.empty())
    request.request_id = server::accept_or_make_request_id(request, ids_);

  // The request's arrival in the chain (the access log's reading) and the answer's time, read
  // here as the innermost layer that times requests, so the outer layers' durations are this one.
  const auto started = server::arrival(request);
  const std::size_t max_body = journals_.limits().max_body_bytes;
  auto entry = spare_.take();
  record_request(request, max_body, *entry);

  server::Response response = next(request);

  entry->duration =
      std::chrono::duration_cast<std::chrono::microseconds>(server::answered(response) - started);
  response.set_header("X-Request-Id", request.request_id);
  record_response(request, response, max_body, *entry);
  journals_.record(entry);  // leaves `entry` holding the one its ring evicted, or null
  spare_.give_back(std::move(entry));
  return response;
}

}  // namespace scim::admin
