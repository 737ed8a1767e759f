// The test authorization server (see token_endpoint.hpp). Errors follow RFC 6749 §5.2: a JSON
// body {"error", "error_description"}, 401 for a client that failed to authenticate
// (invalid_client), 400 for everything else.
#include "scim/server/http/token_endpoint.hpp"

#include <sstream>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/uuid.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/http/target.hpp"

namespace scim::http {
namespace {

// RFC 6749 Appendix B: application/x-www-form-urlencoded; RFC 6749 §3.2: no parameter twice.
Result<std::map<std::string, std::string>, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> form;
  std::size_t start = 0;
  while (start <= body.size()) {
    const auto amp = std::min(body.find('&', start), body.size());
    const auto pair = body.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!key || !value) return Unexpected{std::string("malformed percent-encoding in the body")};
    if (!form.emplace(std::move(*key), std::move(*value)).second) {
      return Unexpected{std::string("a parameter is repeated (RFC 6749 §3.2)")};
    }
  }
  return form;
}

std::string form_value(const std::map<std::string, std::string>& form, const char* name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

// The client an assertion names, read before its signature is checked only to choose the key
// set that checks it (RFC 7523 §3 item 2: "sub" is the client_id).
std::string unverified_subject(std::string_view assertion) {
  const auto first = assertion.find('.');
  const auto second = first == std::string_view::npos ? first : assertion.find('.', first + 1);
  if (second == std::string_view::npos) return {};
  const auto payload = base64url_decode(assertion.substr(first + 1, second - first - 1));
  if (!payload) return {};
  const auto claims = nlohmann::json::parse(*payload, nullptr, false);
  return claims.is_object() ? string_claim(claims, "sub") : std::string();
}

long long epoch_seconds(SystemClock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

TokenEndpoint::TokenEndpoint(jose::Key signing_key,
                             std::map<std::string, Client, std::less<>> clients,
                             OAuthOptions options, Clock clock)
    : signing_key_(std::move(signing_key)),
      clients_(std::move(clients)),
      options_(std::move(options)),
      clock_(std::move(clock)),
      replays_(options_.max_replay_entries) {}

std::string TokenEndpoint::issuer(const server::Request& request) const {
  return options_.issuer == "auto" ? connection_origin(request) : options_.issuer;
}

server::Response TokenEndpoint::metadata(const server::Request& request) {
  const auto iss = issuer(request);
  nlohmann::json doc = {
      {"issuer", iss},
      {"token_endpoint", iss + "/oauth/token"},
      {"jwks_uri", iss + "/oauth/jwks"},
      {"grant_types_supported", {"client_credentials"}},
      {"token_endpoint_auth_methods_supported", {"private_key_jwt"}},
      {"token_endpoint_auth_signing_alg_values_supported", {"RS256", "ES256"}},
      {"scopes_supported", {options_.scope}},
      // RFC 8414 §2 lists it as REQUIRED; this server has no authorization endpoint.
      {"response_types_supported", nlohmann::json::array()}};
  return server::json_response(200, doc, "application/json");
}

server::Response TokenEndpoint::jwks(const server::Request&) {
  jose::KeySet set;
  (void)set.add(signing_key_);
  return server::json_response(200, set.public_json(), "application/json");
}

server::Response TokenEndpoint::failure(const Failure& f) {
  auto r = server::json_response(
      f.status, {{"error", f.error}, {"error_description", f.description}}, "application/json");
  r.set_header("Cache-Control", "no-store");
  return r;
}

server::Response TokenEndpoint::token(const server::Request& request) {
  // RFC 9110 §8.3.1: media types compare case-insensitively; parameters may follow.
  const auto* type = request.header("content-type");
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  if (type == nullptr || type->size() < kForm.size() ||
      !iequals(std::string_view(*type).substr(0, kForm.size()), kForm)) {
    return failure({400, "invalid_request",
                    "the body must be application/x-www-form-urlencoded (RFC 6749 §4.4.2)"});
  }
  auto form = parse_form(request.body);
  if (!form) return failure({400, "invalid_request", form.error()});
  if (form_value(*form, "grant_type") != "client_credentials") {
    return failure({400, "unsupported_grant_type", "only grant_type=client_credentials"});
  }
  auto client_id = authenticate_client(*form, request);
  if (!client_id) return failure(client_id.error());
  auto scope = granted_scope(*form);
  if (!scope) return failure(scope.error());
  const auto now = clock_();
  const auto iss = issuer(request);
  nlohmann::json claims = {{"iss", iss},
                           {"aud", options_.audience.empty() ? iss : options_.audience},
                           {"sub", *client_id},
                           {"client_id", *client_id},
                           {"scope", *scope},
                           {"iat", epoch_seconds(now)},
                           {"exp", epoch_seconds(now + options_.token_lifetime)},
                           {"jti", new_uuid_v4()}};
  if (!options_.tenant_claim.empty()) {
    claims[options_.tenant_claim] = clients_.find(*client_id)->second.tenant;
  }
  auto signed_token = jose::sign(signing_key_, claims, "at+jwt");
  if (!signed_token) return failure({500, "server_error", signed_token.error()});
  auto r = server::json_response(200,
                                 {{"access_token", *signed_token},
                                  {"token_type", "Bearer"},
                                  {"expires_in", options_.token_lifetime.count()},
                                  {"scope", *scope}},
                                 "application/json");
  r.set_header("Cache-Control", "no-store");  // RFC 6749 §5.1
  r.set_header("Pragma", "no-cache");
  return r;
}

Result<std::string, TokenEndpoint::Failure> TokenEndpoint::authenticate_client(
    const std::map<std::string, std::string>& form, const server::Request& request) {
  if (request.header("authorization") != nullptr ||
      form_value(form, "client_assertion_type") != kAssertionType) {
    return Unexpected{Failure{401, "invalid_client",
                              "clients authenticate with private_key_jwt only: "
                              "client_assertion_type=" +
                                  std::string(kAssertionType) + " (RFC 7523 §2.2)"}};
  }
  const auto assertion = form_value(form, "client_assertion");
  auto client_id = form_value(form, "client_id");
  if (client_id.empty()) client_id = unverified_subject(assertion);
  const auto client = clients_.find(client_id);
  if (client == clients_.end()) {
    return Unexpected{Failure{401, "invalid_client", "unknown client \"" + client_id + "\""}};
  }
  auto verified = jose::verify(assertion, client->second.keys);
  if (!verified) {
    return Unexpected{Failure{401, "invalid_client", "client assertion: " + verified.error()}};
  }
  if (auto st = check_assertion(verified->claims, client_id, request); !st) {
    return Unexpected{st.error()};
  }
  return client_id;
}

// RFC 7523 §3: iss and sub are the client, aud names this server, exp is there and not far
// ahead, and (item 7) the jti has not been seen before.
Status<TokenEndpoint::Failure> TokenEndpoint::check_assertion(const nlohmann::json& claims,
                                                              const std::string& client_id,
                                                              const server::Request& request) {
  auto refuse = [](std::string why) {
    return Unexpected{Failure{401, "invalid_client", "client assertion: " + std::move(why)}};
  };
  if (string_claim(claims, "iss") != client_id || string_claim(claims, "sub") != client_id) {
    return refuse("\"iss\" and \"sub\" must both be the client_id (RFC 7523 §3)");
  }
  const auto iss = issuer(request);
  if (!has_audience(claims, iss + "/oauth/token") && !has_audience(claims, iss)) {
    return refuse("\"aud\" must name the token endpoint " + iss + "/oauth/token or the issuer");
  }
  const auto now = clock_();
  if (auto st = check_times(claims, now, options_.leeway); !st) return refuse(st.error());
  const auto exp = SystemClock::time_point(std::chrono::seconds(claims["exp"].get<long long>()));
  if (exp > now + options_.max_assertion_lifetime) {
    return refuse("\"exp\" lies more than " +
                  std::to_string(options_.max_assertion_lifetime.count()) + " s ahead");
  }
  const auto jti = string_claim(claims, "jti");
  if (jti.empty()) return refuse("no \"jti\": this server refuses replays (RFC 7523 §3 item 7)");
  switch (replays_.remember(client_id + '\n' + jti, exp + options_.leeway, now)) {
    case ReplayCache::Outcome::Fresh:
      return Ok{};
    case ReplayCache::Outcome::Replayed:
      return refuse("the jti was already used (replayed assertion)");
    case ReplayCache::Outcome::Full:
      break;
  }
  return Unexpected{Failure{503, "temporarily_unavailable", "the assertion replay cache is full"}};
}

// IPSIE AL1 §3.1: the token carries "scim" and nothing broader; no scope asked means "scim".
Result<std::string, TokenEndpoint::Failure> TokenEndpoint::granted_scope(
    const std::map<std::string, std::string>& form) const {
  std::istringstream words(form_value(form, "scope"));
  for (std::string w; words >> w;) {
    if (w != options_.scope) {
      return Unexpected{
          Failure{400, "invalid_scope",
                  "only the \"" + options_.scope + "\" scope is granted, not \"" + w + "\""}};
    }
  }
  return options_.scope;
}

}  // namespace scim::http
