// Random (version 4) UUIDs from OpenSSL's CSPRNG (RFC 4122 §4.4): resource ids, SET "jti"/"txn",
// request ids, and the random GUIDs some provider profiles send.
#pragma once

#include <array>
#include <cstddef>
#include <mutex>
#include <string>

namespace scim {

// "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx" in lower-case hex. Throws std::runtime_error if
// RAND_bytes fails: a CSPRNG outage is a broken process, not an input error.
std::string new_uuid_v4();

// The same UUIDs for a hot path: one RAND_bytes call fills a buffer that serves 256 of them.
// Each RAND_bytes call pays OpenSSL's DRBG dispatch and locking, which under load cost several
// microseconds per request when every request minted its id alone. Thread-safe; each id uses
// 16 bytes that no other id sees.
class UuidPool {
 public:
  std::string next();

 private:
  static constexpr std::size_t kBytes = 16 * 256;
  std::mutex mu_;
  std::array<unsigned char, kBytes> bytes_{};
  std::size_t used_ = kBytes;  // all used: the first call fills the buffer
};

}  // namespace scim
