// Base64 (RFC 4648 §4) and base64url (§5) on OpenSSL's EVP block codec: HTTP Basic credentials and
// the JWS segments of Security Event Tokens.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scim::conf {

std::string base64_encode(std::string_view bytes);
// Decodes unpadded base64url (RFC 7515 §2); nullopt on characters outside the alphabet.
std::optional<std::string> base64url_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);

}  // namespace scim::conf
