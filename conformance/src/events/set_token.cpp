// SET decoding and HS256 verification.
#include "scim/conformance/set_token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "scim/conformance/json_limits.hpp"
#include "scim/protocol/encoding.hpp"

namespace scim::conf {

std::optional<DecodedSet> decode_set(std::string_view token) {
  if (token.empty() || token.size() > kMaxSetBytes) return std::nullopt;
  const auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const auto header = base64url_decode(token.substr(0, first));
  const auto payload = base64url_decode(token.substr(first + 1, second - first - 1));
  const auto signature = base64url_decode(token.substr(second + 1));
  if (!header || !payload || !signature) return std::nullopt;
  auto header_json = parse_json_limited(*header, 32);
  auto claims_json = parse_json_limited(*payload, 64);
  if (!header_json || !header_json->is_object() || !claims_json || !claims_json->is_object()) {
    return std::nullopt;
  }
  return DecodedSet{std::move(*header_json), std::move(*claims_json),
                    std::string(token.substr(0, second)), *signature};
}

bool verify_hs256(std::string_view token, std::string_view key) {
  const auto set = decode_set(token);
  if (!set) return false;
  const auto alg = set->header.find("alg");
  if (alg == set->header.end() || *alg != "HS256") return false;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(set->signing_input.data()),
           set->signing_input.size(), mac, &mac_len) == nullptr) {
    return false;
  }
  return mac_len == set->signature.size() &&
         CRYPTO_memcmp(mac, set->signature.data(), mac_len) == 0;
}

}  // namespace scim::conf
