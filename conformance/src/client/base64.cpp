// Base64 via OpenSSL EVP_EncodeBlock/EVP_DecodeBlock; base64url maps the two differing characters
// and the padding around them (RFC 4648 §5, RFC 7515 Appendix C).
#include "client/base64.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <vector>

namespace scim::conf {

std::string base64_encode(std::string_view bytes) {
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  const int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
}

std::string base64url_encode(std::string_view bytes) {
  std::string text = base64_encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  return text;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string b64(text);
  for (char& c : b64) {
    if (c == '-') {
      c = '+';
    } else if (c == '_') {
      c = '/';
    } else if (c == '+' || c == '/' || c == '=') {
      return std::nullopt;  // standard-alphabet characters are not valid base64url
    }
  }
  if (b64.size() % 4 == 1) return std::nullopt;
  const std::size_t padding = (4 - b64.size() % 4) % 4;
  b64.append(padding, '=');
  std::vector<unsigned char> out(3 * (b64.size() / 4) + 1);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(b64.data()),
                                static_cast<int>(b64.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes; drop them.
  return std::string(reinterpret_cast<const char*>(out.data()),
                     static_cast<std::size_t>(n) - padding);
}

}  // namespace scim::conf
