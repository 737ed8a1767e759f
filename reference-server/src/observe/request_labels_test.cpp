// Label values of a request come from bounded sets only: never a path, an id or an unknown
// tenant named in a path.
#include "scim/server/observe/request_labels.hpp"

#include <gtest/gtest.h>

namespace scim::observe {
namespace {

RequestLabelSources sources() {
  RequestLabelSources s;
  s.type_by_endpoint = {{"users", "User"}, {"groups", "Group"}, {"widgets", "Widget"}};
  s.tenant_exists = [](std::string_view t) { return t == "default" || t == "acme"; };
  return s;
}

server::Request scim_request(std::string path) {
  server::Request r;
  r.method = "GET";
  r.scope = server::Scope::Scim;
  r.path = std::move(path);
  return r;
}

TEST(RequestLabels, MethodsOutsideTheKnownSetAreOther) {
  EXPECT_EQ(method_label("GET"), "GET");
  EXPECT_EQ(method_label("PATCH"), "PATCH");
  EXPECT_EQ(method_label("BREW"), "OTHER");
  EXPECT_EQ(method_label("get"), "OTHER");  // the transport upper-cases; anything else is odd
}

TEST(RequestLabels, StatusClass) {
  EXPECT_EQ(status_class_label(200), "2xx");
  EXPECT_EQ(status_class_label(404), "4xx");
  EXPECT_EQ(status_class_label(503), "5xx");
  EXPECT_EQ(status_class_label(0), "none");  // a dropped connection (injected reset)
}

TEST(RequestLabels, ResourceTypeComesFromTheRegistryNeverFromThePath) {
  const auto s = sources();
  EXPECT_EQ(resource_type_label(scim_request("/Users/2819c223-7f76-453a"), s), "User");
  EXPECT_EQ(resource_type_label(scim_request("/users"), s), "User");  // case-insensitive
  EXPECT_EQ(resource_type_label(scim_request("/Widgets/1"), s), "Widget");
  EXPECT_EQ(resource_type_label(scim_request("/2819c223-7f76-453a"), s), "none");
  EXPECT_EQ(resource_type_label(scim_request("/ServiceProviderConfig"), s), "none");
  auto root = scim_request("/Users");
  root.scope = server::Scope::Root;  // /Users outside the base path is not the endpoint
  EXPECT_EQ(resource_type_label(root, s), "none");
}

// A long endpoint segment finds its type case-insensitively too, whatever its length (the
// segment was once folded on the stack up to 64 bytes and in a string beyond).
TEST(RequestLabels, ResourceTypeOfLongEndpointNames) {
  RequestLabelSources s;
  const std::string at_bound(64, 'e'), past_bound(65, 'e');
  s.type_by_endpoint = {{at_bound, "AtBound"}, {past_bound, "PastBound"}};
  EXPECT_EQ(resource_type_label(scim_request("/" + std::string(64, 'E') + "/1"), s), "AtBound");
  EXPECT_EQ(resource_type_label(scim_request("/" + std::string(65, 'E')), s), "PastBound");
  EXPECT_EQ(resource_type_label(scim_request("/" + std::string(66, 'E')), s), "none");
  EXPECT_EQ(resource_type_label(scim_request("/" + std::string(63, 'E')), s), "none");
}

TEST(RequestLabels, TenantOnlyWhenAuthenticatedOrExisting) {
  const auto s = sources();
  auto r = scim_request("/Users");
  r.principal.tenant = "acme";
  r.principal.credential_name = "token#1";
  EXPECT_EQ(tenant_label(r, s), "acme");
  r.principal.credential_name.clear();  // anonymous, path-addressed: the tenant must exist
  r.principal.tenant = "made-up-by-a-client";
  EXPECT_EQ(tenant_label(r, s), "none");
  r.principal.tenant = "default";
  EXPECT_EQ(tenant_label(r, s), "default");
  server::Request admin;
  admin.principal.admin = true;
  EXPECT_EQ(tenant_label(admin, s), "none");
}

}  // namespace
}  // namespace scim::observe
