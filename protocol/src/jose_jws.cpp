// Compact JWS sign and verify (RFC 7515 §5) on cjose. The header is read and judged here before
// cjose sees the token, so the algorithm is chosen by the key set, never by the token alone
// (RFC 8725 §2.1, §3.1).
#include <cjose/cjose.h>

#include <algorithm>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/jose.hpp"

namespace scim::jose {
namespace {

using Jws = std::unique_ptr<cjose_jws_t, decltype(&cjose_jws_release)>;

std::string cjose_message(const cjose_err& err) {
  return err.message != nullptr ? std::string(err.message) : std::string("unknown error");
}

// RFC 7515 §4.1.1: the algorithms this verifier accepts; everything else names why it is refused.
Result<Alg, std::string> accepted_alg(const nlohmann::json& header) {
  const auto it = header.find("alg");
  if (it == header.end() || !it->is_string()) {
    return Unexpected{std::string("JWS header has no \"alg\" (RFC 7515 §4.1.1)")};
  }
  const auto alg = it->get<std::string>();
  if (alg == "RS256") return Alg::RS256;
  if (alg == "ES256") return Alg::ES256;
  if (alg == "none") {
    return Unexpected{std::string("alg \"none\" refused: unsigned tokens are never accepted")};
  }
  if (alg.rfind("HS", 0) == 0) {
    return Unexpected{"alg \"" + alg + "\" refused: only RS256 and ES256 (RFC 8725 §3.1)"};
  }
  return Unexpected{"alg \"" + alg + "\" refused: only RS256 and ES256"};
}

Result<nlohmann::json, std::string> decode_header(std::string_view compact) {
  const auto first = compact.find('.');
  const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
    return Unexpected{std::string("not a compact JWS (three base64url parts, RFC 7515 §7.1)")};
  }
  const auto bytes = base64url_decode(compact.substr(0, first));
  auto header = bytes ? nlohmann::json::parse(*bytes, nullptr, false) : nlohmann::json();
  if (!header.is_object()) {
    return Unexpected{std::string("JWS header is not a base64url JSON object")};
  }
  return header;
}

}  // namespace

Result<std::string, std::string> sign(const Key& key, const nlohmann::json& claims,
                                      std::string_view typ) {
  cjose_err err{};
  std::unique_ptr<cjose_header_t, decltype(&cjose_header_release)> header(cjose_header_new(&err),
                                                                          &cjose_header_release);
  const std::string alg(to_string(key.alg())), type(typ);
  if (!header || !cjose_header_set(header.get(), CJOSE_HDR_ALG, alg.c_str(), &err) ||
      !cjose_header_set(header.get(), "typ", type.c_str(), &err) ||
      (!key.kid().empty() &&
       !cjose_header_set(header.get(), CJOSE_HDR_KID, key.kid().c_str(), &err))) {
    return Unexpected{"JWS header: " + cjose_message(err)};
  }
  const auto payload = claims.dump();
  Jws jws(
      cjose_jws_sign(static_cast<const cjose_jwk_t*>(key.native()), header.get(),
                     reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size(), &err),
      &cjose_jws_release);
  const char* compact = nullptr;
  if (!jws || !cjose_jws_export(jws.get(), &compact, &err) || compact == nullptr) {
    return Unexpected{"JWS signing failed: " + cjose_message(err)};
  }
  return std::string(compact);
}

Result<Verified, std::string> verify(std::string_view compact, const KeySet& keys) {
  if (compact.empty() || compact.size() > kMaxTokenBytes) {
    return Unexpected{"token is empty or larger than " + std::to_string(kMaxTokenBytes) + " bytes"};
  }
  auto header = decode_header(compact);
  if (!header) return Unexpected{header.error()};
  auto alg = accepted_alg(*header);
  if (!alg) return Unexpected{alg.error()};
  if (header->contains("crit")) {
    return Unexpected{std::string("JWS \"crit\" extensions are not understood (RFC 7515 §4.1.11)")};
  }
  const auto kid_it = header->find("kid");
  if (kid_it != header->end() && !kid_it->is_string()) {
    return Unexpected{std::string("JWS kid must be a string")};
  }
  const std::string kid = kid_it != header->end() ? kid_it->get<std::string>() : std::string();
  const Key* key = keys.find(kid_it != header->end() ? &kid : nullptr);
  if (key == nullptr) return Unexpected{"no key for kid \"" + kid + "\" in the JWKS"};
  if (key->alg() != *alg) {
    return Unexpected{"alg " + std::string(to_string(*alg)) + " does not fit key \"" + kid +
                      "\" (" + std::string(to_string(key->alg())) + ")"};
  }
  cjose_err err{};
  Jws jws(cjose_jws_import(compact.data(), compact.size(), &err), &cjose_jws_release);
  if (!jws) return Unexpected{"malformed JWS: " + cjose_message(err)};
  if (!cjose_jws_verify(jws.get(), static_cast<const cjose_jwk_t*>(key->native()), &err)) {
    return Unexpected{std::string("signature does not verify with key \"") + kid + "\""};
  }
  std::uint8_t* plain = nullptr;
  std::size_t plain_len = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &plain, &plain_len, &err)) {
    return Unexpected{"JWS payload: " + cjose_message(err)};
  }
  auto claims =
      nlohmann::json::parse(reinterpret_cast<const char*>(plain),
                            reinterpret_cast<const char*>(plain) + plain_len, nullptr, false);
  if (!claims.is_object()) return Unexpected{std::string("JWT claims are not a JSON object")};
  return Verified{std::move(*header), std::move(claims)};
}

}  // namespace scim::jose
