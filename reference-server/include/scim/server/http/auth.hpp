// Authentication (RFC 7644 §2, RFC 6750 bearer, RFC 7617 Basic) and the tenant a credential is
// bound to (RFC 7644 §6.1). Socket-free so the rules are unit-tested without a server.
//
// Tenant decision for path-addressed tenants (/tenants/{t}/scim/v2/...): credentials live in the
// realm of their own tenant, so a token presented on another tenant's path is simply not a valid
// credential there and the answer is 401 (not 403). That also keeps tenant names unguessable: an
// unknown tenant and a foreign tenant look the same to the caller.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scim/protocol/result.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/http/options.hpp"

namespace scim::http {

// True for tenant names usable in URLs and as store keys: [A-Za-z0-9._-]{1,64}.
bool valid_tenant_name(std::string_view name);

class Authenticator {
 public:
  // Validates the options (non-empty secrets, valid tenant names, no duplicate credentials) and
  // builds the lookup tables. With no tokens and no Basic users, one token "secret" -> "default".
  static Result<Authenticator, std::string> create(AuthOptions options);

  // The principal for an Authorization header value, or nullopt (-> 401). When `path_tenant` is
  // set, only credentials of that tenant are accepted (see the header comment).
  std::optional<server::Principal> authenticate(std::string_view authorization,
                                                const std::string* path_tenant) const;

  bool has_tenant(std::string_view tenant) const { return tenants_.count(std::string(tenant)); }
  const std::set<std::string>& tenants() const { return tenants_; }
  // WWW-Authenticate challenges (RFC 7235 §4.1): Bearer always, Basic when users are configured.
  std::vector<std::string> challenges() const;

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

  std::optional<server::Principal> find(const Table& table, std::string_view secret) const;
  Status<std::string> add(Table& table, std::string secret, server::Principal principal);

  Table bearer_;
  Table basic_;  // key: "user:password"
  std::set<std::string> tenants_;
  std::string realm_;
};

}  // namespace scim::http
