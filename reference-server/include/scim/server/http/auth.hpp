// Authentication (RFC 7644 §2, RFC 6750 bearer, RFC 7617 Basic) and the tenant a credential is
// bound to (RFC 7644 §6.1). Socket-free so the rules are unit-tested without a server.
//
// Tenant decision for path-addressed tenants (/tenants/{t}/scim/v2/...): credentials live in the
// realm of their own tenant, so a token presented on another tenant's path is simply not a valid
// credential there and the answer is 401 (not 403). That also keeps tenant names unguessable: an
// unknown tenant and a foreign tenant look the same to the caller.
//
// Credentials change while the server runs (the control plane creates and deletes tenants and
// rotates their tokens): the tables are guarded by a reader/writer lock, every change is atomic
// (on error nothing changed) and takes effect for the next request. Admin tokens live in a table
// of their own and never authenticate a SCIM request.
#pragma once

#include <openssl/types.h>

#include <array>
#include <memory>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/http/options.hpp"

namespace scim::http {

// True for tenant names usable in URLs and as store keys: [A-Za-z0-9._-]{1,64}.
bool valid_tenant_name(std::string_view name);
// RFC 6750 §2.1 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" — what a
// bearer token may be, so a client can send it in an Authorization header unchanged.
bool valid_bearer_token(std::string_view token);

// A credential as the control plane lists it: never the secret, only a label and a fingerprint
// (the first 12 hex digits of its SHA-256) that tells a rotated token from the one before.
struct CredentialInfo {
  std::string name;    // "token#1", "basic:alice"
  std::string scheme;  // "bearer" or "basic"
  std::optional<std::string> subject;
  std::string fingerprint;
};

class Authenticator {
 public:
  // Validates the options (non-empty secrets, valid tenant names, no duplicate credentials) and
  // builds the lookup tables. With no tokens and no Basic users, one token "secret" -> "default".
  static Result<Authenticator, std::string> create(AuthOptions options);

  // The principal for an Authorization header value, or nullopt (-> 401). When `path_tenant` is
  // set, only credentials of that tenant are accepted (see the header comment).
  std::optional<server::Principal> authenticate(std::string_view authorization,
                                                const std::string* path_tenant) const;
  // The admin principal for an Authorization header carrying an admin bearer token.
  std::optional<server::Principal> authenticate_admin(std::string_view authorization) const;
  bool admin_enabled() const { return admin_enabled_; }

  bool has_tenant(std::string_view tenant) const;
  std::vector<std::string> tenants() const;
  // WWW-Authenticate challenges (RFC 7235 §4.1): Bearer always, Basic when users are configured.
  std::vector<std::string> challenges() const;

  // ---- Run-time changes (the control plane). Each is atomic and thread-safe.
  // Declares a tenant; 409 uniqueness when it exists, 400 invalidValue for a bad name.
  Status<> add_tenant(const std::string& tenant);
  // Adds credentials to an existing tenant (their `tenant` fields are ignored). 404 for an
  // unknown tenant, 400 invalidValue for an empty or oversized secret, 409 uniqueness when a
  // secret is already in use.
  Status<> add_credentials(const std::string& tenant, std::vector<TokenCredential> tokens,
                           std::vector<BasicCredential> basic);
  // Rotation: the tenant's bearer tokens become exactly `tokens`; the old ones stop working at
  // once. Basic users are kept.
  Status<> replace_tokens(const std::string& tenant, std::vector<TokenCredential> tokens);
  // Forgets the tenant and revokes every credential bound to it; false when it did not exist.
  bool remove_tenant(const std::string& tenant);
  std::vector<CredentialInfo> credentials(const std::string& tenant) const;

 private:
  using Digest = std::array<unsigned char, 32>;  // SHA-256 of the secret: the index key
  struct DigestHash {
    std::size_t operator()(const Digest& d) const;
  };
  // Constant-time digest equality (CRYPTO_memcmp): the index lookup itself must not reveal how
  // many leading bytes of a guessed secret's digest matched.
  struct DigestEqual {
    bool operator()(const Digest& a, const Digest& b) const;
  };
  struct Entry {
    std::string secret;  // compared in constant time after the index lookup
    server::Principal principal;
  };
  using Table = std::unordered_map<Digest, Entry, DigestHash, DigestEqual>;
  struct Tables {
    Table bearer;
    Table basic;  // key: "user:password"
    Table admin;
    std::set<std::string, std::less<>> tenants;
  };

  // The entry whose secret `secret` is, or null; valid while the caller holds mu_. The caller
  // copies the principal once, into what it returns.
  const Entry* find(const Table& table, std::string_view secret) const;
  static Status<std::string> add(Table& table, std::set<std::string, std::less<>>& tenants,
                                 std::string secret, server::Principal principal);
  static Status<std::string> add_tokens(Tables& t, const std::string& tenant,
                                        std::vector<TokenCredential> tokens);
  static Status<std::string> add_basic(Tables& t, const std::string& tenant,
                                       std::vector<BasicCredential> basic);
  static std::size_t count(const Table& table, const std::string& tenant);

  Authenticator();
  struct MdFree {
    void operator()(EVP_MD* md) const;
  };

  // SHA-256 fetched from OpenSSL's default provider once (null if that failed: EVP_sha256()).
  std::unique_ptr<EVP_MD, MdFree> sha256_;
  // Movable (create() returns by value): the lock lives on the heap.
  std::unique_ptr<std::shared_mutex> mu_ = std::make_unique<std::shared_mutex>();
  Tables tables_;
  std::string realm_;
  bool admin_enabled_ = false;
};

}  // namespace scim::http
