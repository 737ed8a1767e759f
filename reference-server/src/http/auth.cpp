// Credential tables: each secret is indexed by its SHA-256 digest (so lookups are O(1) without
// comparing secrets byte by byte) and then confirmed with CRYPTO_memcmp, so response timing does
// not reveal how much of a guessed token was right (RFC 7644 §7.4).
#include "scim/server/http/auth.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::http {
namespace {

constexpr std::size_t kMaxSecretBytes = 4096;  // longer Authorization values are rejected

std::array<unsigned char, 32> sha256(std::string_view data) {
  std::array<unsigned char, 32> out{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr);
  return out;
}

// RFC 7617 §2: base64 of "user-id:password"; empty or oversized credentials never decode.
std::optional<std::string> decode_basic(std::string_view text) {
  if (text.empty() || text.size() > kMaxSecretBytes) return std::nullopt;
  return base64_decode(text);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool valid_tenant_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return name != "." && name != "..";
}

std::size_t Authenticator::DigestHash::operator()(const Digest& d) const {
  std::size_t h = 0;
  std::memcpy(&h, d.data(), sizeof h);  // a cryptographic digest is already uniformly spread
  return h;
}

bool Authenticator::DigestEqual::operator()(const Digest& a, const Digest& b) const {
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Status<std::string> Authenticator::add(Table& table, std::string secret,
                                       server::Principal principal) {
  if (secret.empty()) return Unexpected{std::string("empty secret for tenant ") + principal.tenant};
  if (secret.size() > kMaxSecretBytes) return Unexpected{std::string("secret too long")};
  if (!valid_tenant_name(principal.tenant)) {
    return Unexpected{"invalid tenant name '" + principal.tenant +
                      "' (allowed: 1-64 of A-Z a-z 0-9 . _ -)"};
  }
  tenants_.insert(principal.tenant);
  auto digest = sha256(secret);  // before `secret` is moved from
  auto [it, inserted] = table.emplace(digest, Entry{std::move(secret), principal});
  if (!inserted) return Unexpected{"duplicate credential " + principal.credential_name};
  return Ok{};
}

Result<Authenticator, std::string> Authenticator::create(AuthOptions options) {
  Authenticator auth;
  auth.realm_ = options.realm;
  if (options.tokens.empty() && options.basic.empty()) {
    options.tokens.push_back(TokenCredential{"secret", "default", std::nullopt});
  }
  auth.tenants_.insert("default");
  for (std::size_t i = 0; i < options.tokens.size(); ++i) {
    auto& t = options.tokens[i];
    server::Principal p{t.tenant, t.subject, "token#" + std::to_string(i + 1)};
    if (auto st = auth.add(auth.bearer_, std::move(t.token), std::move(p)); !st) {
      return Unexpected{st.error()};
    }
  }
  for (auto& b : options.basic) {
    if (b.user.empty() || b.user.find(':') != std::string::npos) {
      return Unexpected{std::string("invalid Basic user name '") + b.user + "'"};
    }
    server::Principal p{b.tenant, b.subject, "basic:" + b.user};
    if (auto st = auth.add(auth.basic_, b.user + ":" + b.password, std::move(p)); !st) {
      return Unexpected{st.error()};
    }
  }
  for (const auto& t : options.tenants) {
    if (!valid_tenant_name(t)) return Unexpected{"invalid tenant name '" + t + "'"};
    auth.tenants_.insert(t);
  }
  return auth;
}

std::optional<server::Principal> Authenticator::find(const Table& table,
                                                     std::string_view secret) const {
  auto it = table.find(sha256(secret));
  if (it == table.end() || it->second.secret.size() != secret.size()) return std::nullopt;
  if (CRYPTO_memcmp(it->second.secret.data(), secret.data(), secret.size()) != 0) {
    return std::nullopt;
  }
  return it->second.principal;
}

std::optional<server::Principal> Authenticator::authenticate(std::string_view authorization,
                                                             const std::string* path_tenant) const {
  authorization = trim(authorization);
  if (authorization.size() > kMaxSecretBytes) return std::nullopt;
  auto space = authorization.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view scheme = authorization.substr(0, space);
  std::string_view credentials = trim(authorization.substr(space + 1));
  std::optional<server::Principal> principal;
  // RFC 7235 §2.1: the auth-scheme is case-insensitive.
  if (iequals(scheme, "Bearer")) {
    principal = find(bearer_, credentials);
  } else if (iequals(scheme, "Basic") && !basic_.empty()) {
    if (auto decoded = decode_basic(credentials)) principal = find(basic_, *decoded);
  }
  if (principal && path_tenant && principal->tenant != *path_tenant) return std::nullopt;
  return principal;
}

std::vector<std::string> Authenticator::challenges() const {
  std::vector<std::string> out{"Bearer realm=\"" + realm_ + "\""};
  if (!basic_.empty()) out.push_back("Basic realm=\"" + realm_ + "\", charset=\"UTF-8\"");
  return out;
}

}  // namespace scim::http
