// Version-4 UUIDs from RAND_bytes (RFC 4122 §4.4): set the version nibble and the variant bits.
#include "events/ids.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace scim::events {
namespace {

std::array<unsigned char, 16> random_uuid_bytes() {
  std::array<unsigned char, 16> b{};
  // A failing CSPRNG is not an expected input error: it is a broken process, hence an exception.
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // variant 10xx
  return b;
}

std::string to_hex(const std::array<unsigned char, 16>& b, bool dashes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (dashes && (i == 4 || i == 6 || i == 8 || i == 10)) out.push_back('-');
    out.push_back(kDigits[b[i] >> 4]);
    out.push_back(kDigits[b[i] & 0x0F]);
  }
  return out;
}

}  // namespace

std::string uuid_v4() {
  return to_hex(random_uuid_bytes(), true);
}
std::string random_hex_id() {
  return to_hex(random_uuid_bytes(), false);
}

}  // namespace scim::events
