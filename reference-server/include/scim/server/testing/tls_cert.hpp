// A throw-away self-signed certificate for 127.0.0.1/localhost, generated at test time with the
// OpenSSL API (no fixtures to expire, no openssl CLI needed), written as PEM files.
#pragma once

#include <string>

namespace scim::test {

struct TlsFiles {
  std::string cert_file;  // also usable as the client's CA file
  std::string key_file;
};

// Writes cert.pem and key.pem into `directory`; empty paths on failure.
TlsFiles make_self_signed_cert(const std::string& directory);

}  // namespace scim::test
