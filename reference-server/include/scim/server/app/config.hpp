// The server's configuration: one struct per subsystem, filled from an optional JSON file
// (--config FILE) and then from command-line flags (CLI11), which override the file.
// Reference: docs/server.md. To add a subsystem: add a struct member here, its flags in
// config.cpp (register_*_flags) and its JSON section in config_file.cpp (the section table).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/server/events/events_options.hpp"  // events engineer: header-only options struct
#include "scim/server/http/options.hpp"
#include "scim/protocol/result.hpp"

namespace scim::http {

// Behaviour of the SCIM service itself (endpoints).
struct ServiceOptions {
  bool lenient = false;           // accept documented provider deviations (architecture.md)
  std::size_t max_results = 200;  // RFC 7644 §3.4.2.4 / ServiceProviderConfig filter.maxResults
  std::string seed_file;          // JSON resources loaded at start-up ("" = none)
  // Deliberate RFC deviations, for testing conformance tools only (--deviate, docs/server.md);
  // names are checked by main.cpp against scim::server::Deviations.
  std::vector<std::string> deviations;
};

// Custom schemas and resource types (RFC 7643 §7, §6) added to the built-in registry.
struct RegistryOptions {
  std::vector<std::string> schema_files;
  std::vector<std::string> resource_type_files;
};

struct ServerConfig {
  HttpOptions http;
  AuthOptions auth;
  ServiceOptions service;
  RegistryOptions registry;
  events::EventsOptions events;  // bulk, async, SETs, feeds (docs/events.md)
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
Result<TokenCredential, std::string> parse_token_spec(const std::string& spec);
// "user:password=tenant" or "user:password=tenant:subject".
Result<BasicCredential, std::string> parse_basic_spec(const std::string& spec);

// Range checks across all sections; the first problem found, as a message.
Status<std::string> validate(const ServerConfig& config);

}  // namespace scim::http
