// Base64 (RFC 4648 §4) and base64url (RFC 4648 §5, unpadded as in RFC 7515 §2) on OpenSSL's EVP
// block codec, shared by the server (HTTP Basic, JWS/SET segments, binary attribute checks) and
// the conformance runner, so no encoding table lives in this project.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scim {

// Padded standard base64.
std::string base64_encode(std::string_view bytes);
// Strict: only the standard alphabet, length a multiple of 4, '=' only as 1-2 trailing characters
// (no whitespace, no line breaks). The empty string decodes to the empty string.
std::optional<std::string> base64_decode(std::string_view text);

// Base64url without padding.
std::string base64url_encode(std::string_view bytes);
// nullopt when the text contains characters outside the base64url alphabet (including '=' padding)
// or has an impossible length (a remainder of 1 modulo 4).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace scim
