// The mock tools (see mock_tools.hpp): each is one admin API call (docs/mock.md "Admin API
// reference"). The server validates every argument the way it validates the HTTP API, so its
// 4xx answer (SCIM error shape) becomes a tool error the model can read and correct.
#include "scim/mcp/mock_tools.hpp"

#include <algorithm>

#include "scim_support.hpp"

namespace scim::mcp {
namespace {

using scim_tools::kMaxText;
constexpr int kDefaultJournalLimit = 20;  // a model's context is precious; bodies are large

class AdminApi {
 public:
  AdminApi(AdminOptions options, Target& target) : options_(std::move(options)), target_(target) {}

  conf::HttpResponse send(const std::string& method, const std::string& path,
                          const json* body = nullptr) {
    conf::HttpRequest r;
    r.method = method;
    r.url = options_.url + path;
    r.headers = {{"Authorization", "Bearer " + options_.token}, {"Accept", "application/json"}};
    if (body != nullptr) {
      r.headers.emplace_back("Content-Type", "application/json");
      r.body = body->dump();
    }
    r.timeout = options_.timeout;
    return target_.transport().send(r);
  }

  // Neither the admin token nor the target's secrets leave the tool.
  std::string redact(std::string text) const {
    text = target_.redact(std::move(text));
    if (options_.token.empty()) return text;
    for (auto at = text.find(options_.token); at != std::string::npos;
         at = text.find(options_.token, at)) {
      text.replace(at, options_.token.size(), "[redacted]");
    }
    return text;
  }

  // 2xx: the answer's JSON as structured content and `summary` as text; otherwise a tool error
  // with the server's status, scimType and detail.
  ToolResult result(const conf::HttpResponse& response, const std::string& summary,
                    json structured) const {
    if (response.status < 200 || response.status >= 300) {
      return ToolResult::error(redact(describe_failure(response)), {{"status", response.status}});
    }
    ToolResult r;
    r.structured = json::parse(redact(structured.dump()));
    r.text = redact(summary);
    if (r.text.size() > kMaxText) r.text = r.text.substr(0, kMaxText) + "\n[cut]";
    return r;
  }

  const AdminOptions& options() const { return options_; }

 private:
  AdminOptions options_;
  Target& target_;
};

std::string tenant_path(const json& a) {
  return "/tenants/" + conf::percent_encode(a["tenant"].get<std::string>());
}

json object_of(const conf::HttpResponse& r) {
  auto body = r.json();
  return body && body->is_object() ? *body : json::object();
}

json tenant_property() {
  return {{"type", "string"},
          {"pattern", "^[A-Za-z0-9._-]{1,64}$"},
          {"description", "The tenant's name (\"default\" is the server's own tenant)."}};
}

json schema(json properties, json required) {
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

ToolResult tenant_create(AdminApi& api, const json& a) {
  auto r = api.send("POST", "/tenants", &a);
  json out = object_of(r);
  // Secrets are returned once by the server; a tool result is kept in transcripts, so they are
  // counted, not shown.
  std::size_t generated = 0;
  if (auto it = out.find("generatedTokens"); it != out.end() && it->is_array()) {
    generated = it->size();
    out.erase(it);
  }
  const std::string root = api.options().url.substr(0, api.options().url.rfind("/admin/v1"));
  std::string text = "created tenant " + a["name"].get<std::string>() + "; SCIM base URL: " + root +
                     out.value("basePath", std::string());
  if (generated > 0) {
    out["generatedTokenCount"] = generated;
    text += "\n" + std::to_string(generated) +
            " token(s) generated and not shown (credentials never appear in tool output); pass "
            "\"tokens\" to choose the tenant's bearer tokens";
  }
  return api.result(r, text, std::move(out));
}

ToolSpec tenant_create_spec() {
  return {.name = "mock_tenant_create",
          .title = "Create a mock tenant",
          .description =
              "Creates a tenant on the reference server (docs/mock.md): its own data, bearer "
              "tokens, optional Basic users and settings (mode, leniencies, maxResults, bulk, "
              "etag, sort, me, rootQuery, nestedGroups, filterOperators, patch, filter, "
              "changePassword, patchStatus). Its SCIM base is /tenants/{name}/scim/v2.",
          .input_schema = schema(
              {{"name", tenant_property()},
               {"tokens",
                {{"type", "array"},
                 {"items", {{"type", "string"}}},
                 {"maxItems", 32},
                 {"description", "Bearer tokens (RFC 6750 b64token); omitted: one generated"}}},
               {"basic",
                {{"type", "array"},
                 {"items", {{"type", "object"}}},
                 {"description", "Basic users: {\"user\", \"password\", \"subject\"?}"}}},
               {"settings",
                {{"type", "object"},
                 {"description", "Runtime settings, e.g. {\"patchStatus\": 204}"}}}},
              {"name"}),
          .hints = {},
          .writes = true};
}

ToolResult tenant_reset(AdminApi& api, const json& a) {
  auto r = api.send("POST", tenant_path(a) + "/reset");
  return api.result(r,
                    "reset tenant " + a["tenant"].get<std::string>() +
                        ": data, journal, event queues and fault counters emptied; credentials, "
                        "settings and faults kept",
                    object_of(r));
}

ToolSpec tenant_reset_spec() {
  return {.name = "mock_tenant_reset",
          .title = "Reset a mock tenant",
          .description =
              "Empties a tenant's data, journal, event queues and fault counters; keeps its "
              "credentials, settings, faults and receivers.",
          .input_schema = schema({{"tenant", tenant_property()}}, {"tenant"}),
          .hints = {.destructive = true, .idempotent = true},
          .writes = true};
}

json fault_schema() {
  json kinds = {"latency", "error", "rateLimit", "reset", "close", "truncate"};
  return {{"type", "object"},
          {"description",
           "A fault (docs/mock.md): type, and which requests it matches (method, path glob such "
           "as /Users/*), probability 0..1, times (fail the next N matches), and per type: "
           "latency delayMs/jitterMs; error status (500, 502, 503, 504); rateLimit "
           "retryAfterSeconds; reset/close afterProcessing; truncate bytes."},
          {"properties",
           {{"type", {{"type", "string"}, {"enum", kinds}}},
            {"id", {{"type", "string"}}},
            {"method", {{"type", "string"}}},
            {"path", {{"type", "string"}}},
            {"probability", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
            {"times", {{"type", "integer"}, {"minimum", 1}}},
            {"status", {{"type", "integer"}}},
            {"delayMs", {{"type", "integer"}, {"minimum", 0}}},
            {"jitterMs", {{"type", "integer"}, {"minimum", 0}}},
            {"retryAfterSeconds", {{"type", "integer"}, {"minimum", 0}}},
            {"afterProcessing", {{"type", "boolean"}}},
            {"bytes", {{"type", "integer"}, {"minimum", 0}}}}},
          {"required", {"type"}},
          {"additionalProperties", false}};
}

ToolResult fault_set(AdminApi& api, const json& a) {
  auto r = api.send("POST", tenant_path(a) + "/faults", &a["fault"]);
  json out = object_of(r);
  // The text is made before `out` is moved into the call (argument order is unspecified).
  const std::string text = "fault " + out.value("id", std::string("?")) + " (" +
                           a["fault"]["type"].get<std::string>() + ") set on tenant " +
                           a["tenant"].get<std::string>();
  return api.result(r, text, std::move(out));
}

ToolSpec fault_set_spec() {
  return {.name = "mock_fault_set",
          .title = "Inject a fault",
          .description =
              "Adds a fault to a tenant: matching requests get latency, a 5xx, a 429 with "
              "Retry-After, a reset or closed connection, or a truncated body. mock_journal shows "
              "which requests it hit.",
          .input_schema = schema({{"tenant", tenant_property()}, {"fault", fault_schema()}},
                                 {"tenant", "fault"}),
          .hints = {},
          .writes = true};
}

ToolResult fault_clear(AdminApi& api, const json& a) {
  const bool one = a.contains("id");
  const std::string path =
      tenant_path(a) + "/faults" +
      (one ? "/" + conf::percent_encode(a["id"].get<std::string>()) : std::string());
  auto r = api.send("DELETE", path);
  return api.result(
      r,
      (one ? "removed fault " + a["id"].get<std::string>() : std::string("removed every fault")) +
          " of tenant " + a["tenant"].get<std::string>(),
      json{{"status", r.status}});
}

ToolSpec fault_clear_spec() {
  return {.name = "mock_fault_clear",
          .title = "Remove faults",
          .description = "Removes one fault of a tenant by id, or all of them when no id is given.",
          .input_schema =
              schema({{"tenant", tenant_property()}, {"id", {{"type", "string"}}}}, {"tenant"}),
          .hints = {.destructive = true, .idempotent = true},
          .writes = true};
}

std::string journal_query(const json& a) {
  std::string q = "?limit=" + std::to_string(a.value("limit", kDefaultJournalLimit));
  for (const char* key : {"method", "path", "status", "since", "until", "kind"}) {
    if (a.contains(key)) {
      q += std::string("&") + key + "=" + conf::percent_encode(a[key].get<std::string>());
    }
  }
  return q;
}

std::string entry_line(const json& e) {
  std::string line = std::to_string(e.value("seq", 0)) + " " + e.value("time", "");
  if (e.value("kind", "") == "audit") return line + " audit " + e.value("action", "");
  const json req = e.value("request", json::object());
  const json resp = e.value("response", json::object());
  line += " " + req.value("method", "") + " " + req.value("path", "") + " -> " +
          std::to_string(resp.value("status", 0));
  if (e.contains("fault") && e["fault"].is_string())
    line += " fault: " + e["fault"].get<std::string>();
  if (!e.value("variants", json::array()).empty()) line += " variants: " + e["variants"].dump();
  if (!e.value("leniencies", json::array()).empty()) {
    line += " leniencies: " + e["leniencies"].dump();
  }
  return line;
}

ToolResult journal(AdminApi& api, const json& a) {
  auto r = api.send("GET", tenant_path(a) + "/journal" + journal_query(a));
  json out = object_of(r);
  std::string text = "journal of " + a["tenant"].get<std::string>() + ": " +
                     std::to_string(out.value("matched", 0)) + " matching, oldest first";
  for (const auto& e : out.value("entries", json::array())) text += "\n" + entry_line(e);
  return api.result(r, text, std::move(out));
}

ToolSpec journal_spec() {
  json s = {{"type", "string"}};
  return {
      .name = "mock_journal",
      .title = "Read a tenant's request journal",
      .description =
          "What clients sent to a tenant and what they got back (credentials redacted), "
          "with the faults, variants and leniencies applied, and the admin changes (audit "
          "entries). Filters combine with and; the most recent `limit` matches (default 20).",
      .input_schema = schema({{"tenant", tenant_property()},
                              {"method", s},
                              {"path", {{"type", "string"}, {"description", "a glob"}}},
                              {"status", {{"type", "string"}, {"description", "404 or 4xx"}}},
                              {"since", {{"type", "string"}, {"description", "RFC 3339"}}},
                              {"until", {{"type", "string"}, {"description", "RFC 3339"}}},
                              {"kind", {{"type", "string"}, {"enum", {"request", "audit"}}}},
                              {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}}}},
                             {"tenant"}),
      .hints = {.read_only = true}};
}

}  // namespace

std::string admin_api_url(const std::string& admin_url, const std::string& base_url) {
  if (!admin_url.empty())
    return admin_url.back() == '/' ? admin_url.substr(0, admin_url.size() - 1) : admin_url;
  if (base_url.empty()) return {};
  std::string root = base_url;
  while (!root.empty() && root.back() == '/') root.pop_back();
  const std::string scim = "/scim/v2";
  if (root.size() >= scim.size() &&
      root.compare(root.size() - scim.size(), scim.size(), scim) == 0) {
    root.resize(root.size() - scim.size());
  }
  // A tenant's base (RFC 7644 §6.1, docs/mock.md): /tenants/{name}/scim/v2.
  const auto slash = root.rfind('/');
  if (slash != std::string::npos && slash >= 8 && root.compare(slash - 8, 9, "/tenants/") == 0) {
    root.resize(slash - 8);
  }
  return root + "/admin/v1";
}

std::vector<std::shared_ptr<Tool>> make_mock_tools(AdminOptions options, Target& target) {
  auto api = std::make_shared<AdminApi>(std::move(options), target);
  auto tool = [api](ToolSpec (*spec)(), ToolResult (*call)(AdminApi&, const json&)) {
    return std::make_shared<FunctionTool>(
        spec, [api, call](const json& a, RequestContext&) { return call(*api, a); });
  };
  return {tool(tenant_create_spec, tenant_create), tool(tenant_reset_spec, tenant_reset),
          tool(fault_set_spec, fault_set), tool(fault_clear_spec, fault_clear),
          tool(journal_spec, journal)};
}

}  // namespace scim::mcp
