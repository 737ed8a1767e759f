// Credential tables: each secret is indexed by its SHA-256 digest (so lookups are O(1) without
// comparing secrets byte by byte) and then confirmed with CRYPTO_memcmp, so response timing does
// not reveal how much of a guessed token was right (RFC 7644 §7.4). Run-time changes build the
// new tables on a copy and swap them in under the writer lock, so a failed change leaves the
// old tables untouched.
#include "scim/server/http/auth.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::http {
namespace {

constexpr std::size_t kMaxSecretBytes = 4096;  // longer Authorization values are rejected

// `md` is the implementation Authenticator fetched once; EVP_sha256() makes OpenSSL 3 look the
// algorithm up by name on every call: a third of what authenticating a request cost under perf.
std::array<unsigned char, 32> sha256(std::string_view data, const EVP_MD* md = nullptr) {
  std::array<unsigned char, 32> out{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &len, md ? md : EVP_sha256(), nullptr);
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

std::string fingerprint(const std::string& secret) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto digest = sha256(secret);
  std::string out;
  for (std::size_t i = 0; i < 6; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

// The credentials of a request-level change are checked like start-up ones; a secret already in
// use is a conflict (409), anything else a bad value (400).
ScimError change_error(const std::string& message) {
  if (message.rfind("duplicate", 0) == 0) return uniqueness(message);
  return invalid_value(message);
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

bool valid_bearer_token(std::string_view token) {
  auto body_end = token.find_last_not_of('=');
  if (token.empty() || body_end == std::string_view::npos) return false;
  return std::all_of(token.begin(), token.begin() + static_cast<long>(body_end) + 1, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  });
}

void Authenticator::MdFree::operator()(EVP_MD* md) const {
  EVP_MD_free(md);
}

Authenticator::Authenticator() : sha256_(EVP_MD_fetch(nullptr, "SHA256", nullptr)) {}

std::size_t Authenticator::DigestHash::operator()(const Digest& d) const {
  std::size_t h = 0;
  std::memcpy(&h, d.data(), sizeof h);  // a cryptographic digest is already uniformly spread
  return h;
}

bool Authenticator::DigestEqual::operator()(const Digest& a, const Digest& b) const {
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Status<std::string> Authenticator::add(Table& table, std::set<std::string, std::less<>>& tenants,
                                       std::string secret, server::Principal principal) {
  if (secret.empty()) return Unexpected{std::string("empty secret for tenant ") + principal.tenant};
  if (secret.size() > kMaxSecretBytes) return Unexpected{std::string("secret too long")};
  if (!principal.admin && !valid_tenant_name(principal.tenant)) {
    return Unexpected{"invalid tenant name '" + principal.tenant +
                      "' (allowed: 1-64 of A-Z a-z 0-9 . _ -)"};
  }
  if (!principal.admin) tenants.insert(principal.tenant);
  auto digest = sha256(secret);  // before `secret` is moved from
  auto [it, inserted] = table.emplace(digest, Entry{std::move(secret), principal});
  if (!inserted) return Unexpected{"duplicate credential " + principal.credential_name};
  return Ok{};
}

std::size_t Authenticator::count(const Table& table, const std::string& tenant) {
  std::size_t n = 0;
  for (const auto& [digest, entry] : table) n += entry.principal.tenant == tenant ? 1 : 0;
  return n;
}

Status<std::string> Authenticator::add_tokens(Tables& t, const std::string& tenant,
                                              std::vector<TokenCredential> tokens) {
  std::size_t number = count(t.bearer, tenant);
  for (auto& token : tokens) {
    server::Principal p{tenant, token.subject, "token#" + std::to_string(++number)};
    if (auto st = add(t.bearer, t.tenants, std::move(token.token), std::move(p)); !st) return st;
  }
  return Ok{};
}

Status<std::string> Authenticator::add_basic(Tables& t, const std::string& tenant,
                                             std::vector<BasicCredential> basic) {
  for (auto& b : basic) {
    if (b.user.empty() || b.user.find(':') != std::string::npos) {
      return Unexpected{std::string("invalid Basic user name '") + b.user + "'"};
    }
    server::Principal p{tenant, b.subject, "basic:" + b.user};
    if (auto st = add(t.basic, t.tenants, b.user + ":" + b.password, std::move(p)); !st) return st;
  }
  return Ok{};
}

Result<Authenticator, std::string> Authenticator::create(AuthOptions options) {
  Authenticator auth;
  auth.realm_ = options.realm;
  Tables& t = auth.tables_;
  if (options.tokens.empty() && options.basic.empty() && !options.oauth.enabled()) {
    options.tokens.push_back(TokenCredential{"secret", "default", std::nullopt});
  }
  t.tenants.insert("default");
  for (std::size_t i = 0; i < options.tokens.size(); ++i) {
    auto& tok = options.tokens[i];
    server::Principal p{tok.tenant, tok.subject, "token#" + std::to_string(i + 1)};
    if (auto st = add(t.bearer, t.tenants, std::move(tok.token), std::move(p)); !st) {
      return Unexpected{st.error()};
    }
  }
  for (auto& b : options.basic) {
    if (auto st = add_basic(t, b.tenant, {b}); !st) return Unexpected{st.error()};
  }
  for (const auto& name : options.tenants) {
    if (!valid_tenant_name(name)) return Unexpected{"invalid tenant name '" + name + "'"};
    t.tenants.insert(name);
  }
  for (std::size_t i = 0; i < options.admin_tokens.size(); ++i) {
    server::Principal p{"", std::nullopt, "admin#" + std::to_string(i + 1), true};
    if (auto st = add(t.admin, t.tenants, options.admin_tokens[i], std::move(p)); !st) {
      return Unexpected{"admin token: " + st.error()};
    }
  }
  for (const auto& [digest, entry] : t.admin) {
    if (t.bearer.count(digest) != 0)
      return Unexpected{std::string("an admin token is also a SCIM token")};
  }
  auth.admin_enabled_ = !t.admin.empty();
  return auth;
}

const Authenticator::Entry* Authenticator::find(const Table& table, std::string_view secret) const {
  auto it = table.find(sha256(secret, sha256_.get()));
  if (it == table.end() || it->second.secret.size() != secret.size()) return nullptr;
  if (CRYPTO_memcmp(it->second.secret.data(), secret.data(), secret.size()) != 0) return nullptr;
  return &it->second;
}

std::optional<server::Principal> Authenticator::authenticate(std::string_view authorization,
                                                             const std::string* path_tenant) const {
  authorization = trim(authorization);
  if (authorization.size() > kMaxSecretBytes) return std::nullopt;
  auto space = authorization.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view scheme = authorization.substr(0, space);
  std::string_view credentials = trim(authorization.substr(space + 1));
  const Entry* entry = nullptr;
  std::shared_lock lock(*mu_);
  // RFC 7235 §2.1: the auth-scheme is case-insensitive.
  if (iequals(scheme, "Bearer")) {
    entry = find(tables_.bearer, credentials);
  } else if (iequals(scheme, "Basic") && !tables_.basic.empty()) {
    if (auto decoded = decode_basic(credentials)) entry = find(tables_.basic, *decoded);
  }
  if (!entry || (path_tenant && entry->principal.tenant != *path_tenant)) return std::nullopt;
  return entry->principal;  // copied once, under the lock
}

std::optional<server::Principal> Authenticator::authenticate_admin(
    std::string_view authorization) const {
  authorization = trim(authorization);
  auto space = authorization.find(' ');
  if (authorization.size() > kMaxSecretBytes || space == std::string_view::npos ||
      !iequals(authorization.substr(0, space), "Bearer")) {
    return std::nullopt;
  }
  std::shared_lock lock(*mu_);
  const Entry* entry = find(tables_.admin, trim(authorization.substr(space + 1)));
  if (!entry) return std::nullopt;
  return entry->principal;
}

bool Authenticator::has_tenant(std::string_view tenant) const {
  std::shared_lock lock(*mu_);
  return tables_.tenants.find(tenant) != tables_.tenants.end();
}

std::vector<std::string> Authenticator::tenants() const {
  std::shared_lock lock(*mu_);
  return {tables_.tenants.begin(), tables_.tenants.end()};
}

std::vector<std::string> Authenticator::challenges() const {
  std::vector<std::string> out{"Bearer realm=\"" + realm_ + "\""};
  std::shared_lock lock(*mu_);
  if (!tables_.basic.empty()) out.push_back("Basic realm=\"" + realm_ + "\", charset=\"UTF-8\"");
  return out;
}

Status<> Authenticator::add_tenant(const std::string& tenant) {
  if (!valid_tenant_name(tenant)) {
    return invalid_value("invalid tenant name \"" + tenant +
                         "\" (allowed: 1-64 of A-Z a-z 0-9 . _ -)");
  }
  std::unique_lock lock(*mu_);
  if (!tables_.tenants.insert(tenant).second) {
    return uniqueness("tenant \"" + tenant + "\" exists");
  }
  return Ok{};
}

Status<> Authenticator::add_credentials(const std::string& tenant,
                                        std::vector<TokenCredential> tokens,
                                        std::vector<BasicCredential> basic) {
  std::unique_lock lock(*mu_);
  if (tables_.tenants.find(tenant) == tables_.tenants.end()) {
    return not_found("tenant \"" + tenant + "\" not found");
  }
  Tables next = tables_;
  if (auto st = add_tokens(next, tenant, std::move(tokens)); !st) return change_error(st.error());
  if (auto st = add_basic(next, tenant, std::move(basic)); !st) return change_error(st.error());
  for (const auto& [digest, entry] : next.bearer) {
    if (next.admin.count(digest) != 0) return uniqueness("that token is an admin token");
  }
  tables_ = std::move(next);
  return Ok{};
}

Status<> Authenticator::replace_tokens(const std::string& tenant,
                                       std::vector<TokenCredential> tokens) {
  std::unique_lock lock(*mu_);
  if (tables_.tenants.find(tenant) == tables_.tenants.end()) {
    return not_found("tenant \"" + tenant + "\" not found");
  }
  Tables next = tables_;
  std::erase_if(next.bearer,
                [&](const auto& item) { return item.second.principal.tenant == tenant; });
  if (auto st = add_tokens(next, tenant, std::move(tokens)); !st) return change_error(st.error());
  for (const auto& [digest, entry] : next.bearer) {
    if (next.admin.count(digest) != 0) return uniqueness("that token is an admin token");
  }
  tables_ = std::move(next);
  return Ok{};
}

bool Authenticator::remove_tenant(const std::string& tenant) {
  std::unique_lock lock(*mu_);
  auto it = tables_.tenants.find(tenant);
  if (it == tables_.tenants.end()) return false;
  tables_.tenants.erase(it);
  auto of_tenant = [&](const auto& item) { return item.second.principal.tenant == tenant; };
  std::erase_if(tables_.bearer, of_tenant);
  std::erase_if(tables_.basic, of_tenant);
  return true;
}

std::vector<CredentialInfo> Authenticator::credentials(const std::string& tenant) const {
  std::vector<CredentialInfo> out;
  std::shared_lock lock(*mu_);
  for (const auto* table : {&tables_.bearer, &tables_.basic}) {
    for (const auto& [digest, entry] : *table) {
      if (entry.principal.tenant != tenant) continue;
      out.push_back({entry.principal.credential_name, table == &tables_.bearer ? "bearer" : "basic",
                     entry.principal.subject, fingerprint(entry.secret)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const CredentialInfo& a, const CredentialInfo& b) { return a.name < b.name; });
  return out;
}

}  // namespace scim::http
