// Base64url without padding (RFC 7515 §2 "Base64url Encoding"), built on OpenSSL's EVP block
// codec: the standard alphabet is translated ('+' <-> '-', '/' <-> '_') and '=' padding is
// stripped or restored, so no encoding table lives in this code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scim::events {

std::string base64url_encode(std::string_view bytes);
// nullopt when the text contains characters outside the base64url alphabet or has an impossible
// length (a remainder of 1 modulo 4).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace scim::events
