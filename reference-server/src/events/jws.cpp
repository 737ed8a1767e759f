// Compact JWS signing and verification (RFC 7515 §5.1, §5.2) with HS256 or "none".
#include "scim/server/events/jws.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <vector>

#include "scim/protocol/encoding.hpp"

namespace scim::events {
namespace {

constexpr std::size_t kMinHs256KeyBytes = 32;

std::string hmac_sha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int len = 0;
  const unsigned char* ok =
      HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac.data(), &len);
  if (ok == nullptr) throw std::runtime_error("HMAC-SHA256 failed");
  return std::string(reinterpret_cast<const char*>(mac.data()), len);
}

std::vector<std::string_view> split_dots(std::string_view token) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (parts.size() < 4) {
    const std::size_t dot = token.find('.', start);
    parts.push_back(token.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

Result<nlohmann::json, std::string> decode_json_part(std::string_view part, const char* what) {
  auto bytes = base64url_decode(part);
  if (!bytes) return Unexpected{std::string(what) + " is not base64url"};
  auto json = nlohmann::json::parse(*bytes, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Unexpected{std::string(what) + " is not a JSON object"};
  }
  return json;
}

}  // namespace

std::string_view to_string(JwsAlg alg) {
  return alg == JwsAlg::HS256 ? "HS256" : "none";
}

JwsSigner JwsSigner::unsecured() {
  return JwsSigner(JwsAlg::None, {});
}

Result<JwsSigner, std::string> JwsSigner::hs256(std::string key) {
  if (key.size() < kMinHs256KeyBytes) {
    return Unexpected{"HS256 key must be at least 32 bytes (RFC 7518 §3.2), got " +
                      std::to_string(key.size())};
  }
  return JwsSigner(JwsAlg::HS256, std::move(key));
}

std::string JwsSigner::signature(std::string_view signing_input) const {
  if (alg_ == JwsAlg::None) return {};
  return hmac_sha256(key_, signing_input);
}

std::string JwsSigner::sign(const nlohmann::json& claims) const {
  const nlohmann::json header = {{"alg", to_string(alg_)}, {"typ", "secevent+jwt"}};
  std::string input = base64url_encode(header.dump()) + "." + base64url_encode(claims.dump());
  const std::string sig = signature(input);
  return input + "." + base64url_encode(sig);
}

Result<DecodedJws, std::string> JwsSigner::verify(std::string_view token) const {
  if (token.size() > kMaxTokenBytes) return Unexpected{std::string("token too large")};
  const auto parts = split_dots(token);
  if (parts.size() != 3) return Unexpected{std::string("not a compact JWS (need 3 parts)")};
  auto header = decode_json_part(parts[0], "header");
  if (!header) return Unexpected{header.error()};
  auto claims = decode_json_part(parts[1], "payload");
  if (!claims) return Unexpected{claims.error()};
  const auto alg = header->value("alg", std::string());
  if (alg != to_string(alg_)) {
    return Unexpected{"unexpected alg \"" + alg + "\" (expected " + std::string(to_string(alg_)) +
                      ")"};
  }
  auto sig = base64url_decode(parts[2]);
  if (!sig) return Unexpected{std::string("signature is not base64url")};
  const std::size_t input_len = parts[0].size() + 1 + parts[1].size();
  const std::string expected = signature(token.substr(0, input_len));
  if (sig->size() != expected.size() ||
      CRYPTO_memcmp(sig->data(), expected.data(), expected.size()) != 0) {
    return Unexpected{std::string("signature mismatch")};
  }
  return DecodedJws{std::move(*header), std::move(*claims)};
}

}  // namespace scim::events
