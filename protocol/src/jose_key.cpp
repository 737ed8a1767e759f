// JOSE keys (RFC 7517) on cjose: PEM private keys are read by OpenSSL and handed to cjose as raw
// key parameters; JWKs are imported by cjose after the checks RFC 7518 asks for (key type, curve,
// RSA size).
#include <cjose/cjose.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdlib>
#include <set>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/jose.hpp"

namespace scim::jose {

struct KeyAccess {
  static Key make(cjose_jwk_t* jwk, Alg alg, std::string kid) {
    std::shared_ptr<void> owned(jwk,
                                [](void* p) { cjose_jwk_release(static_cast<cjose_jwk_t*>(p)); });
    return Key(std::move(owned), alg, std::move(kid));
  }
};

namespace {

using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Bytes = std::vector<std::uint8_t>;

Bytes bn_param(const EVP_PKEY* pkey, const char* name, int pad = 0) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1 || bn == nullptr) return {};
  Bytes out(static_cast<std::size_t>(pad > 0 ? pad : BN_num_bytes(bn)));
  if (pad > 0) {
    BN_bn2binpad(bn, out.data(), pad);
  } else {
    BN_bn2bin(bn, out.data());
  }
  BN_clear_free(bn);
  return out;
}

Result<Key, std::string> rsa_from_pkey(const EVP_PKEY* pkey, std::string kid) {
  if (EVP_PKEY_get_bits(pkey) < kMinRsaBits) {
    return Unexpected{std::string("RSA key shorter than 2048 bits (RFC 7518 §3.3)")};
  }
  Bytes n = bn_param(pkey, OSSL_PKEY_PARAM_RSA_N), e = bn_param(pkey, OSSL_PKEY_PARAM_RSA_E),
        d = bn_param(pkey, OSSL_PKEY_PARAM_RSA_D), p = bn_param(pkey, OSSL_PKEY_PARAM_RSA_FACTOR1),
        q = bn_param(pkey, OSSL_PKEY_PARAM_RSA_FACTOR2),
        dp = bn_param(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1),
        dq = bn_param(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2),
        qi = bn_param(pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
  cjose_jwk_rsa_keyspec spec{e.data(),  e.size(),  n.data(),  n.size(), d.data(),  d.size(),
                             p.data(),  p.size(),  q.data(),  q.size(), dp.data(), dp.size(),
                             dq.data(), dq.size(), qi.data(), qi.size()};
  cjose_jwk_t* jwk = cjose_jwk_create_RSA_spec(&spec, nullptr);
  OPENSSL_cleanse(d.data(), d.size());
  if (jwk == nullptr) return Unexpected{std::string("cjose refused the RSA key")};
  return KeyAccess::make(jwk, Alg::RS256, std::move(kid));
}

Result<Key, std::string> ec_from_pkey(const EVP_PKEY* pkey, std::string kid) {
  char group[64] = {};
  if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                     nullptr) != 1 ||
      std::string_view(group) != "prime256v1") {
    return Unexpected{std::string("EC key not on P-256, which ES256 needs (RFC 7518 §3.4)")};
  }
  Bytes d = bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, 32),
        x = bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_X, 32),
        y = bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, 32);
  cjose_jwk_ec_keyspec spec{CJOSE_JWK_EC_P_256, d.data(), d.size(), x.data(),
                            x.size(),           y.data(), y.size()};
  cjose_jwk_t* jwk = cjose_jwk_create_EC_spec(&spec, nullptr);
  OPENSSL_cleanse(d.data(), d.size());
  if (jwk == nullptr) return Unexpected{std::string("cjose refused the EC key")};
  return KeyAccess::make(jwk, Alg::ES256, std::move(kid));
}

Status<std::string> check_jwk(const nlohmann::json& jwk, Alg& alg) {
  if (!jwk.is_object()) return Unexpected{std::string("a JWK must be a JSON object")};
  const auto kty = jwk.value("kty", std::string());
  if (kty == "RSA") {
    alg = Alg::RS256;
    const auto n = base64url_decode(jwk.value("n", std::string()));
    if (!n || n->size() * 8 < static_cast<std::size_t>(kMinRsaBits) - 8) {
      return Unexpected{std::string("RSA JWK shorter than 2048 bits (RFC 7518 §3.3)")};
    }
  } else if (kty == "EC") {
    alg = Alg::ES256;
    if (jwk.value("crv", std::string()) != "P-256") {
      return Unexpected{std::string("EC JWK not on P-256, which ES256 needs (RFC 7518 §3.4)")};
    }
  } else {
    return Unexpected{"JWK kty \"" + kty + "\" is not RSA or EC"};
  }
  if (jwk.contains("alg") && jwk["alg"] != std::string(to_string(alg))) {
    return Unexpected{"JWK alg " + jwk["alg"].dump() + " does not fit its key type"};
  }
  if (jwk.contains("use") && jwk["use"] != "sig") {
    return Unexpected{std::string("JWK \"use\" is not \"sig\"")};
  }
  if (jwk.contains("kid") && !jwk["kid"].is_string()) {
    return Unexpected{std::string("JWK kid must be a string")};
  }
  return Ok{};
}

}  // namespace

std::string_view to_string(Alg alg) {
  return alg == Alg::RS256 ? "RS256" : "ES256";
}

Result<Key, std::string> Key::from_pem(std::string_view pem, std::string kid) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  // An empty passphrase callback: an encrypted key fails instead of prompting on the terminal.
  auto no_password = [](char*, int, int, void*) { return 0; };
  Pkey pkey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, no_password, nullptr) : nullptr,
            &EVP_PKEY_free);
  if (!pkey) {
    return Unexpected{
        std::string("not an unencrypted PEM private key (openssl genpkey writes one)")};
  }
  switch (EVP_PKEY_get_base_id(pkey.get())) {
    case EVP_PKEY_RSA:
      return rsa_from_pkey(pkey.get(), std::move(kid));
    case EVP_PKEY_EC:
      return ec_from_pkey(pkey.get(), std::move(kid));
    default:
      return Unexpected{std::string("the key is neither RSA (RS256) nor EC P-256 (ES256)")};
  }
}

Result<Key, std::string> Key::from_jwk(const nlohmann::json& jwk) {
  Alg alg = Alg::RS256;
  if (auto st = check_jwk(jwk, alg); !st) return Unexpected{st.error()};
  const auto text = jwk.dump();
  cjose_err err{};
  cjose_jwk_t* imported = cjose_jwk_import(text.c_str(), text.size(), &err);
  if (imported == nullptr) {
    return Unexpected{std::string("cjose refused the JWK: ") + (err.message ? err.message : "")};
  }
  return KeyAccess::make(imported, alg, jwk.value("kid", std::string()));
}

Result<Key, std::string> Key::generate(Alg alg, std::string kid) {
  static constexpr std::uint8_t kF4[] = {0x01, 0x00, 0x01};  // e = 65537
  cjose_jwk_t* jwk = alg == Alg::RS256
                         ? cjose_jwk_create_RSA_random(kMinRsaBits, kF4, sizeof kF4, nullptr)
                         : cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, nullptr);
  if (jwk == nullptr) return Unexpected{std::string("cjose could not generate a key")};
  return KeyAccess::make(jwk, alg, std::move(kid));
}

nlohmann::json Key::public_jwk() const {
  char* text = cjose_jwk_to_json(static_cast<const cjose_jwk_t*>(native()), false, nullptr);
  auto out = nlohmann::json::parse(text ? text : "{}", nullptr, false);
  std::free(text);
  if (!out.is_object()) out = nlohmann::json::object();
  if (!kid_.empty()) out["kid"] = kid_;
  out["alg"] = to_string(alg_);
  out["use"] = "sig";
  return out;
}

Result<KeySet, std::string> KeySet::parse(std::string_view json_text) {
  if (json_text.size() > kMaxKeySetBytes) {
    return Unexpected{"JWKS larger than " + std::to_string(kMaxKeySetBytes) + " bytes"};
  }
  const auto doc = nlohmann::json::parse(json_text, nullptr, false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array()) {
    return Unexpected{std::string("a JWKS is a JSON object with a \"keys\" array (RFC 7517 §5)")};
  }
  KeySet set;
  for (const auto& jwk : doc["keys"]) {
    auto key = Key::from_jwk(jwk);
    if (!key) return Unexpected{key.error()};
    if (auto st = set.add(std::move(*key)); !st) return Unexpected{st.error()};
  }
  return set;
}

Status<std::string> KeySet::add(Key key) {
  if (keys_.size() >= kMaxKeys) {
    return Unexpected{"more than " + std::to_string(kMaxKeys) + " keys in one JWKS"};
  }
  for (const auto& k : keys_) {
    if (k.kid() == key.kid()) return Unexpected{"duplicate kid \"" + key.kid() + "\" in a JWKS"};
  }
  keys_.push_back(std::move(key));
  return Ok{};
}

const Key* KeySet::find(const std::string* kid) const {
  if (kid == nullptr) return keys_.size() == 1 ? &keys_.front() : nullptr;
  for (const auto& k : keys_) {
    if (k.kid() == *kid) return &k;
  }
  return nullptr;
}

nlohmann::json KeySet::public_json() const {
  auto keys = nlohmann::json::array();
  for (const auto& k : keys_) keys.push_back(k.public_jwk());
  return {{"keys", keys}};
}

}  // namespace scim::jose
