// The checks every request to the MCP endpoint passes before any JSON-RPC is read: path, Origin
// and Host (DNS rebinding, MCP 2025-11-25 transports "Security Warning": servers MUST validate the
// Origin header and respond 403 when it is invalid), the bearer token (RFC 6750 §3: 401 with
// WWW-Authenticate), and the protocol version header (400 when unsupported).
#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>

#include "scim/mcp/http_endpoint.hpp"

namespace scim::mcp {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "localhost", "127.0.0.1", "[::1]" with an optional ":port".
bool loopback_host(std::string host) {
  host = lower(host);
  if (host.starts_with("[::1]")) return host.size() == 5 || host[5] == ':';
  const auto colon = host.find(':');
  const auto name = host.substr(0, colon);
  if (colon != std::string::npos) {
    const auto port = host.substr(colon + 1);
    if (port.empty() || !std::all_of(port.begin(), port.end(), ::isdigit)) return false;
  }
  return name == "localhost" || name == "127.0.0.1";
}

bool loopback_origin(const std::string& origin) {
  const auto scheme = origin.find("://");
  if (scheme == std::string::npos) return false;
  const auto protocol = lower(origin.substr(0, scheme));
  return (protocol == "http" || protocol == "https") && loopback_host(origin.substr(scheme + 3));
}

HttpOut refusal(int status, const std::string& message) {
  HttpOut out;
  out.status = status;
  out.headers.emplace_back("Content-Type", "application/json");
  out.body = rpc::make_error(nullptr, -32000, message).dump();
  return out;
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

bool is_loopback_address(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "localhost" ||
         address.starts_with("127.");
}

const std::string* HttpIn::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? nullptr : &it->second;
}

std::optional<HttpOut> HttpEndpoint::refuse(const HttpIn& in) const {
  const auto path = in.target.substr(0, in.target.find('?'));
  if (path != options_.path) return refusal(404, "not found: the MCP endpoint is " + options_.path);
  if (const auto* origin = in.header("origin")) {
    const bool listed = std::find(options_.allowed_origins.begin(), options_.allowed_origins.end(),
                                  *origin) != options_.allowed_origins.end();
    if (!listed && !loopback_origin(*origin)) {
      return refusal(403, "Origin " + *origin + " is not allowed (use --allow-origin)");
    }
  }
  if (is_loopback_address(options_.address)) {
    const auto* host = in.header("host");
    if (host == nullptr || !loopback_host(*host)) {
      return refusal(403, "Host must name this loopback server (DNS rebinding protection)");
    }
  }
  if (!options_.bearer_token.empty()) {
    const auto* auth = in.header("authorization");
    const std::string prefix = "Bearer ";
    if (auth == nullptr || auth->size() <= prefix.size() ||
        lower(auth->substr(0, prefix.size())) != "bearer " ||
        !same_secret(auth->substr(prefix.size()), options_.bearer_token)) {
      auto out = refusal(401, "a valid bearer token is required");
      out.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"scim-mcp\"");
      return out;
    }
  }
  if (const auto* version = in.header("mcp-protocol-version")) {
    // 2025-03-26 is what a client that sends no header is assumed to speak; accepted too.
    if (!supported_protocol_version(*version) && *version != "2025-03-26") {
      return refusal(400, "unsupported MCP-Protocol-Version " + *version);
    }
  }
  return std::nullopt;
}

}  // namespace scim::mcp
