// scim-reference-server: the composition root. Flags + JSON config -> registry (built-in and
// custom schemas) -> tenant stores -> Service -> seed data -> HttpServer. Nothing here is
// global; every object lives on main's stack and is passed by reference.
//
// Exit codes: 0 after a clean shutdown (SIGTERM/SIGINT) or --help; 2 for configuration errors
// (bad flags, config file, schema, seed); 1 when the server cannot start (e.g. port in use).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>

#include "scim/server/deviate/deviations.hpp"
#include "scim/server/app/events_subsystem.hpp"
#include "scim/server/endpoints/seed.hpp"
#include "scim/server/endpoints/service.hpp"
#include "scim/server/app/config.hpp"
#include "scim/server/http/server.hpp"
#include "scim/protocol/schema_loader.hpp"
#include "scim/server/store/tenant_directory.hpp"

namespace {

using scim::http::ServerConfig;

constexpr int kConfigError = 2;
constexpr int kStartError = 1;

int fail(int code, const std::string& message) {
  std::cerr << "scim-reference-server: " << message << "\n";
  return code;
}

// The RFC 7643 registry plus the --schema / --resource-type files, schemas first so that
// resource types can name them.
scim::Result<scim::Registry, std::string> build_registry(const scim::http::RegistryOptions& o) {
  auto registry = scim::Registry::with_builtin();
  for (const auto& file : o.schema_files) {
    auto schemas = scim::load_schema_file(file);
    if (!schemas) return scim::Unexpected{schemas.error()};
    for (auto& s : *schemas) {
      if (auto st = registry.add_schema(std::move(s)); !st) return scim::Unexpected{st.error()};
    }
  }
  for (const auto& file : o.resource_type_files) {
    auto types = scim::load_resource_type_file(file);
    if (!types) return scim::Unexpected{types.error()};
    for (auto& t : *types) {
      if (auto st = registry.add_resource_type(std::move(t)); !st) {
        return scim::Unexpected{file + ": " + st.error()};
      }
    }
  }
  return registry;
}

// RFC 7643 §5 authenticationSchemes, matching what the HTTP layer accepts.
scim::server::ServiceConfig service_config(const ServerConfig& config) {
  scim::server::ServiceConfig sc;
  sc.lenient = config.service.lenient;
  sc.max_results = config.service.max_results;
  sc.authentication_schemes = nlohmann::json::array(
      {{{"type", "oauthbearertoken"},
        {"name", "OAuth Bearer Token"},
        {"description", "Authentication scheme using the OAuth Bearer Token Standard"},
        {"specUri", "https://www.rfc-editor.org/info/rfc6750"},
        {"primary", true}}});
  if (!config.auth.basic.empty()) {
    sc.authentication_schemes.push_back(
        {{"type", "httpbasic"},
         {"name", "HTTP Basic"},
         {"description", "Authentication scheme using the HTTP Basic Standard"},
         {"specUri", "https://www.rfc-editor.org/info/rfc7617"}});
  }
  return sc;
}

// --deviate NAME: deliberate RFC deviations for testing conformance tools only.
scim::Result<scim::server::Deviations, std::string> deviations(const ServerConfig& config) {
  scim::server::Deviations d;
  for (const auto& name : config.service.deviations) {
    if (d.enable(name)) continue;
    std::string known;
    for (auto n : scim::server::Deviations::names())
      known += (known.empty() ? "" : ", ") + std::string(n);
    return scim::Unexpected{"--deviate: unknown deviation '" + name + "' (known: " + known + ")"};
  }
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = scim::http::parse_command_line(argc, argv);
  if (!parsed) {
    if (parsed.error().code == 0) {
      std::cout << parsed.error().message << std::flush;
      return 0;
    }
    return fail(parsed.error().code, parsed.error().message);
  }
  ServerConfig config = std::move(*parsed);
  config.http.handle_signals = true;
  // The bulk endpoint answers oversized bulk requests itself (RFC 7644 §3.7.4 maxPayloadSize);
  // the HTTP body limit for /Bulk must never be the smaller of the two.
  auto& bulk_limit = config.http.limits.max_bulk_body_bytes;
  bulk_limit = std::max(bulk_limit, config.events.bulk_max_payload_bytes);

  auto registry = build_registry(config.registry);
  if (!registry) return fail(kConfigError, registry.error());
  auto deviate = deviations(config);
  if (!deviate) return fail(kConfigError, deviate.error());
  auto auth = scim::http::Authenticator::create(config.auth);
  if (!auth) return fail(kConfigError, auth.error());

  scim::store::TenantDirectory tenants(scim::server::store_specs(*registry));
  for (const auto& tenant : auth->tenants()) tenants.add(tenant);
  // --- events engineer: bulk, async requests and SETs (docs/events.md) ---
  auto events = scim::server::EventsSubsystem::create(config.events);
  if (!events) return fail(kConfigError, "events: " + events.error());
  auto sc = service_config(config);
  (*events)->configure(sc);
  scim::server::Service service(*registry, std::move(sc), tenants, (*events)->sink());
  (*events)->attach(service);
  // --- end events ---
  if (!config.service.seed_file.empty()) {
    auto seeded = scim::server::load_seed_file(service, config.service.seed_file, "default");
    if (!seeded) return fail(kConfigError, "seed: " + seeded.error());
  }

  std::optional<scim::server::DeviatingHandler> deviating;
  if (deviate->any()) {
    std::cerr << "scim-reference-server: WARNING: deliberately deviating from the RFCs "
                 "(--deviate); for testing conformance tools only\n";
    deviating.emplace((*events)->front(), *registry, *deviate);
  }
  scim::server::Handler& front =
      deviating ? static_cast<scim::server::Handler&>(*deviating) : (*events)->front();
  scim::http::HttpServer server(config.http, std::move(*auth), front);
  if (auto started = server.start(); !started) return fail(kStartError, started.error());
  // The architecture contract: exactly one line, flushed, once connections are accepted.
  std::cout << "listening on " << server.url() << std::endl;
  server.run();
  (*events)->shutdown();  // events engineer: stop async workers and push receivers cleanly
  return 0;
}
