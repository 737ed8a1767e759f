// Version 4 UUIDs (RFC 4122 §4.4): 122 random bits from RAND_bytes with the version and variant
// bits fixed.
#include "scim/protocol/uuid.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace scim {

std::string new_uuid_v4() {
  std::array<unsigned char, 16> b{};
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // §4.1.3: version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // §4.1.1: variant 10xx
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kDigits[b[i] >> 4]);
    out.push_back(kDigits[b[i] & 0x0F]);
  }
  return out;
}

}  // namespace scim
