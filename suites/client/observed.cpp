// Journal entries (the admin API's JSON shape, docs/mock.md) as the client checks read them.
#include <algorithm>
#include <cctype>

#include "client_check.hpp"

namespace scim::suites::client {
namespace {

using json = nlohmann::json;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// application/x-www-form-urlencoded decoding of one query component ('+' is a space).
std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

std::map<std::string, std::string> query_of(const std::string& target) {
  std::map<std::string, std::string> out;
  const auto q = target.find('?');
  if (q == std::string::npos) return out;
  std::size_t start = q + 1;
  while (start <= target.size()) {
    auto end = target.find('&', start);
    if (end == std::string::npos) end = target.size();
    const std::string part = target.substr(start, end - start);
    const auto eq = part.find('=');
    if (!part.empty()) {
      out[url_decode(part.substr(0, eq))] =
          eq == std::string::npos ? "" : url_decode(part.substr(eq + 1));
    }
    start = end + 1;
  }
  return out;
}

std::map<std::string, std::string> headers_of(const json& h) {
  std::map<std::string, std::string> out;
  if (!h.is_object()) return out;
  for (const auto& [name, value] : h.items()) {
    if (value.is_string()) out[lower_case(name)] = value.get<std::string>();
  }
  return out;
}

std::optional<json> json_of(const json& part) {
  auto it = part.find("json");
  if (it == part.end()) return std::nullopt;
  return *it;
}

std::vector<std::string> strings_of(const json& v) {
  std::vector<std::string> out;
  if (!v.is_array()) return out;
  for (const auto& s : v) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

std::int64_t int_of(const json& doc, const char* key, std::int64_t fallback) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

// The journal records "page" when a ListResponse's body was cut short; otherwise the captured
// body says it all.
std::optional<Page> page_of(const json& entry, const std::optional<json>& response) {
  const json* doc = nullptr;
  if (auto it = entry.find("page"); it != entry.end() && it->is_object()) doc = &*it;
  if (doc == nullptr && response && response->is_object()) doc = &*response;
  if (doc == nullptr || !doc->contains("totalResults")) return std::nullopt;
  Page p;
  p.total = int_of(*doc, "totalResults", 0);
  p.start_index = int_of(*doc, "startIndex", 1);
  p.items = int_of(*doc, "itemsPerPage", 0);
  if (doc->contains("Resources") && (*doc)["Resources"].is_array() &&
      !doc->contains("itemsPerPage")) {
    p.items = static_cast<std::int64_t>((*doc)["Resources"].size());
  }
  if (auto c = doc->find("nextCursor"); c != doc->end() && c->is_string()) {
    p.next_cursor = c->get<std::string>();
  }
  return p;
}

}  // namespace

std::string lower_case(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

const std::string* Observed::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? nullptr : &it->second;
}

std::string Observed::scim_type() const {
  if (status < 400 || !response_json || !response_json->is_object()) return {};
  return response_json->value("scimType", "");
}

std::string Observed::endpoint() const {
  if (path.size() < 2 || path[0] != '/') return {};
  const auto slash = path.find('/', 1);
  std::string first = path.substr(0, slash);
  return first == "/.search" ? std::string() : first;
}

bool Observed::is_resource_write() const {
  const std::string ep = endpoint();
  if (ep.empty() || ep == "/Bulk" || ep == "/Me") return false;
  const bool item = path.find('/', 1) != std::string::npos && path != ep + "/.search";
  if (method == "POST") return !item;
  return item && (method == "PUT" || method == "PATCH");
}

std::string media_type(const std::string& value) {
  std::string t = value.substr(0, value.find(';'));
  t.erase(std::remove_if(t.begin(), t.end(), [](unsigned char c) { return std::isspace(c); }),
          t.end());
  return lower_case(t);
}

bool writes_body(const Observed& o) {
  return o.has_body() && (o.method == "POST" || o.method == "PUT" || o.method == "PATCH");
}

bool is_patch(const Observed& o) {
  return o.method == "PATCH" && o.endpoint() != "" && o.json && o.json->is_object();
}

const json* patch_operations(const Observed& o) {
  if (!o.json || !o.json->is_object()) return nullptr;
  auto it = o.json->find("Operations");
  return it != o.json->end() && it->is_array() ? &*it : nullptr;
}

std::optional<std::string> filter_of(const Observed& o) {
  if (auto it = o.query.find("filter"); it != o.query.end()) return it->second;
  const bool search = o.method == "POST" && o.path.size() >= 8 &&
                      o.path.compare(o.path.size() - 8, 8, "/.search") == 0;
  if (!search || !o.json || !o.json->is_object()) return std::nullopt;
  auto it = o.json->find("filter");
  if (it == o.json->end()) return std::nullopt;
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::vector<Observed> observe(const json& entries) {
  std::vector<Observed> out;
  if (!entries.is_array()) return out;
  for (const auto& e : entries) {
    if (!e.is_object() || e.value("kind", "request") != "request") continue;
    const json request = e.value("request", json::object());
    const json response = e.value("response", json::object());
    Observed o;
    o.index = out.size();
    o.seq = e.value("seq", std::int64_t{0});
    o.epoch_ms = e.value("epochMs", std::int64_t{0});
    o.method = request.value("method", "");
    o.target = request.value("target", "");
    o.path = request.value("path", "");
    if (auto q = o.path.find('?'); q != std::string::npos) o.path.resize(q);
    o.query = query_of(o.target);
    o.headers = headers_of(request.value("headers", json::object()));
    o.body = request.value("body", "");
    o.json = json_of(request);
    o.status = response.value("status", 0);
    o.response_headers = headers_of(response.value("headers", json::object()));
    o.response_json = json_of(response);
    o.page = page_of(e, o.response_json);
    o.leniencies = strings_of(e.value("leniencies", json::array()));
    if (e.contains("fault") && e["fault"].is_string()) o.fault = e["fault"].get<std::string>();
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace scim::suites::client
