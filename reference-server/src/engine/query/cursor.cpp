// Cursor tokens (RFC 9865 §2, §5.2): CBOR of the state, AES-256-CTR under a fresh random IV, then
// HMAC-SHA256 over IV, ciphertext and the binding (encrypt-then-MAC), truncated to 128 bits;
// base64url of IV || ciphertext || tag. Both keys derive from the server's cursor key with HMAC,
// so one configured secret serves both purposes without ever being used twice.
#include "scim/server/engine/query/cursor.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <memory>
#include <stdexcept>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/error.hpp"

namespace scim::engine {
namespace {

constexpr std::size_t kIvBytes = 16;
constexpr std::size_t kTagBytes = 16;
constexpr int kFormat = 1;  // first element of the CBOR array; a new layout gets a new number

using Digest = std::array<unsigned char, 32>;

Digest hmac_sha256(std::string_view key, std::string_view data) {
  Digest out{};
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(), &len)) {
    throw std::runtime_error("HMAC-SHA256 failed");  // a broken OpenSSL, not bad input
  }
  return out;
}

std::string as_string(const Digest& d) {
  return std::string(d.begin(), d.end());
}

// AES-256-CTR: the same call encrypts and decrypts.
std::string aes_ctr(const Digest& key, std::string_view iv, std::string_view in) {
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                      EVP_CIPHER_CTX_free);
  std::string out(in.size(), '\0');
  int len = 0;
  const bool ok = ctx &&
                  EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_ctr(), nullptr, key.data(),
                                     reinterpret_cast<const unsigned char*>(iv.data())) == 1 &&
                  EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                                    reinterpret_cast<const unsigned char*>(in.data()),
                                    static_cast<int>(in.size())) == 1;
  if (!ok) throw std::runtime_error("AES-256-CTR failed");
  return out;
}

struct Keys {
  Digest encryption;
  std::string authentication;
};

Keys derive(std::string_view key) {
  return {hmac_sha256(key, "scim rfc9865 cursor encryption"),
          as_string(hmac_sha256(key, "scim rfc9865 cursor authentication"))};
}

// The tag covers the binding too, length-prefixed so no two (token, binding) pairs collide.
std::string tag_of(const Keys& keys, std::string_view iv_and_ciphertext, std::string_view binding) {
  std::string data = std::to_string(iv_and_ciphertext.size()) + ":";
  data.append(iv_and_ciphertext).append(binding);
  return as_string(hmac_sha256(keys.authentication, data)).substr(0, kTagBytes);
}

nlohmann::json to_array(const CursorState& s) {
  return {kFormat,
          s.backward,
          s.inclusive,
          s.anchor.sort_value,
          s.anchor.type_index,
          s.anchor.seq,
          s.count ? nlohmann::json(*s.count) : nlohmann::json(),
          s.issued_at};
}

std::optional<CursorState> from_array(const nlohmann::json& a) {
  if (!a.is_array() || a.size() != 8 || a[0] != kFormat || !a[1].is_boolean() ||
      !a[2].is_boolean() || !a[4].is_number_unsigned() || !a[5].is_number_unsigned() ||
      !(a[6].is_null() || a[6].is_number_integer()) || !a[7].is_number_integer()) {
    return std::nullopt;
  }
  CursorState s;
  s.backward = a[1].get<bool>();
  s.inclusive = a[2].get<bool>();
  s.anchor.sort_value = a[3];
  s.anchor.type_index = a[4].get<std::uint32_t>();
  s.anchor.seq = a[5].get<std::uint64_t>();
  if (!a[6].is_null()) s.count = a[6].get<std::int64_t>();
  s.issued_at = a[7].get<std::int64_t>();
  return s;
}

ScimError invalid() {
  return invalid_cursor(
      "the cursor is not a nextCursor or previousCursor this service provider issued for this "
      "query; send an empty cursor to start again from the first page (RFC 9865 §2.1)");
}

}  // namespace

std::string random_cursor_key() {
  std::string key(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  return key;
}

std::string seal_cursor(std::string_view key, std::string_view binding, const CursorState& state) {
  const Keys keys = derive(key);
  const auto cbor = nlohmann::json::to_cbor(to_array(state));
  std::string iv(kIvBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(iv.data()), static_cast<int>(iv.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  std::string sealed = iv + aes_ctr(keys.encryption, iv, std::string(cbor.begin(), cbor.end()));
  sealed += tag_of(keys, sealed, binding);
  return base64url_encode(sealed);
}

Result<CursorState> open_cursor(std::string_view key, std::string_view binding,
                                std::string_view token) {
  if (token.size() > kMaxCursorLength) return invalid();
  auto raw = base64url_decode(token);
  if (!raw || raw->size() <= kIvBytes + kTagBytes) return invalid();
  const Keys keys = derive(key);
  const std::string_view body = std::string_view(*raw).substr(0, raw->size() - kTagBytes);
  const std::string expected = tag_of(keys, body, binding);
  if (CRYPTO_memcmp(expected.data(), raw->data() + body.size(), kTagBytes) != 0) return invalid();
  const std::string plain =
      aes_ctr(keys.encryption, body.substr(0, kIvBytes), body.substr(kIvBytes));
  auto doc = nlohmann::json::from_cbor(plain, /*strict=*/true, /*allow_exceptions=*/false);
  auto state = from_array(doc);
  if (!state) return invalid();
  return *state;
}

}  // namespace scim::engine
