// Redaction of exchanges before they are stored in a check's transcript.
#include "scim/conformance/client/redact.hpp"

#include <algorithm>

#include "scim/conformance/http.hpp"
#include "scim/conformance/json_limits.hpp"

namespace scim::conf {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool is_secret_member(std::string_view name) {
  static const std::set<std::string, std::less<>> kNames = {
      "password", "access_token", "refresh_token", "id_token", "client_secret"};
  return kNames.contains(lower(name));
}

// Returns whether anything was replaced, so untouched bodies keep their original bytes.
bool redact_json(nlohmann::json& doc) {
  bool changed = false;
  if (doc.is_object()) {
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      if (is_secret_member(it.key())) {
        it.value() = kRedacted;
        changed = true;
      } else {
        changed = redact_json(it.value()) || changed;  // depth bounded by parse_json_limited
      }
    }
  } else if (doc.is_array()) {
    for (auto& item : doc) changed = redact_json(item) || changed;
  }
  return changed;
}

void replace_all(std::string& text, std::string_view needle) {
  // Very short "secrets" would shred the transcript without protecting anything real.
  if (needle.size() < 3) return;
  for (auto pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + kRedacted.size())) {
    text.replace(pos, needle.size(), kRedacted);
  }
}

void redact_headers(Headers& headers, const RedactionRules& rules) {
  for (auto& [name, value] : headers) {
    if (rules.headers.contains(lower(name))) {
      // Keep the scheme ("Bearer ***") so a transcript still shows which mechanism was used.
      const auto space = value.find(' ');
      const bool has_scheme =
          lower(name).find("authorization") != std::string::npos && space != std::string::npos;
      value =
          has_scheme ? value.substr(0, space + 1) + std::string(kRedacted) : std::string(kRedacted);
    }
    for (const auto& secret : rules.secrets) replace_all(value, secret);
  }
}

}  // namespace

RedactionRules RedactionRules::defaults() {
  RedactionRules rules;
  rules.headers = {"authorization", "proxy-authorization", "cookie", "set-cookie"};
  return rules;
}

std::string redact_body(std::string_view body, const RedactionRules& rules) {
  std::string out(body);
  if (auto doc = parse_json_limited(body); doc && redact_json(*doc)) out = doc->dump();
  for (const auto& secret : rules.secrets) {
    replace_all(out, secret);
    replace_all(out, percent_encode(secret));  // form-encoded bodies (OAuth token requests)
  }
  return out;
}

void redact(Exchange& exchange, const RedactionRules& rules) {
  redact_headers(exchange.request_headers, rules);
  redact_headers(exchange.response_headers, rules);
  exchange.request_body = redact_body(exchange.request_body, rules);
  exchange.response_body = redact_body(exchange.response_body, rules);
  for (const auto& secret : rules.secrets) {
    replace_all(exchange.url, secret);
    replace_all(exchange.url, percent_encode(secret));
  }
}

Exchange recorded_exchange(const HttpRequest& request, const HttpResponse& response,
                           const RedactionRules& rules) {
  Exchange ex;
  ex.method = request.method;
  ex.url = request.url;
  ex.request_headers = request.headers;
  ex.request_body = request.body;
  ex.status = response.status;
  ex.response_headers = response.headers;
  ex.response_body = response.body;
  ex.elapsed = response.elapsed;
  ex.transport_error = response.transport_error;
  redact(ex, rules);
  return ex;
}

}  // namespace scim::conf
