// The mock tools: mock_tenant_create, mock_tenant_reset, mock_fault_set, mock_fault_clear and
// mock_journal drive a reference server's control plane (its admin API under /admin/v1,
// docs/mock.md) with the admin token from --admin-token-env. They are offered only when that
// token is configured; the admin token never appears in their output.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "scim/mcp/target.hpp"
#include "scim/mcp/tool.hpp"

namespace scim::mcp {

struct AdminOptions {
  std::string url;    // the admin API base, ".../admin/v1"
  std::string token;  // its bearer token (never echoed)
  std::chrono::seconds timeout{30};
};

// The admin API base: `admin_url` when given, else the origin of the target's base URL plus
// "/admin/v1" ("http://h:8080/scim/v2" and "http://h:8080/tenants/acme/scim/v2" both give
// "http://h:8080/admin/v1"); empty when neither is known.
std::string admin_api_url(const std::string& admin_url, const std::string& base_url);

// The five tools, sending through the target's transport (its TLS options and retries).
std::vector<std::shared_ptr<Tool>> make_mock_tools(AdminOptions options, Target& target);

}  // namespace scim::mcp
