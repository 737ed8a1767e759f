// Defensive credential redaction. The runner already redacts what it records; reports do it again
// so a runner bug or a server echoing secrets back cannot leak a token into a CI artifact.
#pragma once

#include <string>
#include <string_view>

namespace scim::reports {

// Authorization, Proxy-Authorization, Cookie, Set-Cookie and API-key style headers
// (case-insensitive names, RFC 7230 §3.2).
bool is_secret_header(std::string_view name);

// The value to print for a header: "[redacted]" for secret headers, otherwise the value
// clipped to kMaxTextBytes.
std::string report_header_value(std::string_view name, std::string_view value);

// Replaces the values of credential-looking query parameters (access_token, token, api_key,
// password) in a URL with "[redacted]".
std::string redact_url(std::string_view url);

}  // namespace scim::reports
