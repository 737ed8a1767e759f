// The server's configuration: each component's own options struct (with its defaults, written
// once where the component declares it), filled from an optional JSON file (--config FILE) and
// then from command-line flags (CLI11), which override the file. Reference: docs/server.md and
// docs/events.md. To add a component: a member here, its flags in config.cpp and its keys in
// config_file.cpp (a table of key -> setter per section).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/protocol/result.hpp"
#include "scim/server/admin/admin_options.hpp"
#include "scim/server/async/async_options.hpp"
#include "scim/server/bulk/bulk_request.hpp"
#include "scim/server/endpoints/service_config.hpp"
#include "scim/server/events/events_options.hpp"
#include "scim/server/http/options.hpp"
#include "scim/server/http/rate_limit.hpp"
#include "scim/server/observe/observe_options.hpp"

namespace scim::app {

// Custom schemas and resource types (RFC 7643 §7, §6) added to the built-in registry, or, with
// replace_builtin, replacing the built-in schema or resource type of the same id (RFC 7643 §8.7.1
// lets a provider define its own User and Group schemas, e.g. with only the required attributes).
struct RegistryOptions {
  std::vector<std::string> schema_files;
  std::vector<std::string> resource_type_files;
  bool replace_builtin = false;
  // RFC 9944 Device (/Devices) and EndpointApp (/EndpointApps) with the six device extensions.
  // Off by default: they add two resource types to every discovery answer and to root queries,
  // which identity-provider clients of a User/Group mock do not expect (docs/server.md "Devices").
  bool devices = false;
  // Interop profile §5.4: every "type" of a multi-valued attribute declares canonicalValues
  // (declare_type_values, app/config_profile.hpp). Set by the profiles.
  bool declare_type_values = false;
};

struct ServerConfig {
  // The published profile the server conforms to (--profile, docs/server.md "Profiles"); each
  // component's options take its bundle (apply_profile, app/config_profile.cpp).
  Profile profile = Profile::Rfc;
  http::HttpOptions http;             // where to listen, limits, TLS
  http::AuthOptions auth;             // credentials and the tenants they are bound to
  http::RateLimitOptions rate_limit;  // 429 + Retry-After on list requests (IPSIE AL1)
  server::ServiceConfig service;      // the endpoints: lenient, maxResults, ...
  RegistryOptions registry;
  events::EventsOptions events;  // SETs, feeds, poll and push delivery
  bulk::BulkLimits bulk;         // RFC 7644 §3.7.4 maxOperations, maxPayloadSize
  async::AsyncOptions async;     // Prefer: respond-async
  std::string seed_file;         // JSON resources loaded at start-up ("" = none)
  // Deliberate RFC deviations, for testing conformance tools only (--deviate, docs/server.md);
  // names are checked against deviate::Deviations when the server is built.
  std::vector<std::string> deviations;
  admin::AdminOptions admin;  // the mock's control plane: journal, journal file (docs/mock.md)
  observe::ObserveOptions observe;  // metrics, /metrics access (docs/observability.md)
};

// How parsing ended when the server must not start: --help (code 0, text for stdout) or an
// error (code 2, message for stderr).
struct ConfigExit {
  int code = 2;
  std::string message;
};

// Parses argv (file first, then flags) and validates the result.
Result<ServerConfig, ConfigExit> parse_command_line(int argc, const char* const* argv);

// Applies a JSON config document onto `config`; unknown keys are errors (typos must not be
// silently ignored). `source` names the file in messages.
Status<std::string> apply_config_json(const nlohmann::json& doc, ServerConfig& config,
                                      const std::string& source);
Status<std::string> apply_config_file(const std::string& path, ServerConfig& config);

// "TOKEN", "TOKEN=tenant" or "TOKEN=tenant:subject" (the last '=' splits, see docs/server.md).
Result<http::TokenCredential, std::string> parse_token_spec(const std::string& spec);
// "user:password=tenant" or "user:password=tenant:subject".
Result<http::BasicCredential, std::string> parse_basic_spec(const std::string& spec);

// Range checks across all sections; the first problem found, as a message.
Status<std::string> validate(const ServerConfig& config);

}  // namespace scim::app
