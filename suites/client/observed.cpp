// Journal entries (the admin API's JSON shape, docs/mock.md) as the client checks read them.
#include <algorithm>
#include <cctype>

#include "client_check.hpp"

namespace scim::suites::client {
namespace {

using json = nlohmann::json;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

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
    if (value.is_string()) out[lower(name)] = value.get<std::string>();
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

}  // namespace

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
    o.leniencies = strings_of(e.value("leniencies", json::array()));
    if (e.contains("fault") && e["fault"].is_string()) o.fault = e["fault"].get<std::string>();
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace scim::suites::client
