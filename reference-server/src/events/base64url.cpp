// Base64url over OpenSSL EVP_EncodeBlock / EVP_DecodeBlock (RFC 7515 §2, RFC 4648 §5).
#include "events/base64url.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <vector>

namespace scim::events {

std::string base64url_encode(std::string_view bytes) {
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  const int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  std::string text(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
  while (!text.empty() && text.back() == '=') text.pop_back();
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  return text;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  // '+', '/' and '=' are not base64url characters; reject them rather than accept both alphabets.
  if (text.find_first_of("+/=") != std::string_view::npos) return std::nullopt;
  if (text.size() % 4 == 1) return std::nullopt;
  std::string std_text(text);
  std::replace(std_text.begin(), std_text.end(), '-', '+');
  std::replace(std_text.begin(), std_text.end(), '_', '/');
  const std::size_t padding = (4 - std_text.size() % 4) % 4;
  std_text.append(padding, '=');
  std::vector<unsigned char> out(3 * (std_text.size() / 4) + 1);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(std_text.data()),
                                static_cast<int>(std_text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the zero bytes produced by padding; drop them.
  const std::size_t len = static_cast<std::size_t>(n) - padding;
  return std::string(reinterpret_cast<const char*>(out.data()), len);
}

}  // namespace scim::events
