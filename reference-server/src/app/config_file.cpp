// The JSON configuration file (--config FILE) and cross-field validation. The file mirrors the
// flags section by section (docs/server.md); each section is a table of key -> setter, so an
// unknown key is reported instead of being ignored, and adding a section is one table entry.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>

#include "scim/server/app/config.hpp"
#include "scim/server/app/config_observe.hpp"
#include "scim/server/events/jws.hpp"
#include "scim/server/http/auth.hpp"

namespace scim::app {

using http::BasicCredential;
using http::TokenCredential;

namespace {

using json = nlohmann::json;
using Setter = std::function<Status<std::string>(const json&)>;
using Section = std::map<std::string, Setter>;
constexpr std::uintmax_t kMaxConfigFileBytes = 4 * 1024 * 1024;

Unexpected<std::string> type_error(const char* expected) {
  return Unexpected{std::string("expected ") + expected};
}

Setter set_string(std::string& target) {
  return [&target](const json& v) -> Status<std::string> {
    if (!v.is_string()) return type_error("a string");
    target = v.get<std::string>();
    return Ok{};
  };
}

template <class T>
Setter set_unsigned(T& target) {
  return [&target](const json& v) -> Status<std::string> {
    if (!v.is_number_unsigned()) return type_error("a non-negative integer");
    auto n = v.get<std::uint64_t>();
    if (n > std::numeric_limits<T>::max()) return type_error("a smaller integer");
    target = static_cast<T>(n);
    return Ok{};
  };
}

Setter set_bool(bool& target) {
  return [&target](const json& v) -> Status<std::string> {
    if (!v.is_boolean()) return type_error("true or false");
    target = v.get<bool>();
    return Ok{};
  };
}

// RFC 7644 §3.5.2: a successful PATCH answers 200 with the resource or, if chosen, 204.
Setter set_patch_status(bool& no_content) {
  return [&no_content](const json& v) -> Status<std::string> {
    if (v != 200 && v != 204) return type_error("200 or 204");
    no_content = v == 204;
    return Ok{};
  };
}

Setter set_seconds(std::chrono::milliseconds& target) {
  return [&target](const json& v) -> Status<std::string> {
    if (!v.is_number() || v.get<double>() < 0)
      return type_error("a non-negative number of seconds");
    target = std::chrono::milliseconds(static_cast<long long>(v.get<double>() * 1000));
    return Ok{};
  };
}

Setter set_strings(std::vector<std::string>& target) {
  return [&target](const json& v) -> Status<std::string> {
    if (!v.is_array()) return type_error("an array of strings");
    target.clear();
    for (const auto& item : v) {
      if (!item.is_string()) return type_error("an array of strings");
      target.push_back(item.get<std::string>());
    }
    return Ok{};
  };
}

// "tokens": [{"token": "...", "tenant": "acme", "subject": "id"}] (tenant and subject optional).
template <class Credential>
Setter set_credentials(std::vector<Credential>& target, std::vector<std::string> secret_keys) {
  return [&target, secret_keys](const json& v) -> Status<std::string> {
    if (!v.is_array()) return type_error("an array of objects");
    target.clear();
    for (const auto& item : v) {
      if (!item.is_object()) return type_error("an array of objects");
      Credential cred;
      std::vector<std::string*> secrets;
      if constexpr (std::is_same_v<Credential, TokenCredential>) {
        secrets = {&cred.token};
      } else {
        secrets = {&cred.user, &cred.password};
      }
      Section fields{{"tenant", set_string(cred.tenant)}};
      for (std::size_t i = 0; i < secret_keys.size(); ++i) {
        fields[secret_keys[i]] = set_string(*secrets[i]);
      }
      std::string subject;
      fields["subject"] = set_string(subject);
      for (const auto& [key, value] : item.items()) {
        auto it = fields.find(key);
        if (it == fields.end()) return Unexpected{"unknown key '" + key + "'"};
        if (auto st = it->second(value); !st) return Unexpected{key + ": " + st.error()};
      }
      if (!subject.empty()) cred.subject = subject;
      target.push_back(std::move(cred));
    }
    return Ok{};
  };
}

// An array of objects, each filled through the field table `fields_of(item)`; unknown keys are
// errors, as everywhere in the file.
template <class T>
Setter set_objects(std::vector<T>& target, std::function<Section(T&)> fields_of) {
  return [&target, fields_of](const json& v) -> Status<std::string> {
    if (!v.is_array()) return type_error("an array of objects");
    target.clear();
    for (const auto& item : v) {
      if (!item.is_object()) return type_error("an array of objects");
      T value;
      Section fields = fields_of(value);
      for (const auto& [key, field] : item.items()) {
        auto it = fields.find(key);
        if (it == fields.end()) return Unexpected{"unknown key '" + key + "'"};
        if (auto st = it->second(field); !st) return Unexpected{key + ": " + st.error()};
      }
      target.push_back(std::move(value));
    }
    return Ok{};
  };
}

Setter set_whole_seconds(std::chrono::seconds& target) {
  return [&target](const json& v) -> Status<std::string> {
    if (!v.is_number_unsigned()) return type_error("a non-negative whole number of seconds");
    target = std::chrono::seconds(v.get<std::uint64_t>() > 86400 * 365 ? 86400 * 365
                                                                       : v.get<std::uint64_t>());
    return Ok{};
  };
}

// "oauth": the --oauth-* flags (docs/server.md "OAuth"); "clients": [{"id", "jwks", "tenant"}].
Section oauth_section(http::OAuthOptions& o) {
  return {{"issuer", set_string(o.issuer)},
          {"audience", set_string(o.audience)},
          {"jwks", set_string(o.jwks_file)},
          {"tenantClaim", set_string(o.tenant_claim)},
          {"leeway", set_whole_seconds(o.leeway)},
          {"signingKey", set_string(o.signing_key_file)},
          {"signingKid", set_string(o.signing_kid)},
          {"tokenLifetime", set_whole_seconds(o.token_lifetime)},
          {"clients", set_objects<http::OAuthClient>(o.clients, [](http::OAuthClient& client) {
             return Section{{"id", set_string(client.id)},
                            {"jwks", set_string(client.jwks_file)},
                            {"tenant", set_string(client.tenant)}};
           })}};
}

// Whole seconds in the file, any std::chrono duration in the options.
template <class Duration>
Setter set_duration_seconds(Duration& target) {
  return [&target](const json& v) -> Status<std::string> {
    if (!v.is_number_unsigned()) return type_error("a non-negative integer number of seconds");
    target = std::chrono::duration_cast<Duration>(std::chrono::seconds(v.get<std::uint64_t>()));
    return Ok{};
  };
}

// A string mapped through `parse` ("notice" -> PayloadMode::Notice); `expected` names the values.
template <class T, class Parse>
Setter set_parsed(T& target, Parse parse, const char* expected) {
  return [&target, parse, expected](const json& v) -> Status<std::string> {
    if (!v.is_string()) return type_error(expected);
    auto parsed = parse(v.get<std::string>());
    if (!parsed) return type_error(expected);
    target = *parsed;
    return Ok{};
  };
}

// "events": the same settings as the --events-*/--async-*/--bulk-*/--poll-*/--push-* flags
// (docs/events.md), with "feeds" and "receivers" as arrays of objects. One section for the
// SET, async and bulk options, as documented; each key lands in its component's options.
Section events_section(ServerConfig& c) {
  auto& e = c.events;
  auto& a = c.async;
  return {
      {"issuer", set_string(e.hub.issuer)},
      {"payloadMode", set_parsed(e.hub.mode, events::parse_payload_mode, "\"notice\" or \"full\"")},
      {"signingKey", set_string(e.signing_key)},
      {"asyncMode",
       set_parsed(a.mode, async::parse_async_mode, "\"none\", \"request\" or \"long\"")},
      {"asyncWaitSeconds", set_duration_seconds(a.default_wait)},
      {"asyncMaxWaitSeconds", set_duration_seconds(a.max_wait)},
      {"asyncMaxJobs", set_unsigned(a.jobs.max_jobs)},
      {"asyncRetentionSeconds", set_duration_seconds(a.jobs.retention)},
      {"asyncWorkers", set_unsigned(a.runner.workers)},
      {"asyncQueue", set_unsigned(a.runner.queue_capacity)},
      {"bulkMaxOperations", set_unsigned(c.bulk.max_operations)},
      {"bulkMaxPayloadBytes", set_unsigned(c.bulk.max_payload_bytes)},
      {"pollMaxWaitSeconds", set_duration_seconds(e.long_poll.max_wait)},
      {"pollMaxLongPolls", set_unsigned(e.long_poll.max_waiting)},
      {"pollRedeliverySeconds", set_duration_seconds(e.limits.poll.redelivery_after)},
      {"pollRetentionSeconds", set_duration_seconds(e.limits.poll.max_age)},
      {"pollMaxEntries", set_unsigned(e.limits.poll.max_entries)},
      {"pushQueue", set_unsigned(e.limits.push.queue_capacity)},
      {"pushMaxAttempts", set_unsigned(e.limits.push.max_attempts)},
      {"feeds", set_objects<events::FeedOption>(
                    e.feeds,
                    [](events::FeedOption& f) -> Section {
                      return {{"id", set_string(f.id)},
                              {"tenant", set_string(f.tenant)},
                              {"membership", set_parsed(f.membership, events::parse_membership,
                                                        "\"all\" or \"explicit\"")},
                              {"resourceTypes", set_strings(f.resource_types)},
                              {"description", set_string(f.description)}};
                    })},
      {"receivers",
       set_objects<events::PushReceiverOption>(e.receivers,
                                               [](events::PushReceiverOption& r) -> Section {
                                                 return {{"url", set_string(r.url)},
                                                         {"token", set_string(r.token)},
                                                         {"feed", set_string(r.feed)},
                                                         {"tenant", set_string(r.tenant)}};
                                               })},
  };
}

// "pagination": RFC 9865 cursors beside RFC 7644 index paging (docs/server.md "Pagination").
// maxPageSize is service.maxResults.
Section pagination_section(ServerConfig& c) {
  auto& p = c.service.pagination;
  return {
      {"cursor", set_bool(p.cursor)},
      {"index", set_bool(p.index)},
      {"defaultPaginationMethod",
       set_parsed(p.default_method, server::parse_pagination_method, "\"cursor\" or \"index\"")},
      {"defaultPageSize",
       [&p](const json& v) -> Status<std::string> {
         if (!v.is_number_unsigned() || v.get<std::uint64_t>() == 0) {
           return type_error("a positive integer");
         }
         p.default_page_size = v.get<std::size_t>();
         return Ok{};
       }},
      {"cursorTimeoutSeconds", set_duration_seconds(p.cursor_timeout)},
      {"cursorKey", set_string(p.cursor_key)},
  };
}

std::map<std::string, Section> sections(ServerConfig& c) {
  auto& l = c.http.limits;
  return {
      {"http",
       {{"bind", set_string(c.http.bind)},
        {"port", set_unsigned(c.http.port)},
        {"basePath", set_string(c.http.base_path)},
        {"threads", set_unsigned(c.http.threads)}}},
      {"tls",
       {{"cert", set_string(c.http.tls.cert_file)},
        {"key", set_string(c.http.tls.key_file)},
        {"tls13Only", set_bool(c.http.tls.tls13_only)}}},
      {"limits",
       {{"maxHeaderBytes", set_unsigned(l.max_header_bytes)},
        {"maxHeaderFields", set_unsigned(l.max_header_fields)},
        {"maxBodyBytes", set_unsigned(l.max_body_bytes)},
        {"maxBulkBodyBytes", set_unsigned(l.max_bulk_body_bytes)},
        {"maxAdminBodyBytes", set_unsigned(l.max_admin_body_bytes)},
        {"readTimeout", set_seconds(l.read_timeout)},
        {"idleTimeout", set_seconds(l.idle_timeout)},
        {"writeTimeout", set_seconds(l.write_timeout)},
        {"maxConnections", set_unsigned(l.max_connections)},
        {"maxWaitingRequests", set_unsigned(l.max_waiting_requests)},
        {"maxRequestsPerConnection", set_unsigned(l.max_requests_per_connection)},
        {"shutdownTimeout", set_seconds(l.shutdown_timeout)}}},
      {"auth",
       {{"tokens", set_credentials(c.auth.tokens, {"token"})},
        {"basic", set_credentials(c.auth.basic, {"user", "password"})},
        {"tenants", set_strings(c.auth.tenants)},
        {"realm", set_string(c.auth.realm)}}},
      {"service",
       {{"lenient", set_bool(c.service.lenient)},
        {"maxResults", set_unsigned(c.service.max_results)},
        {"seed", set_string(c.seed_file)},
        {"deviate", set_strings(c.deviations)},
        {"bulk", set_bool(c.service.features.bulk)},
        {"sort", set_bool(c.service.features.sort)},
        {"me", set_bool(c.service.features.me)},
        {"rootQuery", set_bool(c.service.features.root_query)},
        {"nestedGroups", set_bool(c.service.features.nested_groups)},
        {"patch", set_bool(c.service.features.patch)},
        {"filter", set_bool(c.service.features.filter)},
        {"changePassword", set_bool(c.service.features.change_password)},
        {"patchStatus", set_patch_status(c.service.patch_no_content)},
        {"filterOperators", set_strings(c.service.features.filter_operators)},
        {"profile",
         set_parsed(c.profile, parse_profile, "\"rfc\", \"interop\" or \"ipsie-al1\"")}}},
      {"rateLimit",
       {{"listPerSecond",
         [&c](const json& v) -> Status<std::string> {
           if (!v.is_number() || v.get<double>() < 0) return type_error("a non-negative number");
           c.rate_limit.list_per_second = v.get<double>();
           return Ok{};
         }},
        {"burst", set_unsigned(c.rate_limit.burst)},
        {"maxTenants", set_unsigned(c.rate_limit.max_tenants)}}},
      {"oauth", oauth_section(c.auth.oauth)},
      {"schemas",
       {{"schemaFiles", set_strings(c.registry.schema_files)},
        {"resourceTypeFiles", set_strings(c.registry.resource_type_files)},
        {"replaceBuiltin", set_bool(c.registry.replace_builtin)},
        {"devices", set_bool(c.registry.devices)}}},
      {"events", events_section(c)},
      {"pagination", pagination_section(c)},
      {"observe", observe_config_keys(c.observe)},
      {"admin",
       {{"tokens", set_strings(c.auth.admin_tokens)},
        {"journalSize", set_unsigned(c.admin.journal.max_entries)},
        {"journalMaxBytes", set_unsigned(c.admin.journal.max_bytes)},
        {"journalBodyBytes", set_unsigned(c.admin.journal.max_body_bytes)},
        {"journalFile", set_string(c.admin.journal_file.path)},
        {"journalFileMaxBytes", set_unsigned(c.admin.journal_file.max_bytes)},
        {"faults",
         [&c](const json& v) -> Status<std::string> {
           if (!v.is_array()) return type_error("an array of fault objects (docs/mock.md)");
           c.admin.faults.assign(v.begin(), v.end());
           return Ok{};
         }},
        {"faultSeed",
         [&c](const json& v) -> Status<std::string> {
           if (!v.is_number_unsigned()) return type_error("a non-negative integer");
           c.admin.fault_seed = v.get<std::uint64_t>();
           return Ok{};
         }}}},
  };
}

}  // namespace

Status<std::string> apply_config_json(const json& doc, ServerConfig& config,
                                      const std::string& source) {
  if (!doc.is_object()) return Unexpected{source + ": the configuration must be a JSON object"};
  auto table = sections(config);
  for (const auto& [name, body] : doc.items()) {
    auto section = table.find(name);
    if (section == table.end()) return Unexpected{source + ": unknown section '" + name + "'"};
    if (!body.is_object()) return Unexpected{source + ": section '" + name + "' must be an object"};
    for (const auto& [key, value] : body.items()) {
      auto setter = section->second.find(key);
      if (setter == section->second.end()) {
        return Unexpected{source + ": unknown key '" + name + "." + key + "'"};
      }
      if (auto st = setter->second(value); !st) {
        return Unexpected{source + ": " + name + "." + key + ": " + st.error()};
      }
    }
  }
  return Ok{};
}

Status<std::string> apply_config_file(const std::string& path, ServerConfig& config) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Unexpected{"cannot read config file " + path + ": " + ec.message()};
  if (size > kMaxConfigFileBytes) return Unexpected{path + ": config file larger than 4 MiB"};
  std::ifstream in(path);
  auto doc = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Unexpected{path + ": not valid JSON"};
  return apply_config_json(doc, config, path);
}

namespace {

// The control plane's bounds: a journal must stay a bounded ring, admin tokens must be usable
// in an Authorization header.
Status<std::string> validate_admin(const ServerConfig& c) {
  auto fail = [](std::string m) { return Status<std::string>(Unexpected{std::move(m)}); };
  for (const auto& token : c.auth.admin_tokens) {
    if (!http::valid_bearer_token(token)) {
      return fail("--admin-token: not a valid bearer token (RFC 6750 §2.1 b64token)");
    }
  }
  const auto& j = c.admin.journal;
  if (j.max_entries > 1'000'000) return fail("--journal-size must be at most 1000000");
  if (j.max_body_bytes > 1024 * 1024) return fail("--journal-body-bytes must be at most 1048576");
  if (j.max_bytes < 1024) return fail("admin.journalMaxBytes must be at least 1024");
  if (c.admin.journal_file.max_bytes < 4096) {
    return fail("--journal-file-max-bytes must be at least 4096");
  }
  const auto admin_body = c.http.limits.max_admin_body_bytes;
  if (admin_body < 1024 || admin_body > (1u << 30)) {
    return fail("--max-admin-body-bytes must be between 1024 and 1073741824");
  }
  return Ok{};
}

}  // namespace

Status<std::string> validate(const ServerConfig& c) {
  const auto& l = c.http.limits;
  auto fail = [](std::string m) { return Status<std::string>(Unexpected{std::move(m)}); };
  const auto& base = c.http.base_path;
  if (!base.empty() && (base.front() != '/' || base.find_first_of("?#% ") != std::string::npos)) {
    return fail("--base-path must start with '/' and contain no '?', '#', '%' or spaces");
  }
  if (c.http.threads > 256) return fail("--threads must be at most 256");
  if (l.max_header_bytes < 1024 || l.max_header_bytes > 1024 * 1024) {
    return fail("--max-header-bytes must be between 1024 and 1048576");
  }
  if (l.max_header_fields < 8 || l.max_header_fields > 10000) {
    return fail("--max-header-fields must be between 8 and 10000");
  }
  if (l.max_body_bytes < 1 || l.max_body_bytes > (1u << 30)) {
    return fail("--max-body-bytes must be between 1 and 1073741824");
  }
  if (l.max_bulk_body_bytes > (1u << 30)) return fail("--max-bulk-body-bytes at most 1 GiB");
  for (auto t : {l.read_timeout, l.idle_timeout, l.write_timeout}) {
    if (t.count() <= 0 || t > std::chrono::hours(1)) {
      return fail("timeouts must be more than 0 and at most 3600 seconds");
    }
  }
  if (l.max_connections < 1 || l.max_connections > 100000) {
    return fail("--max-connections must be between 1 and 100000");
  }
  if (l.max_waiting_requests < 1 || l.max_waiting_requests > 1024) {
    return fail("--max-waiting-requests must be between 1 and 1024");
  }
  if (l.max_requests_per_connection < 1) return fail("--max-requests-per-connection must be >= 1");
  if (c.service.max_results < 1) return fail("--max-results must be at least 1");
  const auto& rl = c.rate_limit;
  if (rl.list_per_second > 1e6 || rl.burst < 1 || rl.burst > 1'000'000 || rl.max_tenants < 1 ||
      rl.max_tenants > 1'000'000) {
    return fail(
        "rate limits: --rate-limit at most 1000000, --rate-limit-burst and rateLimit.maxTenants "
        "between 1 and 1000000");
  }
  for (const auto& op : c.service.features.filter_operators) {
    const auto& names = server::kFilterOperatorNames;
    if (std::find(names.begin(), names.end(), op) == names.end())
      return fail("--filter-operators: unknown operator '" + op +
                  "' (known: eq ne co sw ew pr gt ge lt le and or not)");
  }
  if (c.http.tls.cert_file.empty() != c.http.tls.key_file.empty()) {
    return fail("TLS needs both --tls-cert and --tls-key");
  }
  if (!c.events.signing_key.empty()) {
    if (auto s = events::JwsSigner::hs256(c.events.signing_key); !s) return fail(s.error());
  }
  if (c.events.limits.push.max_attempts < 1) return fail("push attempts must be at least 1");
  if (c.events.limits.poll.max_age.count() <= 0) return fail("poll retention must be positive");
  if (c.bulk.max_operations == 0 || c.bulk.max_payload_bytes == 0 || c.async.jobs.max_jobs == 0) {
    return fail("bulk and async limits must be positive");
  }
  const auto& p = c.service.pagination;
  if (!p.cursor && !p.index) return fail("pagination needs cursor or index (or both) on");
  if (p.default_page_size && *p.default_page_size == 0) return fail("--default-page-size >= 1");
  if (!p.cursor_key.empty() && p.cursor_key.size() < 32) {
    return fail("--cursor-key must be at least 32 bytes");
  }
  if (auto auth = http::Authenticator::create(c.auth); !auth) return fail(auth.error());
  return validate_admin(c);
}

}  // namespace scim::app
