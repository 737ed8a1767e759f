// A scripted Transport for unit tests: answers by "METHOD url-suffix" routes (first match wins,
// most recently added first) and records every request it saw. No network.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "scim/conformance/http.hpp"

namespace scim::conf::testing {

class FakeTransport final : public Transport {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  // `method` exact; `url_part` must occur in the request URL.
  void on(std::string method, std::string url_part, Handler handler);
  void on(std::string method, std::string url_part, int status, std::string body = {},
          Headers headers = {});
  HttpResponse send(const HttpRequest& request) override;

  std::vector<HttpRequest> requests() const;
  // Requests whose method matches, in order.
  std::vector<HttpRequest> requests(const std::string& method) const;

 private:
  struct Route {
    std::string method;
    std::string url_part;
    Handler handler;
  };
  mutable std::mutex mutex_;
  std::vector<Route> routes_;
  std::vector<HttpRequest> seen_;
};

HttpResponse json_response(int status, const std::string& body, Headers headers = {});

// Routes a minimal discovery: ServiceProviderConfig with the given features supported,
// User and Group resource types, empty Schemas; /Me answers 501.
void script_discovery(FakeTransport& fake, const std::vector<std::string>& supported);

}  // namespace scim::conf::testing
