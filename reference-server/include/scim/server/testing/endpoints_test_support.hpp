// Test harness for the endpoints: a Service over the built-in registry with an auto-creating
// tenant directory and a recording event sink, behind the route table, driven with Request
// structs (no sockets).
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/server/endpoints/routes.hpp"
#include "scim/server/endpoints/service.hpp"

namespace scim::server::testing {

inline constexpr const char* kBase = "https://example.com/v2";

class RecordingSink : public EventSink {
 public:
  void on_write(const WriteEvent& event) override {
    std::lock_guard lock(mu_);
    events.push_back(event);
  }
  std::vector<WriteEvent> events;

 private:
  std::mutex mu_;
};

// A Service behind the real route table (endpoints/routes.cpp), with the optional parts given.
struct Harness {
  explicit Harness(ServiceConfig config = {}, RouteParts parts = {},
                   Registry registry = Registry::with_builtin());

  Response call(const std::string& method, const std::string& path, const std::string& body = "",
                std::map<std::string, std::string> headers = {},
                std::map<std::string, std::string> query = {});
  Response call_json(const std::string& method, const std::string& path, const nlohmann::json& body,
                     std::map<std::string, std::string> headers = {});
  // POSTs a minimal user and returns its id (fails the test on error).
  std::string create_user(const std::string& user_name,
                          nlohmann::json extra = nlohmann::json::object());
  std::string create_group(const std::string& name, const std::vector<std::string>& member_ids);

  Registry registry;
  store::TenantDirectory tenants;
  RecordingSink sink;
  Service service;
  RouteTable routes;
  std::string tenant = "acme";
  std::optional<std::string> subject;
};

nlohmann::json body_of(const Response& r);

// Asserts a SCIM error response (RFC 7644 §3.12): status, scimType (empty: none), error schema.
MATCHER_P2(IsScimError, status, scim_type,
           "is a SCIM error " + std::to_string(status) + " " + scim_type) {
  if (arg.status != status) {
    *result_listener << "status " << arg.status << " body " << arg.body;
    return false;
  }
  auto body = nlohmann::json::parse(arg.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return false;
  const std::string expected_type = scim_type;
  const bool type_ok = expected_type.empty() ? !body.contains("scimType")
                                             : body.value("scimType", "") == expected_type;
  const bool ok =
      type_ok && body.value("status", "") == std::to_string(status) &&
      body["schemas"] == nlohmann::json::array({"urn:ietf:params:scim:api:messages:2.0:Error"});
  if (!ok) *result_listener << "body " << arg.body;
  return ok;
}

}  // namespace scim::server::testing
