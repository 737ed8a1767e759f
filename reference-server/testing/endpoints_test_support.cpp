// Harness implementation (see endpoints_test_support.hpp).
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server::testing {

Harness::Harness(ServiceConfig config, RouteParts parts, Registry registry_in)
    : registry(std::move(registry_in)),
      tenants(store_specs(registry), {}, store::TenantOptions{true, 10}),
      service(registry, std::move(config), tenants, &sink),
      routes(make_routes(service, parts)) {}

Response Harness::call(const std::string& method, const std::string& path, const std::string& body,
                       std::map<std::string, std::string> headers,
                       std::map<std::string, std::string> query) {
  Request r;
  r.method = method;
  r.path = path;
  r.body = body;
  r.headers = std::move(headers);
  if (!body.empty() && !r.headers.count("content-type")) {
    r.headers["content-type"] = "application/scim+json";
  }
  r.query = std::move(query);
  r.principal.tenant = tenant;
  r.principal.subject = subject;
  r.base_url = kBase;
  return routes.handle(r);
}

Response Harness::call_json(const std::string& method, const std::string& path,
                            const nlohmann::json& body,
                            std::map<std::string, std::string> headers) {
  return call(method, path, body.dump(), std::move(headers));
}

std::string Harness::create_user(const std::string& user_name, nlohmann::json extra) {
  nlohmann::json body{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                      {"userName", user_name}};
  body.update(extra);
  auto r = call_json("POST", "/Users", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return body_of(r).value("id", "");
}

std::string Harness::create_group(const std::string& name, const std::vector<std::string>& ids) {
  nlohmann::json body{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                      {"displayName", name}};
  for (const auto& id : ids) body["members"].push_back({{"value", id}});
  auto r = call_json("POST", "/Groups", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return body_of(r).value("id", "");
}

nlohmann::json body_of(const Response& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  return j.is_discarded() ? nlohmann::json() : j;
}

}  // namespace scim::server::testing
