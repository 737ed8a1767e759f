// Scripted transport for the runner's unit tests.
#include "fake_transport.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace scim::conf::testing {

void FakeTransport::on(std::string method, std::string url_part, Handler handler) {
  std::lock_guard lock(mutex_);
  routes_.insert(routes_.begin(),
                 Route{std::move(method), std::move(url_part), std::move(handler)});
}

void FakeTransport::on(std::string method, std::string url_part, int status, std::string body,
                       Headers headers) {
  on(std::move(method), std::move(url_part),
     [status, body = std::move(body), headers = std::move(headers)](const HttpRequest&) {
       HttpResponse r;
       r.status = status;
       r.body = body;
       r.headers = headers;
       return r;
     });
}

HttpResponse FakeTransport::send(const HttpRequest& request) {
  Handler handler;
  {
    std::lock_guard lock(mutex_);
    seen_.push_back(request);
    for (const auto& route : routes_) {
      if (route.method == request.method && request.url.find(route.url_part) != std::string::npos) {
        handler = route.handler;
        break;
      }
    }
  }
  if (!handler) {
    HttpResponse r;
    r.status = 404;
    return r;
  }
  return handler(request);
}

std::vector<HttpRequest> FakeTransport::requests() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

std::vector<HttpRequest> FakeTransport::requests(const std::string& method) const {
  std::vector<HttpRequest> out;
  for (const auto& r : requests()) {
    if (r.method == method) out.push_back(r);
  }
  return out;
}

HttpResponse json_response(int status, const std::string& body, Headers headers) {
  HttpResponse r;
  r.status = status;
  r.body = body;
  r.headers = std::move(headers);
  r.headers.emplace_back("Content-Type", "application/scim+json");
  return r;
}

void script_discovery(FakeTransport& fake, const std::vector<std::string>& supported) {
  nlohmann::json spc = {
      {"schemas", {"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"}}};
  for (const char* f : {"patch", "bulk", "filter", "changePassword", "sort", "etag"}) {
    spc[f] = {{"supported", std::find(supported.begin(), supported.end(), f) != supported.end()}};
  }
  nlohmann::json types = {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:ListResponse"}},
                          {"totalResults", 2},
                          {"Resources",
                           {{{"id", "User"},
                             {"name", "User"},
                             {"endpoint", "/Users"},
                             {"schema", "urn:ietf:params:scim:schemas:core:2.0:User"}},
                            {{"id", "Group"},
                             {"name", "Group"},
                             {"endpoint", "/Groups"},
                             {"schema", "urn:ietf:params:scim:schemas:core:2.0:Group"}}}}};
  fake.on("GET", "/ServiceProviderConfig", 200, spc.dump());
  fake.on("GET", "/ResourceTypes", 200, types.dump());
  fake.on("GET", "/Schemas", 200, R"({"Resources":[]})");
  fake.on("GET", "/Me", 501);
}

}  // namespace scim::conf::testing
