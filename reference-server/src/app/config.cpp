// Command-line flags (CLI11) for every ServerConfig field, credential specs and validation.
// Order of precedence: built-in defaults < --config FILE < flags.
#include "scim/server/app/config.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <sstream>

#include "config_oauth.hpp"
#include "config_profile.hpp"
#include "scim/server/app/config_observe.hpp"
#include "scim/server/http/auth.hpp"

namespace scim::app {

using http::BasicCredential;
using http::TokenCredential;

namespace {

// "tenant" or "tenant:subject" after the '=' of a credential spec.
Result<std::pair<std::string, std::optional<std::string>>, std::string> parse_binding(
    const std::string& binding, const std::string& spec_kind) {
  auto colon = binding.find(':');
  std::string tenant = binding.substr(0, colon);
  std::optional<std::string> subject;
  if (colon != std::string::npos) subject = binding.substr(colon + 1);
  if (!http::valid_tenant_name(tenant)) {
    return Unexpected{spec_kind + ": invalid tenant name '" + tenant +
                      "' (allowed: 1-64 of A-Z a-z 0-9 . _ -)"};
  }
  if (subject && subject->empty()) return Unexpected{spec_kind + ": empty subject after ':'"};
  return std::pair{tenant, subject};
}

// Durations are given in (fractional) seconds on the command line and in the file.
struct Seconds {
  double value = -1;
  template <class Duration>
  void apply(Duration& target) const {
    if (value >= 0) {
      target = std::chrono::duration_cast<Duration>(std::chrono::duration<double>(value));
    }
  }
};

struct FlagValues {
  std::string config_file;
  std::vector<std::string> tokens, basic, tenants, schemas, resource_types, deviations;
  Seconds read_timeout, idle_timeout, write_timeout, shutdown_timeout;
  // Events, async and bulk (docs/events.md): values that need a conversion after parsing.
  std::string payload_mode, async_mode;
  Seconds async_wait, async_max_wait, poll_max_wait, poll_redelivery;
  std::vector<std::string> receivers;  // "URL[,TOKEN]"
  std::vector<std::string> feeds;      // "ID[:explicit]"
  // Optional features switched off (server::Features); a flag only ever switches one off.
  bool no_bulk = false, no_sort = false, no_me = false, no_root_query = false,
       no_nested_groups = false, no_patch = false, no_filter = false, no_change_password = false;
  int patch_status = 200;
  std::vector<std::string> filter_operators;
  std::string pagination, default_pagination;  // RFC 9865: "both|cursor|index", "cursor|index"
  std::size_t default_page_size = 0;           // 0: not given
  long long cursor_timeout = -1;               // negative: not given
  std::vector<std::string> admin_tokens;
};

void register_http_flags(CLI::App& app, ServerConfig& c, FlagValues& f) {
  app.add_option("--bind", c.http.bind, "Address to listen on (default 127.0.0.1)");
  app.add_option("--port", c.http.port, "TCP port; 0 picks a free one (printed)");
  app.add_option("--base-path", c.http.base_path, "SCIM base path (default /scim/v2)");
  app.add_option("--threads", c.http.threads, "I/O threads; 0 = one per CPU (max 256)");
  app.add_option("--tls-cert", c.http.tls.cert_file, "PEM certificate chain; enables HTTPS");
  app.add_option("--tls-key", c.http.tls.key_file, "PEM private key for --tls-cert");
  auto& l = c.http.limits;
  app.add_option("--max-header-bytes", l.max_header_bytes, "Request line + headers (431)");
  app.add_option("--max-header-fields", l.max_header_fields, "Header field lines (431)");
  app.add_option("--max-body-bytes", l.max_body_bytes, "Request body (413)");
  app.add_option("--max-bulk-body-bytes", l.max_bulk_body_bytes, "Body of POST /Bulk (413)");
  app.add_option("--read-timeout", f.read_timeout.value, "Seconds to receive a request (408)");
  app.add_option("--idle-timeout", f.idle_timeout.value, "Seconds a keep-alive connection idles");
  app.add_option("--write-timeout", f.write_timeout.value, "Seconds to send a response");
  app.add_option("--max-connections", l.max_connections, "Open connections; beyond: 503");
  app.add_option("--max-waiting-requests", l.max_waiting_requests,
                 "Long polls and async waits served at once; beyond: 503");
  app.add_option("--max-requests-per-connection", l.max_requests_per_connection,
                 "Requests before the server closes a keep-alive connection");
  app.add_option("--shutdown-timeout", f.shutdown_timeout.value,
                 "Seconds in-flight requests get on SIGTERM/SIGINT");
}

void register_auth_flags(CLI::App& app, FlagValues& f) {
  app.add_option("--token", f.tokens,
                 "Bearer token: TOKEN | TOKEN=tenant | TOKEN=tenant:subject (repeatable; "
                 "default: secret for tenant 'default')");
  app.add_option("--basic", f.basic, "HTTP Basic: user:password=tenant[:subject] (repeatable)");
  app.add_option("--tenant", f.tenants, "Declare a tenant without credentials (repeatable)");
}

void register_service_flags(CLI::App& app, ServerConfig& c, FlagValues& f) {
  app.add_flag("--lenient", c.service.lenient, "Accept documented identity-provider deviations");
  app.add_option("--max-results", c.service.max_results, "Largest page a query returns");
  app.add_option("--seed", c.seed_file, "JSON file of resources loaded at start-up");
  app.add_option("--schema", f.schemas, "Custom schema file (RFC 7643 §7 JSON, repeatable)");
  app.add_option("--resource-type", f.resource_types,
                 "Custom resource type file (RFC 7643 §6 JSON, repeatable)");
  app.add_flag("--devices", c.registry.devices,
               "Serve RFC 9944 Devices and EndpointApps (device schema extensions)");
  app.add_flag("--replace-builtin-schemas", c.registry.replace_builtin,
               "--schema/--resource-type files replace the built-in schema or type of the same id");
  app.add_flag("--no-bulk", f.no_bulk, "No /Bulk (bulk.supported false)");
  app.add_flag("--no-sort", f.no_sort, "Ignore sortBy (sort.supported false)");
  app.add_flag("--no-me", f.no_me, "/Me answers 501 (RFC 7644 §3.11)");
  app.add_flag("--no-root-query", f.no_root_query, "POST {base}/.search answers 501");
  app.add_flag("--no-nested-groups", f.no_nested_groups, "A group member that is a group: 400");
  app.add_flag("--no-patch", f.no_patch, "PATCH answers 501 (patch.supported false)");
  app.add_flag("--no-filter", f.no_filter,
               "A filter answers 400 invalidFilter (filter.supported false)");
  app.add_flag("--no-change-password", f.no_change_password,
               "A new password on PUT/PATCH answers 501 (changePassword.supported false)");
  app.add_option("--patch-status", f.patch_status, "A successful PATCH answers 200 or 204")
      ->check(CLI::IsMember({200, 204}));
  app.add_option("--filter-operators", f.filter_operators,
                 "Filter operators allowed, e.g. eq,and (others: 400 invalidFilter; default all)")
      ->delimiter(',');
  app.add_option("--deviate", f.deviations,
                 "FOR TESTING CONFORMANCE TOOLS ONLY: break the RFC on purpose (repeatable; "
                 "no-etag, filter-case-sensitive, patch-not-atomic, wrong-error-shape, "
                 "cursor-ignores-count, device-uniqueness-off, patch-unadvertised, "
                 "filter-unadvertised, patch-add-replaces, delete-deactivates)");
}

void register_events_flags(CLI::App& app, ServerConfig& c, FlagValues& f) {
  app.add_option("--events-issuer", c.events.hub.issuer, "SET issuer (iss); default: the base URL");
  app.add_option("--events-mode", f.payload_mode, "prov:* SET payloads: notice | full");
  app.add_option("--events-signing-key", c.events.signing_key,
                 "HS256 key for SETs (>= 32 bytes); unset: unsigned SETs (alg none)");
  app.add_option("--async-mode", f.async_mode, "Prefer: respond-async: none | request | long");
  app.add_option("--async-wait", f.async_wait.value, "long mode: seconds before answering 202");
  app.add_option("--async-max-wait", f.async_max_wait.value, "Cap on Prefer wait=N (seconds)");
  app.add_option("--bulk-max-operations", c.bulk.max_operations, "Bulk maxOperations (413)");
  app.add_option("--bulk-max-payload", c.bulk.max_payload_bytes, "Bulk maxPayloadSize (413)");
  app.add_option("--poll-max-wait", f.poll_max_wait.value, "Long-poll cap in seconds");
  app.add_option("--poll-max-long-polls", c.events.long_poll.max_waiting,
                 "Polls allowed to wait at once (each holds an HTTP I/O thread)");
  app.add_option("--poll-redelivery", f.poll_redelivery.value,
                 "Seconds before an unacknowledged SET is offered again");
  app.add_option("--push-receiver", f.receivers,
                 "Push SETs of the default feed to URL[,BEARER_TOKEN] (repeatable)");
  app.add_option("--events-feed", f.feeds, "Extra feed of tenant default: ID[:explicit]");
}

void register_pagination_flags(CLI::App& app, ServerConfig& c, FlagValues& f) {
  app.add_option("--pagination", f.pagination,
                 "Pagination methods: both | cursor (RFC 9865 only) | index (RFC 7644 only)");
  app.add_option("--default-pagination", f.default_pagination,
                 "Method when a query names none: index | cursor");
  app.add_option("--default-page-size", f.default_page_size,
                 "Results per page without count (default: --max-results)")
      ->check(CLI::PositiveNumber);
  app.add_option("--cursor-timeout", f.cursor_timeout,
                 "Seconds a cursor stays valid (RFC 9865 cursorTimeout; 0 = never expires)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--cursor-key", c.service.pagination.cursor_key,
                 "Secret (>= 32 bytes) sealing cursors; default: random per start");
}

Status<std::string> apply_pagination_flags(const FlagValues& f, ServerConfig& c) {
  auto& p = c.service.pagination;
  if (!f.pagination.empty()) {
    if (f.pagination != "both" && f.pagination != "cursor" && f.pagination != "index") {
      return Unexpected{"--pagination must be both, cursor or index, got \"" + f.pagination + "\""};
    }
    p.cursor = f.pagination != "index";
    p.index = f.pagination != "cursor";
  }
  if (!f.default_pagination.empty()) {
    auto method = server::parse_pagination_method(f.default_pagination);
    if (!method) return Unexpected{std::string("--default-pagination must be index or cursor")};
    p.default_method = *method;
  }
  if (f.default_page_size > 0) p.default_page_size = f.default_page_size;
  if (f.cursor_timeout >= 0) p.cursor_timeout = std::chrono::seconds(f.cursor_timeout);
  return Ok{};
}

// The mock's control plane (docs/mock.md).
void register_admin_flags(CLI::App& app, ServerConfig& c, FlagValues& f) {
  app.add_option("--admin-token", f.admin_tokens,
                 "Bearer token of the admin API /admin/v1 (repeatable; none: no admin API)");
  app.add_option("--journal-size", c.admin.journal.max_entries,
                 "Request journal entries kept per tenant (default 1000; 0: none)");
  app.add_option("--journal-body-bytes", c.admin.journal.max_body_bytes,
                 "Bytes of each request and response body the journal keeps");
  app.add_option("--journal-file", c.admin.journal_file.path,
                 "Also write every journal entry to FILE as JSON lines");
  app.add_option("--journal-file-max-bytes", c.admin.journal_file.max_bytes,
                 "Rotate the journal file to FILE.1 beyond this size");
  app.add_option("--max-admin-body-bytes", c.http.limits.max_admin_body_bytes,
                 "Body of an admin request (a tenant import) (413)");
}

Status<std::string> apply_events_flags(const FlagValues& f, ServerConfig& c) {
  if (!f.payload_mode.empty()) {
    auto mode = events::parse_payload_mode(f.payload_mode);
    if (!mode)
      return Unexpected{"--events-mode must be notice or full, got \"" + f.payload_mode + "\""};
    c.events.hub.mode = *mode;
  }
  if (!f.async_mode.empty()) {
    auto mode = async::parse_async_mode(f.async_mode);
    if (!mode) {
      return Unexpected{"--async-mode must be none, request or long, got \"" + f.async_mode + "\""};
    }
    c.async.mode = *mode;
  }
  f.async_wait.apply(c.async.default_wait);
  f.async_max_wait.apply(c.async.max_wait);
  f.poll_max_wait.apply(c.events.long_poll.max_wait);
  f.poll_redelivery.apply(c.events.limits.poll.redelivery_after);
  for (const auto& spec : f.receivers) {
    events::PushReceiverOption r;
    const auto comma = spec.rfind(',');
    r.url = spec.substr(0, comma);
    if (comma != std::string::npos) r.token = spec.substr(comma + 1);
    c.events.receivers.push_back(std::move(r));
  }
  for (const auto& spec : f.feeds) {
    events::FeedOption feed;
    const auto colon = spec.find(':');
    feed.id = spec.substr(0, colon);
    if (colon != std::string::npos) {
      auto membership = events::parse_membership(spec.substr(colon + 1));
      if (!membership) return Unexpected{"--events-feed " + spec + ": expected ID[:explicit]"};
      feed.membership = *membership;
    }
    c.events.feeds.push_back(std::move(feed));
  }
  return Ok{};
}

Status<std::string> apply_flags(const CLI::App& app, const FlagValues& f, ServerConfig& c) {
  f.read_timeout.apply(c.http.limits.read_timeout);
  f.idle_timeout.apply(c.http.limits.idle_timeout);
  f.write_timeout.apply(c.http.limits.write_timeout);
  f.shutdown_timeout.apply(c.http.limits.shutdown_timeout);
  // List flags replace the file's list rather than appending to it.
  if (app.count("--token") > 0) {
    c.auth.tokens.clear();
    for (const auto& spec : f.tokens) {
      auto t = parse_token_spec(spec);
      if (!t) return Unexpected{t.error()};
      c.auth.tokens.push_back(std::move(*t));
    }
  }
  if (app.count("--basic") > 0) {
    c.auth.basic.clear();
    for (const auto& spec : f.basic) {
      auto b = parse_basic_spec(spec);
      if (!b) return Unexpected{b.error()};
      c.auth.basic.push_back(std::move(*b));
    }
  }
  if (app.count("--tenant") > 0) c.auth.tenants = f.tenants;
  if (app.count("--schema") > 0) c.registry.schema_files = f.schemas;
  if (app.count("--resource-type") > 0) c.registry.resource_type_files = f.resource_types;
  if (app.count("--deviate") > 0) c.deviations = f.deviations;
  auto& features = c.service.features;
  if (f.no_bulk) features.bulk = false;
  if (f.no_sort) features.sort = false;
  if (f.no_me) features.me = false;
  if (f.no_root_query) features.root_query = false;
  if (f.no_nested_groups) features.nested_groups = false;
  if (f.no_patch) features.patch = false;
  if (f.no_filter) features.filter = false;
  if (f.no_change_password) features.change_password = false;
  if (app.count("--patch-status") > 0) c.service.patch_no_content = f.patch_status == 204;
  if (app.count("--filter-operators") > 0) features.filter_operators = f.filter_operators;
  if (auto st = apply_pagination_flags(f, c); !st) return st;
  if (app.count("--admin-token") > 0) c.auth.admin_tokens = f.admin_tokens;
  return apply_events_flags(f, c);
}

// Finds --config before the full parse, so the file can seed the values the flags override.
std::string find_config_flag(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--config" && i + 1 < argc) return argv[i + 1];
    if (arg.rfind("--config=", 0) == 0) return std::string(arg.substr(9));
  }
  return "";
}

}  // namespace

Result<TokenCredential, std::string> parse_token_spec(const std::string& spec) {
  // A b64token only has '=' at its end, so the first '=' followed by another character starts
  // the tenant binding: "abc==acme" is token "abc=" for tenant "acme".
  std::size_t split = std::string::npos;
  for (std::size_t i = 0; i + 1 < spec.size(); ++i) {
    if (spec[i] == '=' && spec[i + 1] != '=') {
      split = i;
      break;
    }
  }
  TokenCredential cred;
  cred.token = spec.substr(0, split);
  if (!http::valid_bearer_token(cred.token)) {
    return Unexpected{"--token: '" + cred.token.substr(0, 8) +
                      "...' is not a valid bearer token (RFC 6750 §2.1 b64token)"};
  }
  if (split != std::string::npos) {
    auto binding = parse_binding(spec.substr(split + 1), "--token");
    if (!binding) return Unexpected{binding.error()};
    cred.tenant = binding->first;
    cred.subject = binding->second;
  }
  return cred;
}

Result<BasicCredential, std::string> parse_basic_spec(const std::string& spec) {
  auto eq = spec.rfind('=');
  std::string userpass = eq == std::string::npos ? spec : spec.substr(0, eq);
  auto colon = userpass.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == userpass.size()) {
    return Unexpected{std::string("--basic: expected user:password=tenant[:subject]")};
  }
  BasicCredential cred{userpass.substr(0, colon), userpass.substr(colon + 1), "default",
                       std::nullopt};
  if (eq != std::string::npos) {
    auto binding = parse_binding(spec.substr(eq + 1), "--basic");
    if (!binding) return Unexpected{binding.error()};
    cred.tenant = binding->first;
    cred.subject = binding->second;
  }
  return cred;
}

Result<ServerConfig, ConfigExit> parse_command_line(int argc, const char* const* argv) {
  ServerConfig config;
  if (auto file = find_config_flag(argc, argv); !file.empty()) {
    if (auto st = apply_config_file(file, config); !st) return ConfigExit{2, st.error()};
  }
  CLI::App app{
      "scim-reference-server: a strict in-memory SCIM 2.0 service provider "
      "(RFC 7643, RFC 7644). Flags override --config. See docs/server.md."};
  FlagValues flags;
  ProfileFlags profile_flags;
  OAuthFlags oauth_flags;
  app.add_option("--config", flags.config_file, "JSON configuration file (see docs/server.md)")
      ->check(CLI::ExistingFile);
  register_http_flags(app, config, flags);
  register_auth_flags(app, flags);
  register_service_flags(app, config, flags);
  register_events_flags(app, config, flags);
  register_pagination_flags(app, config, flags);
  register_admin_flags(app, config, flags);
  register_observe_flags(app, config.observe);
  register_profile_flags(app, config, profile_flags);
  register_oauth_flags(app, config, oauth_flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    int code = app.exit(e, out, err);
    // CLI11 reports --help as exit code 0; every real parse error becomes 2 (our contract).
    if (code == 0) return ConfigExit{0, out.str()};
    return ConfigExit{2, err.str()};
  }
  if (auto st = apply_flags(app, flags, config); !st) return ConfigExit{2, st.error()};
  if (auto st = apply_profile(profile_flags, config); !st) return ConfigExit{2, st.error()};
  if (auto st = apply_oauth(oauth_flags, config); !st) return ConfigExit{2, st.error()};
  if (auto st = validate(config); !st) return ConfigExit{2, st.error()};
  return config;
}

}  // namespace scim::app
