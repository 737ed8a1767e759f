// The control plane's tenant operations (see control_plane.hpp): create, list, get, delete,
// tokens, reset, settings, receivers and the journals. Each change validates everything first,
// then applies its steps in an order that keeps the tenant unreachable until it is complete
// (create: credentials last) or unreachable at once (delete: credentials first).
#include "scim/server/admin/control_plane.hpp"

#include "scim/protocol/error.hpp"
#include "scim/protocol/uuid.hpp"
#include "scim/server/admin/journal_json.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;

std::optional<std::string> string_member(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

Status<> only_keys(const json& object, std::initializer_list<const char*> keys,
                   const std::string& what) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) return invalid_value("unknown member \"" + key + "\" in " + what);
  }
  return Ok{};
}

// "tokens": ["abc", {"token": "def", "subject": "2819c223"}]
Result<std::vector<http::TokenCredential>> parse_tokens(const json& list, std::size_t max) {
  std::vector<http::TokenCredential> out;
  if (!list.is_array()) return invalid_value("\"tokens\" must be an array");
  if (list.size() > max) return invalid_value("at most " + std::to_string(max) + " tokens");
  for (const auto& item : list) {
    http::TokenCredential cred;
    if (item.is_string()) {
      cred.token = item.get<std::string>();
    } else if (item.is_object()) {
      if (auto st = only_keys(item, {"token", "subject"}, "a token"); !st) return st.error();
      cred.token = string_member(item, "token").value_or("");
      cred.subject = string_member(item, "subject");
    }
    if (!http::valid_bearer_token(cred.token) || cred.token.size() > 4096) {
      return invalid_value("each token must be an RFC 6750 b64token of at most 4096 characters");
    }
    out.push_back(std::move(cred));
  }
  return out;
}

// "basic": [{"user": "alice", "password": "pw", "subject": "2819c223"}]
Result<std::vector<http::BasicCredential>> parse_basic(const json& list, std::size_t max) {
  std::vector<http::BasicCredential> out;
  if (!list.is_array()) return invalid_value("\"basic\" must be an array");
  if (list.size() > max) return invalid_value("at most " + std::to_string(max) + " Basic users");
  for (const auto& item : list) {
    if (!item.is_object()) return invalid_value("each Basic user must be an object");
    if (auto st = only_keys(item, {"user", "password", "subject"}, "a Basic user"); !st) {
      return st.error();
    }
    http::BasicCredential cred;
    cred.user = string_member(item, "user").value_or("");
    cred.password = string_member(item, "password").value_or("");
    cred.subject = string_member(item, "subject");
    if (cred.user.empty() || cred.user.find(':') != std::string::npos || cred.password.empty()) {
      return invalid_value("a Basic user needs a \"user\" without ':' and a \"password\"");
    }
    out.push_back(std::move(cred));
  }
  return out;
}

json page_json(const Journal& journal, const JournalQuery& query) {
  auto page = journal.query(query);
  json entries = json::array();
  for (const auto& e : page.entries) entries.push_back(to_json(e));
  return {{"matched", page.matched},
          {"stats", to_json(journal.stats())},
          {"entries", std::move(entries)}};
}

}  // namespace

ControlPlane::ControlPlane(ControlPlaneParts parts, ControlPlaneOptions options)
    : parts_(parts), options_(std::move(options)) {}

void ControlPlane::adopt_startup_tenants() {
  for (const auto& name : parts_.auth.tenants()) parts_.journals.add_tenant(name);
}

Status<> ControlPlane::known(const std::string& name) const {
  if (!parts_.auth.has_tenant(name)) return not_found("tenant \"" + name + "\" not found");
  return Ok{};
}

Result<server::ServiceConfig> ControlPlane::configured(const json& settings) const {
  return apply_settings(settings, parts_.service.config(), options_.bounds);
}

json ControlPlane::tenant_json(const std::string& name) const {
  json resources = json::object();
  if (auto store = parts_.tenants.store(name)) {
    for (const auto& type : store->type_names()) resources[type] = store->size(type);
  }
  json credentials = json::array();
  for (const auto& c : parts_.auth.credentials(name)) {
    json item = {{"name", c.name}, {"scheme", c.scheme}, {"fingerprint", c.fingerprint}};
    if (c.subject) item["subject"] = *c.subject;
    credentials.push_back(std::move(item));
  }
  auto settings = settings_.find(name);
  json out = {{"name", name},
              {"basePath", "/tenants/" + name + options_.base_path},
              {"resources", std::move(resources)},
              {"credentials", std::move(credentials)},
              {"settings", settings == settings_.end() ? json::object() : settings->second}};
  if (auto journal = parts_.journals.tenant(name)) out["journal"] = to_json(journal->stats());
  return out;
}

json ControlPlane::list_tenants() const {
  std::lock_guard lock(mu_);
  json tenants = json::array();
  for (const auto& name : parts_.auth.tenants()) tenants.push_back(tenant_json(name));
  return {{"totalResults", tenants.size()}, {"tenants", std::move(tenants)}};
}

Result<json> ControlPlane::get_tenant(const std::string& name) const {
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  return tenant_json(name);
}

// Credentials of a create or token request; `generated` receives a made-up token when the body
// names none (shown to the caller once, never again).
Status<> ControlPlane::add_credentials(const std::string& name, const json& body, json& generated) {
  std::vector<http::TokenCredential> tokens;
  std::vector<http::BasicCredential> basic;
  if (auto it = body.find("tokens"); it != body.end()) {
    auto parsed = parse_tokens(*it, options_.limits.max_tokens_per_tenant);
    if (!parsed) return parsed.error();
    tokens = std::move(*parsed);
  }
  if (auto it = body.find("basic"); it != body.end()) {
    auto parsed = parse_basic(*it, options_.limits.max_basic_users_per_tenant);
    if (!parsed) return parsed.error();
    basic = std::move(*parsed);
  }
  if (tokens.empty() && basic.empty()) {
    tokens.push_back({new_uuid_v4(), name, std::nullopt});
    generated.push_back(tokens.back().token);
  }
  return parts_.auth.add_credentials(name, std::move(tokens), std::move(basic));
}

Result<json> ControlPlane::create_tenant(const json& body, const std::string& by) {
  if (!body.is_object()) return invalid_value("the body must be a JSON object");
  if (auto st = only_keys(body, {"name", "tokens", "basic", "settings"}, "a tenant"); !st) {
    return st.error();
  }
  const std::string name = string_member(body, "name").value_or("");
  const json settings = body.value("settings", json::object());
  auto config = configured(settings);
  if (!config) return config.error();
  std::lock_guard lock(mu_);
  if (!http::valid_tenant_name(name)) {
    return invalid_value("\"name\" must be 1-64 of A-Z a-z 0-9 . _ - (it appears in URLs)");
  }
  if (parts_.auth.has_tenant(name)) return uniqueness("tenant \"" + name + "\" exists");
  if (!parts_.tenants.add(name)) {
    return http_error(507, "the server holds its maximum of " +
                               std::to_string(parts_.tenants.max_tenants()) + " tenants");
  }
  parts_.journals.add_tenant(name);
  if (!settings.empty()) parts_.service.set_tenant_config(name, std::move(*config));
  // Credentials last: the tenant is complete before its first request can arrive.
  json generated = json::array();
  auto st = parts_.auth.add_tenant(name);
  if (st) st = add_credentials(name, body, generated);
  if (!st) {
    parts_.auth.remove_tenant(name);
    parts_.service.set_tenant_config(name, std::nullopt);
    parts_.journals.remove_tenant(name);
    parts_.tenants.remove(name);
    return st.error();
  }
  if (!settings.empty()) settings_[name] = settings;
  parts_.journals.audit(name, by, "tenant.create", {{"name", name}, {"settings", settings}});
  json out = tenant_json(name);
  if (!generated.empty()) out["generatedTokens"] = std::move(generated);
  return out;
}

Status<> ControlPlane::delete_tenant(const std::string& name, const std::string& by) {
  std::lock_guard lock(mu_);
  // Credentials first: from here on no new request reaches the tenant.
  if (!parts_.auth.remove_tenant(name)) return not_found("tenant \"" + name + "\" not found");
  parts_.tenants.remove(name);
  parts_.service.set_tenant_config(name, std::nullopt);
  parts_.feeds.remove_tenant(name);
  parts_.jobs.forget_tenant(name);
  parts_.journals.remove_tenant(name);
  parts_.faults.remove_tenant(name);
  settings_.erase(name);
  parts_.journals.audit(name, by, "tenant.delete", {{"name", name}});
  return Ok{};
}

Result<json> ControlPlane::set_tokens(const std::string& name, const json& body, bool replace,
                                      const std::string& by) {
  if (!body.is_object()) return invalid_value("the body must be a JSON object");
  if (auto st = only_keys(body, {"tokens"}, "a token request"); !st) return st.error();
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  json generated = json::array();
  std::vector<http::TokenCredential> tokens;
  if (auto it = body.find("tokens"); it != body.end()) {
    auto parsed = parse_tokens(*it, options_.limits.max_tokens_per_tenant);
    if (!parsed) return parsed.error();
    tokens = std::move(*parsed);
  }
  if (tokens.empty()) {
    tokens.push_back({new_uuid_v4(), name, std::nullopt});
    generated.push_back(tokens.back().token);
  }
  const std::size_t count = tokens.size();
  auto st = replace ? parts_.auth.replace_tokens(name, std::move(tokens))
                    : parts_.auth.add_credentials(name, std::move(tokens), {});
  if (!st) return st.error();
  parts_.journals.audit(name, by, replace ? "tokens.rotate" : "tokens.add", {{"tokens", count}});
  json out = tenant_json(name);
  if (!generated.empty()) out["generatedTokens"] = std::move(generated);
  return out;
}

Result<json> ControlPlane::reset_tenant(const std::string& name, const std::string& by) {
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  if (auto store = parts_.tenants.store(name)) store->clear();
  parts_.feeds.reset_tenant(name);
  parts_.jobs.forget_tenant(name);
  if (auto journal = parts_.journals.tenant(name)) journal->clear();
  if (auto faults = parts_.faults.tenant(name, false)) faults->reset_counters();
  parts_.journals.audit(name, by, "tenant.reset", json::object());
  return tenant_json(name);
}

Result<json> ControlPlane::get_settings(const std::string& name) const {
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  auto it = settings_.find(name);
  return json{{"settings", it == settings_.end() ? json::object() : it->second},
              {"effective", effective_settings(*parts_.service.config_for(name))}};
}

Result<json> ControlPlane::change_settings(const std::string& name, const json& body, bool merge,
                                           const std::string& by) {
  if (!body.is_object()) return invalid_value("settings must be a JSON object");
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  json settings = body;
  if (merge) {
    // RFC 7396: members of the patch replace those of the settings; null removes one.
    auto it = settings_.find(name);
    settings = it == settings_.end() ? json::object() : it->second;
    settings.merge_patch(body);
  }
  auto config = configured(settings);
  if (!config) return config.error();
  if (settings.empty()) {
    parts_.service.set_tenant_config(name, std::nullopt);
    settings_.erase(name);
  } else {
    parts_.service.set_tenant_config(name, std::move(*config));
    settings_[name] = settings;
  }
  parts_.journals.audit(name, by, merge ? "settings.patch" : "settings.replace",
                        {{"request", body}, {"settings", settings}});
  return json{{"settings", settings},
              {"effective", effective_settings(*parts_.service.config_for(name))}};
}

Result<json> ControlPlane::list_receivers(const std::string& name) const {
  if (auto st = known(name); !st) return st.error();
  return json{{"receivers", parts_.feeds.receivers_json(name)}};
}

Result<json> ControlPlane::add_receiver(const std::string& name, const json& body,
                                        const std::string& by) {
  if (!body.is_object()) return invalid_value("the body must be a JSON object");
  if (auto st = only_keys(body, {"url", "token", "feed"}, "a receiver"); !st) return st.error();
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  const std::string url = string_member(body, "url").value_or("");
  const std::string feed = string_member(body, "feed").value_or("default");
  auto id = parts_.feeds.add_receiver(name, feed, {url, string_member(body, "token").value_or("")});
  if (!id) return id.error();
  parts_.journals.audit(name, by, "receiver.add", {{"id", *id}, {"url", url}, {"feed", feed}});
  return json{{"id", *id}, {"url", url}, {"feed", feed}};
}

Status<> ControlPlane::remove_receiver(const std::string& name, const std::string& id,
                                       const std::string& by) {
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  if (auto st = parts_.feeds.remove_receiver(name, id); !st) return st.error();
  parts_.journals.audit(name, by, "receiver.remove", {{"id", id}});
  return Ok{};
}

Result<json> ControlPlane::journal(const std::string& name,
                                   const std::map<std::string, std::string>& query) const {
  auto journal = parts_.journals.tenant(name);
  if (!journal || !parts_.auth.has_tenant(name)) {
    return not_found("tenant \"" + name + "\" not found");
  }
  auto q = parse_journal_query(query, journal->limits().max_entries);
  if (!q) return q.error();
  json out = page_json(*journal, *q);
  out["tenant"] = name;
  return out;
}

Status<> ControlPlane::clear_journal(const std::string& name, const std::string& by) {
  std::lock_guard lock(mu_);
  auto journal = parts_.journals.tenant(name);
  if (!journal || !parts_.auth.has_tenant(name)) {
    return not_found("tenant \"" + name + "\" not found");
  }
  journal->clear();
  parts_.journals.audit(name, by, "journal.clear", json::object());
  return Ok{};
}

Result<json> ControlPlane::server_journal(const std::map<std::string, std::string>& query) {
  Journal& journal = parts_.journals.server();
  auto q = parse_journal_query(query, journal.limits().max_entries);
  if (!q) return q.error();
  return page_json(journal, *q);
}

}  // namespace scim::admin
