// JOSE on cjose: the RFC 7515 Appendix A.2 (RS256) and A.3 (ES256) vectors, keys written by
// OpenSSL as `openssl genpkey` does, and every refusal RFC 8725 asks a verifier for.
#include "scim/protocol/jose.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <fstream>
#include <sstream>

#include "scim/protocol/encoding.hpp"

namespace scim::jose {
namespace {

std::string data_file(const std::string& name) {
  std::ifstream in(std::string(SCIM_PROTOCOL_TEST_DATA) + "/jose/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  auto text = ss.str();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// A fresh private key in PKCS#8 PEM, as `openssl genpkey -algorithm RSA|EC` writes it.
std::string generate_pem(bool rsa, int rsa_bits = 2048) {
  EVP_PKEY* pkey = rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(rsa_bits))
                       : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, pkey, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(len));
  BIO_free(bio);
  EVP_PKEY_free(pkey);
  return pem;
}

KeySet public_set(const Key& key) {
  auto set = KeySet::parse(nlohmann::json{{"keys", {key.public_jwk()}}}.dump());
  EXPECT_TRUE(set) << set.error();
  return *set;
}

Key pem_key(bool rsa, const std::string& kid) {
  auto key = Key::from_pem(generate_pem(rsa), kid);
  EXPECT_TRUE(key) << key.error();
  return *key;
}

TEST(Jose, VerifiesRfc7515AppendixA2Rs256) {
  auto keys = KeySet::parse(data_file("rfc7515_a2_public.jwks"));
  ASSERT_TRUE(keys) << keys.error();
  auto verified = verify(data_file("rfc7515_a2.jws"), *keys);
  ASSERT_TRUE(verified) << verified.error();
  EXPECT_EQ(verified->header["alg"], "RS256");
  EXPECT_EQ(verified->claims["iss"], "joe");
  EXPECT_EQ(verified->claims["exp"], 1300819380);
}

TEST(Jose, VerifiesRfc7515AppendixA3Es256) {
  auto keys = KeySet::parse(data_file("rfc7515_a3_public.jwks"));
  ASSERT_TRUE(keys) << keys.error();
  auto verified = verify(data_file("rfc7515_a3.jws"), *keys);
  ASSERT_TRUE(verified) << verified.error();
  EXPECT_EQ(verified->claims["http://example.com/is_root"], true);
}

TEST(Jose, TamperedPayloadFailsTheSignature) {
  auto keys = KeySet::parse(data_file("rfc7515_a3_public.jwks"));
  ASSERT_TRUE(keys);
  auto token = data_file("rfc7515_a3.jws");
  const auto dot = token.find('.');
  const auto forged = base64url_encode(R"({"iss":"mallory","exp":1300819380})");
  token = token.substr(0, dot + 1) + forged + token.substr(token.find('.', dot + 1));
  auto verified = verify(token, *keys);
  ASSERT_FALSE(verified);
  EXPECT_NE(verified.error().find("signature does not verify"), std::string::npos);
}

TEST(Jose, SignsAndVerifiesWithGeneratedRsaAndEcKeys) {
  for (bool rsa : {true, false}) {
    const auto key = pem_key(rsa, rsa ? "rsa-1" : "ec-1");
    ASSERT_EQ(key.alg(), rsa ? Alg::RS256 : Alg::ES256);
    auto token = sign(key, {{"sub", "client"}, {"n", 7}});
    ASSERT_TRUE(token) << token.error();
    auto verified = verify(*token, public_set(key));
    ASSERT_TRUE(verified) << verified.error();
    EXPECT_EQ(verified->header["kid"], key.kid());
    EXPECT_EQ(verified->header["typ"], "JWT");
    EXPECT_EQ(verified->claims["n"], 7);
  }
}

TEST(Jose, PublicJwkHasNoPrivateMembers) {
  for (bool rsa : {true, false}) {
    const auto jwk = pem_key(rsa, "k").public_jwk();
    EXPECT_FALSE(jwk.contains("d"));
    EXPECT_FALSE(jwk.contains("p"));
    EXPECT_EQ(jwk["use"], "sig");
    EXPECT_EQ(jwk["alg"], rsa ? "RS256" : "ES256");
  }
}

TEST(Jose, WrongKeyWithTheSameKidFails) {
  const auto signer = pem_key(false, "k1");
  const auto other = pem_key(false, "k1");
  auto verified = verify(*sign(signer, {{"a", 1}}), public_set(other));
  ASSERT_FALSE(verified);
  EXPECT_NE(verified.error().find("signature does not verify"), std::string::npos);
}

TEST(Jose, UnknownKidIsRefused) {
  auto verified = verify(*sign(pem_key(true, "k1"), {{"a", 1}}), public_set(pem_key(true, "k2")));
  ASSERT_FALSE(verified);
  EXPECT_NE(verified.error().find("no key for kid \"k1\""), std::string::npos);
}

TEST(Jose, AlgNoneIsRefused) {
  const auto key = pem_key(true, "k");
  const auto token = base64url_encode(R"({"alg":"none","kid":"k"})") + "." +
                     base64url_encode(R"({"sub":"x"})") + ".";
  auto verified = verify(token, public_set(key));
  ASSERT_FALSE(verified);
  EXPECT_NE(verified.error().find("alg \"none\" refused"), std::string::npos);
}

// RFC 8725 §2.1: an HS256 token MACed with the verifier's public key as the secret.
TEST(Jose, Hs256KeyConfusionIsRefused) {
  const auto key = pem_key(true, "k");
  const auto secret = key.public_jwk().dump();
  const auto input =
      base64url_encode(R"({"alg":"HS256","kid":"k"})") + "." + base64url_encode(R"({"sub":"x"})");
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &mac_len);
  const auto token = input + "." + base64url_encode({reinterpret_cast<const char*>(mac), mac_len});
  auto verified = verify(token, public_set(key));
  ASSERT_FALSE(verified);
  EXPECT_NE(verified.error().find("alg \"HS256\" refused"), std::string::npos);
}

TEST(Jose, AlgMustFitTheKeyType) {
  const auto rsa = pem_key(true, "shared");
  const auto ec = pem_key(false, "shared");
  auto verified = verify(*sign(ec, {{"a", 1}}), public_set(rsa));
  ASSERT_FALSE(verified);
  EXPECT_NE(verified.error().find("does not fit key"), std::string::npos);
}

TEST(Jose, OversizedAndMalformedTokensAreRefused) {
  const auto keys = public_set(pem_key(false, "k"));
  auto big = verify(std::string(kMaxTokenBytes + 1, 'a'), keys);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().find("larger than 8192 bytes"), std::string::npos);
  EXPECT_FALSE(verify("a.b", keys));
  EXPECT_FALSE(verify("a.b.c.d", keys));
  EXPECT_FALSE(verify("!!!.e30.", keys));
}

TEST(Jose, CritHeaderIsRefused) {
  const auto keys = public_set(pem_key(false, "k"));
  const auto token = base64url_encode(R"({"alg":"ES256","kid":"k","crit":["x"],"x":1})") + "." +
                     base64url_encode("{}") + ".AAAA";
  auto verified = verify(token, keys);
  ASSERT_FALSE(verified);
  EXPECT_NE(verified.error().find("crit"), std::string::npos);
}

TEST(Jose, WeakOrForeignKeysAreRefused) {
  auto small = Key::from_pem(generate_pem(true, 1024), "k");
  ASSERT_FALSE(small);
  EXPECT_NE(small.error().find("2048"), std::string::npos);
  EXPECT_FALSE(Key::from_pem("not a key", "k"));
  EXPECT_FALSE(Key::from_jwk({{"kty", "oct"}, {"k", "c2VjcmV0"}}));
  EXPECT_FALSE(Key::from_jwk({{"kty", "EC"}, {"crv", "P-384"}, {"x", "AA"}, {"y", "AA"}}));
  auto jwk = pem_key(true, "k").public_jwk();
  jwk["alg"] = "ES256";
  EXPECT_FALSE(Key::from_jwk(jwk));
}

TEST(Jose, KeySetBoundsAndUniqueKids) {
  const auto jwk = pem_key(false, "same").public_jwk();
  auto dup = KeySet::parse(nlohmann::json{{"keys", {jwk, jwk}}}.dump());
  ASSERT_FALSE(dup);
  EXPECT_NE(dup.error().find("duplicate kid"), std::string::npos);
  auto many = nlohmann::json{{"keys", nlohmann::json::array()}};
  for (std::size_t i = 0; i <= kMaxKeys; ++i) {
    auto k = jwk;
    k["kid"] = "k" + std::to_string(i);
    many["keys"].push_back(k);
  }
  auto too_many = KeySet::parse(many.dump());
  ASSERT_FALSE(too_many);
  EXPECT_NE(too_many.error().find("more than 32 keys"), std::string::npos);
  EXPECT_FALSE(KeySet::parse(std::string(kMaxKeySetBytes + 1, ' ')));
  EXPECT_FALSE(KeySet::parse(R"({"keys": {}})"));
}

}  // namespace
}  // namespace scim::jose
