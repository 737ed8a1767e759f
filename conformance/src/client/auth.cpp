// Authentication headers and the OAuth 2.0 client-credentials grant (RFC 6749 §4.4), with client
// secret or private_key_jwt (RFC 7523) client authentication.
#include "scim/conformance/client/auth.hpp"

#include <algorithm>
#include <utility>

#include "scim/conformance/client/oauth_jwt.hpp"
#include "scim/conformance/json_limits.hpp"
#include "scim/protocol/encoding.hpp"

namespace scim::conf {

Authenticator::Authenticator(AuthConfig config, Transport& transport, Clock clock)
    : config_(std::move(config)), transport_(transport), clock_(std::move(clock)) {
  if (config_.oauth) token_url_ = config_.oauth->token_url;
}

Result<Headers, std::string> Authenticator::headers() {
  Headers out;
  if (config_.oauth) {
    auto token = oauth_token();
    if (!token) return Unexpected{token.error()};
    out.emplace_back("Authorization", "Bearer " + *token);
  } else if (!config_.bearer_token.empty()) {
    out.emplace_back("Authorization", "Bearer " + config_.bearer_token);
  } else if (!config_.basic.empty()) {
    out.emplace_back("Authorization", "Basic " + base64_encode(config_.basic));
  }
  out.insert(out.end(), config_.extra_headers.begin(), config_.extra_headers.end());
  return out;
}

RedactionRules Authenticator::redaction_rules() const {
  auto rules = configured_rules();
  if (config_.oauth) {
    std::lock_guard lock(mutex_);
    if (!token_.empty()) rules.secrets.push_back(token_);
  }
  return rules;
}

std::vector<Exchange> Authenticator::take_token_exchanges() {
  std::lock_guard lock(mutex_);
  return std::exchange(token_exchanges_, {});
}

RedactionRules Authenticator::configured_rules() const {
  auto rules = RedactionRules::defaults();
  for (const auto& [name, value] : config_.extra_headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    rules.headers.insert(lower);
    rules.secrets.push_back(value);
  }
  if (!config_.bearer_token.empty()) rules.secrets.push_back(config_.bearer_token);
  if (!config_.basic.empty()) {
    rules.secrets.push_back(base64_encode(config_.basic));
    const auto colon = config_.basic.find(':');
    if (colon != std::string::npos) rules.secrets.push_back(config_.basic.substr(colon + 1));
  }
  if (config_.oauth && !config_.oauth->client_secret.empty()) {
    rules.secrets.push_back(config_.oauth->client_secret);
  }
  return rules;
}

Result<std::string, std::string> Authenticator::oauth_token() {
  // Held across the fetch so parallel checks wait for one token request instead of racing.
  std::lock_guard lock(mutex_);
  if (!token_.empty() && clock_() < token_expiry_) return token_;
  auto fetched = fetch_token();
  if (!fetched) return fetched;
  token_ = *fetched;
  return token_;
}

// Called with mutex_ held (from oauth_token): the run's transcript shows how the token was got.
void Authenticator::record_token_exchange(const HttpRequest& request, const HttpResponse& response,
                                          const std::string& extra_secret) {
  if (token_exchanges_.size() >= kMaxTokenExchanges) return;
  auto rules = configured_rules();
  if (!extra_secret.empty()) rules.secrets.push_back(extra_secret);
  // A token the JSON redaction cannot see (a non-JSON body) is still caught as a literal.
  if (const auto doc = parse_json_limited(response.body); doc && doc->is_object()) {
    const auto token = doc->find("access_token");
    if (token != doc->end() && token->is_string())
      rules.secrets.push_back(token->get<std::string>());
  }
  token_exchanges_.push_back(recorded_exchange(request, response, rules));
}

Result<std::string, std::string> Authenticator::authenticate_client(HttpRequest& request) {
  const auto& oauth = *config_.oauth;
  if (!oauth.signing_key) {
    // RFC 6749 §2.3.1: client_id and secret form-encoded, then sent with HTTP Basic.
    const auto credentials =
        percent_encode(oauth.client_id) + ":" + percent_encode(oauth.client_secret);
    request.headers.emplace_back("Authorization", "Basic " + base64_encode(credentials));
    return std::string();
  }
  auto assertion = client_assertion(*oauth.signing_key, oauth.client_id, token_url_);
  if (!assertion) return Unexpected{"OAuth client assertion: " + assertion.error()};
  request.body += "&client_id=" + percent_encode(oauth.client_id) +
                  "&client_assertion_type=" + percent_encode(kJwtBearerAssertionType) +
                  "&client_assertion=" + *assertion;
  return assertion;
}

Result<std::string, std::string> Authenticator::fetch_token() {
  const auto& oauth = *config_.oauth;
  if (token_url_.empty()) {
    auto found = discover_token_endpoint(
        transport_, oauth.issuer,
        [this](const HttpRequest& q, const HttpResponse& r) { record_token_exchange(q, r); });
    if (!found) return found;
    token_url_ = *found;
  }
  HttpRequest request;
  request.method = "POST";
  request.url = token_url_;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  request.body = "grant_type=client_credentials";
  if (!oauth.scope.empty()) request.body += "&scope=" + percent_encode(oauth.scope);
  auto assertion = authenticate_client(request);
  if (!assertion) return assertion;
  const auto response = transport_.send(request);
  record_token_exchange(request, response, *assertion);
  if (response.status == 0) {
    return Unexpected{"OAuth token endpoint unreachable: " + response.transport_error};
  }
  const auto doc = parse_json_limited(response.body);
  if (response.status != 200 || !doc || !doc->is_object()) {
    // RFC 6749 §5.2: the error code and description say why (they carry no secrets).
    std::string why;
    auto text = [&doc](const char* name) {
      const auto it = doc->find(name);
      return it != doc->end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (doc && doc->is_object() && !text("error").empty()) {
      why = ": " + text("error");
      if (!text("error_description").empty()) why += " (" + text("error_description") + ")";
    }
    return Unexpected{"OAuth token endpoint answered HTTP " + std::to_string(response.status) +
                      " without a token" + why + " (RFC 6749 §5.2)"};
  }
  const auto token = doc->find("access_token");
  if (token == doc->end() || !token->is_string() || token->get<std::string>().empty()) {
    return Unexpected{std::string("OAuth token response has no access_token (RFC 6749 §5.1)")};
  }
  auto lifetime = std::chrono::seconds(kDefaultLifetime);
  if (const auto e = doc->find("expires_in"); e != doc->end() && e->is_number_integer()) {
    lifetime = std::chrono::seconds(std::clamp<long long>(e->get<long long>(), 0, 86400 * 30));
  }
  token_expiry_ = clock_() + std::max(lifetime - kExpiryMargin, std::chrono::seconds(0));
  return token->get<std::string>();
}

}  // namespace scim::conf
