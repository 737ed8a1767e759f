// Version 4 UUIDs (RFC 4122 §4.4): 122 random bits from RAND_bytes with the version and variant
// bits fixed.
#include "scim/protocol/uuid.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace scim {
namespace {

void random_bytes(unsigned char* out, std::size_t n) {
  if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("RAND_bytes failed");
}

std::string format_v4(std::array<unsigned char, 16> b) {
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // §4.1.3: version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // §4.1.1: variant 10xx
  static constexpr char kDigits[] = "0123456789abcdef";
  // Written into a buffer of its final size, then made a string once: a push_back per
  // character checked the capacity 36 times, and request ids are minted per request.
  std::array<char, 36> text{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text[at++] = '-';
    text[at++] = kDigits[b[i] >> 4];
    text[at++] = kDigits[b[i] & 0x0F];
  }
  return std::string(text.data(), text.size());
}

}  // namespace

std::string new_uuid_v4() {
  std::array<unsigned char, 16> b{};
  random_bytes(b.data(), b.size());
  return format_v4(b);
}

std::string UuidPool::next() {
  std::array<unsigned char, 16> b{};
  {
    std::lock_guard lock(mu_);
    if (used_ + b.size() > bytes_.size()) {
      random_bytes(bytes_.data(), bytes_.size());
      used_ = 0;
    }
    std::copy_n(bytes_.begin() + static_cast<std::ptrdiff_t>(used_), b.size(), b.begin());
    used_ += b.size();
  }
  return format_v4(b);
}

}  // namespace scim
