// scim-mcp's command line (CLI11): the SCIM target and its credentials (taken from environment
// variables named on the command line, never the secrets themselves), TLS, timeouts, read-only
// mode, the transport (stdio by default, --http ADDR:PORT for Streamable HTTP) and its guards.
// Parsing never exits; usage errors are values.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scim/mcp/http_endpoint.hpp"
#include "scim/mcp/target.hpp"
#include "scim/protocol/result.hpp"

namespace scim::mcp {

struct McpConfig {
  TargetOptions target;
  std::string admin_url;    // the reference server's admin API (mock tools); derived when empty
  std::string admin_token;  // from --admin-token-env
  bool read_only = false;
  bool test_tools = false;          // --mcp-test-tools: the MCP conformance suite's fixtures
  std::optional<HttpOptions> http;  // set: serve Streamable HTTP instead of stdio
  std::string specs_dir;
  std::size_t workers = 4;
  bool show_help = false;
  std::string help;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

// `args` excludes the program name.
Result<McpConfig, std::string> parse_config(const std::vector<std::string>& args,
                                            const EnvLookup& env,
                                            const std::string& default_specs_dir);

}  // namespace scim::mcp
