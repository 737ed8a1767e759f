// Command-line parsing for scim-mcp. Secrets come from environment variables (--token-env VAR,
// --admin-token-env VAR, --http-token-env VAR) so they never show in a process list, a shell
// history or an MCP host's JSON configuration.
#include "scim/mcp/config.hpp"

#include <CLI/CLI.hpp>

namespace scim::mcp {
namespace {

Result<std::string, std::string> secret(const EnvLookup& env, const std::string& variable,
                                        const char* flag) {
  if (variable.empty()) return std::string();
  auto value = env(variable);
  if (!value || value->empty()) {
    // Result<string, string>: the error must be marked, or it would read as the secret.
    return Unexpected{std::string(flag) + " names " + variable + ", which is not set or empty"};
  }
  return *value;
}

Result<HttpOptions, std::string> http_options(const std::string& spec) {
  HttpOptions o;
  std::string host = "127.0.0.1";
  std::string port = spec;
  if (const auto colon = spec.rfind(':'); colon != std::string::npos) {
    host = spec.substr(0, colon);
    port = spec.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
      host = host.substr(1, host.size() - 2);
    }
    if (host.empty()) host = "127.0.0.1";
  }
  try {
    const int value = std::stoi(port);
    if (value < 0 || value > 65535 || std::to_string(value) != port) throw std::out_of_range("");
    o.port = static_cast<unsigned short>(value);
  } catch (const std::exception&) {
    return "--http wants ADDR:PORT or PORT, not '" + spec + "'";
  }
  o.address = host;
  return o;
}

}  // namespace

Result<McpConfig, std::string> parse_config(const std::vector<std::string>& args,
                                            const EnvLookup& env,
                                            const std::string& default_specs_dir) {
  McpConfig c;
  c.specs_dir = default_specs_dir;
  CLI::App app{"scim-mcp: SCIM provisioning and conformance as Model Context Protocol tools",
               "scim-mcp"};
  std::string token_env, basic_env, admin_env, http_spec, http_token_env;
  std::vector<std::string> origins;
  int timeout = 30, check_timeout = 0;
  app.add_option("--base-url", c.target.base_url, "SCIM base URL of the target");
  app.add_option("--token-env", token_env, "environment variable holding the bearer token");
  app.add_option("--basic-env", basic_env, "environment variable holding user:password (Basic)");
  app.add_option("--admin-url", c.admin_url, "reference server admin API base (mock tools)");
  app.add_option("--admin-token-env", admin_env, "environment variable holding the admin token");
  app.add_option("--ca-cert", c.target.ca_cert, "PEM bundle to verify the target's TLS with");
  app.add_flag("--insecure", c.target.insecure, "do not verify the target's TLS certificate");
  app.add_option("--timeout", timeout, "seconds per HTTP request to the target")
      ->check(CLI::Range(1, 600));
  app.add_option("--check-timeout", check_timeout, "seconds per conformance check (0 = auto)")
      ->check(CLI::Range(0, 3600));
  app.add_flag("--read-only", c.read_only, "hide and refuse the tools that write");
  app.add_option("--http", http_spec, "serve Streamable HTTP on ADDR:PORT (default stdio)");
  app.add_option("--http-token-env", http_token_env,
                 "environment variable holding the bearer token HTTP clients must send");
  app.add_option("--allow-origin", origins, "an Origin allowed besides localhost (repeatable)");
  app.add_option("--specs-dir", c.specs_dir, "directory of the RFC texts the checks quote");
  app.add_option("--workers", c.workers, "tool calls run at once")->check(CLI::Range(1, 32));
  app.add_flag("--mcp-test-tools", c.test_tools,
               "add the MCP conformance suite's fixture tools (test_*)");
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    c.show_help = true;
    c.help = app.help();
    return c;
  } catch (const CLI::ParseError& e) {
    return std::string(e.what());
  }
  c.target.timeout = std::chrono::seconds(timeout);
  c.target.check_timeout = std::chrono::seconds(check_timeout);
  auto token = secret(env, token_env, "--token-env");
  auto basic = secret(env, basic_env, "--basic-env");
  auto admin = secret(env, admin_env, "--admin-token-env");
  auto http_token = secret(env, http_token_env, "--http-token-env");
  for (auto* r : {&token, &basic, &admin, &http_token}) {
    if (!*r) return r->error();
  }
  c.target.auth.bearer_token = *token;
  c.target.auth.basic = *basic;
  c.admin_token = *admin;
  if (!http_spec.empty()) {
    auto http = http_options(http_spec);
    if (!http) return http.error();
    http->bearer_token = *http_token;
    http->allowed_origins = origins;
    if (!is_loopback_address(http->address) && http->bearer_token.empty()) {
      return std::string(
          "--http on a non-loopback address needs --http-token-env: anyone who can reach the "
          "port could otherwise drive the target");
    }
    c.http = *http;
  } else if (!http_token_env.empty() || !origins.empty()) {
    return std::string("--http-token-env and --allow-origin apply only with --http");
  }
  return c;
}

}  // namespace scim::mcp
