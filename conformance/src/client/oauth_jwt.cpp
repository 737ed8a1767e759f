// RFC 8414 discovery and RFC 7523 client assertions (see oauth_jwt.hpp).
#include "scim/conformance/client/oauth_jwt.hpp"

#include <chrono>

#include "scim/conformance/json_limits.hpp"
#include "scim/protocol/uuid.hpp"

namespace scim::conf {
namespace {

// RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path.
Result<std::string, std::string> metadata_url(const std::string& issuer) {
  const auto scheme = issuer.find("://");
  if (scheme == std::string::npos || issuer.find_first_of("?#") != std::string::npos) {
    return Unexpected{"--oauth-issuer " + issuer +
                      " is not a URL without query or fragment (RFC 8414 §2)"};
  }
  const auto path = issuer.find('/', scheme + 3);
  const auto origin = issuer.substr(0, path);
  std::string rest = path == std::string::npos ? "" : issuer.substr(path);
  if (rest == "/") rest.clear();
  return origin + "/.well-known/oauth-authorization-server" + rest;
}

}  // namespace

Result<std::string, std::string> discover_token_endpoint(Transport& transport,
                                                         const std::string& issuer,
                                                         const ExchangeRecorder& record) {
  auto url = metadata_url(issuer);
  if (!url) return url;
  HttpRequest request;
  request.method = "GET";
  request.url = *url;
  request.headers = {{"Accept", "application/json"}};
  const auto response = transport.send(request);
  if (record) record(request, response);
  if (response.status == 0) {
    return Unexpected{"OAuth metadata " + *url + " unreachable: " + response.transport_error};
  }
  const auto doc = parse_json_limited(response.body);
  if (response.status != 200 || !doc || !doc->is_object()) {
    return Unexpected{"OAuth metadata " + *url + " answered HTTP " +
                      std::to_string(response.status) + " without a JSON object (RFC 8414 §3.2)"};
  }
  if (doc->value("issuer", std::string()) != issuer) {
    return Unexpected{"OAuth metadata " + *url + " names issuer " +
                      doc->value("issuer", nlohmann::json()).dump() + ", not " + issuer +
                      " (RFC 8414 §3.3: they MUST be identical)"};
  }
  const auto endpoint = doc->value("token_endpoint", std::string());
  if (endpoint.empty()) {
    return Unexpected{"OAuth metadata " + *url + " has no token_endpoint (RFC 8414 §2)"};
  }
  return endpoint;
}

Result<std::string, std::string> client_assertion(const jose::Key& key,
                                                  const std::string& client_id,
                                                  const std::string& token_url) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return jose::sign(key, {{"iss", client_id},
                          {"sub", client_id},
                          {"aud", token_url},
                          {"iat", now},
                          {"exp", now + kAssertionLifetimeSeconds},
                          {"jti", new_uuid_v4()}});
}

}  // namespace scim::conf
