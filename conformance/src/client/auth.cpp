// Authentication headers and the OAuth 2.0 client-credentials grant (RFC 6749 §4.4).
#include "scim/conformance/client/auth.hpp"

#include <algorithm>
#include <utility>

#include "scim/conformance/json_limits.hpp"
#include "scim/protocol/encoding.hpp"

namespace scim::conf {

Authenticator::Authenticator(AuthConfig config, Transport& transport, Clock clock)
    : config_(std::move(config)), transport_(transport), clock_(std::move(clock)) {}

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
  if (config_.oauth) rules.secrets.push_back(config_.oauth->client_secret);
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
void Authenticator::record_token_exchange(const HttpRequest& request,
                                          const HttpResponse& response) {
  if (token_exchanges_.size() >= kMaxTokenExchanges) return;
  auto rules = configured_rules();
  // A token the JSON redaction cannot see (a non-JSON body) is still caught as a literal.
  if (const auto doc = parse_json_limited(response.body); doc && doc->is_object()) {
    const auto token = doc->find("access_token");
    if (token != doc->end() && token->is_string())
      rules.secrets.push_back(token->get<std::string>());
  }
  token_exchanges_.push_back(recorded_exchange(request, response, rules));
}

Result<std::string, std::string> Authenticator::fetch_token() {
  const auto& oauth = *config_.oauth;
  HttpRequest request;
  request.method = "POST";
  request.url = oauth.token_url;
  // RFC 6749 §2.3.1: client_id and secret form-encoded, then sent with HTTP Basic.
  const auto credentials =
      percent_encode(oauth.client_id) + ":" + percent_encode(oauth.client_secret);
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"},
                     {"Authorization", "Basic " + base64_encode(credentials)}};
  request.body = "grant_type=client_credentials";
  if (!oauth.scope.empty()) request.body += "&scope=" + percent_encode(oauth.scope);
  const auto response = transport_.send(request);
  record_token_exchange(request, response);
  if (response.status == 0) {
    return Unexpected{"OAuth token endpoint unreachable: " + response.transport_error};
  }
  const auto doc = parse_json_limited(response.body);
  if (response.status != 200 || !doc || !doc->is_object()) {
    return Unexpected{"OAuth token endpoint answered HTTP " + std::to_string(response.status) +
                      " without a token (RFC 6749 §5.2)"};
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
