// Base64 / base64url over OpenSSL EVP_EncodeBlock / EVP_DecodeBlock (RFC 4648 §4, §5). OpenSSL
// is lenient (it skips surrounding whitespace and decodes '=' anywhere as zero bits), so the
// alphabet and padding are checked here before it runs.
#include "scim/protocol/encoding.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <vector>

namespace scim {
namespace {

bool is_standard_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// RFC 4648 §3.3: characters outside the alphabet are rejected; '=' may only end the last quantum.
bool is_strict_base64(std::string_view text) {
  if (text.size() % 4 != 0) return false;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  const std::string_view body = text.substr(0, text.size() - padding);
  return std::all_of(body.begin(), body.end(), is_standard_char);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  const int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (!is_strict_base64(text)) return std::nullopt;
  if (text.empty()) return std::string();
  std::vector<unsigned char> out(3 * (text.size() / 4) + 1);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the zero bytes produced by padding; drop them.
  const auto padding = static_cast<std::size_t>(std::count(text.end() - 2, text.end(), '='));
  return std::string(reinterpret_cast<const char*>(out.data()),
                     static_cast<std::size_t>(n) - padding);
}

std::string base64url_encode(std::string_view bytes) {
  std::string text = base64_encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  return text;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  // '+', '/' and '=' are not base64url characters; reject them rather than accept both alphabets.
  if (text.find_first_of("+/=") != std::string_view::npos) return std::nullopt;
  if (text.size() % 4 == 1) return std::nullopt;
  std::string standard(text);
  std::replace(standard.begin(), standard.end(), '-', '+');
  std::replace(standard.begin(), standard.end(), '_', '/');
  standard.append((4 - standard.size() % 4) % 4, '=');
  return base64_decode(standard);
}

}  // namespace scim
