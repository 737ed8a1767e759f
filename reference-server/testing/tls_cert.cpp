// Self-signed EC P-256 certificate with subjectAltName IP:127.0.0.1, DNS:localhost (RFC 5280
// §4.2.1.6), so libcurl's host verification passes against the test server.
#include "scim/server/testing/tls_cert.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>

namespace scim::test {
namespace {

struct Deleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
  void operator()(FILE* f) const { std::fclose(f); }
};

bool add_san(X509* cert) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  std::unique_ptr<X509_EXTENSION, Deleter> ext(
      X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"));
  return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

}  // namespace

TlsFiles make_self_signed_cert(const std::string& directory) {
  std::unique_ptr<EVP_PKEY, Deleter> key(EVP_EC_gen("P-256"));
  std::unique_ptr<X509, Deleter> cert(X509_new());
  if (!key || !cert) return {};
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  if (!add_san(cert.get()) || X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return {};

  TlsFiles files{directory + "/cert.pem", directory + "/key.pem"};
  std::unique_ptr<FILE, Deleter> cf(std::fopen(files.cert_file.c_str(), "w"));
  std::unique_ptr<FILE, Deleter> kf(std::fopen(files.key_file.c_str(), "w"));
  if (!cf || !kf || PEM_write_X509(cf.get(), cert.get()) != 1 ||
      PEM_write_PrivateKey(kf.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return {};
  }
  return files;
}

}  // namespace scim::test
