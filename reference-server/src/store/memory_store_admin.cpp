// The control plane's whole-tenant operations on an InMemoryStore (see memory_store.hpp): reset,
// export, restore with meta kept, and the all-or-nothing transaction an import runs in.
#include <algorithm>
#include <charconv>
#include <mutex>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/store/record_codec.hpp"
#include "scim/server/store/timestamp.hpp"

namespace scim::store {

std::optional<std::uint64_t> parse_etag(std::string_view etag) {
  if (etag.size() < 5 || etag.substr(0, 3) != "W/\"" || etag.back() != '"') return std::nullopt;
  const std::string_view digits = etag.substr(3, etag.size() - 4);
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value == 0) return std::nullopt;
  return value;
}

std::vector<std::string> InMemoryStore::type_names() const {
  std::vector<std::string> out;
  for (const auto& spec : specs_) out.push_back(spec.name);
  return out;
}

void InMemoryStore::clear() {
  std::unique_lock lock(mu_);
  tables_.clear();
  for (const auto& spec : specs_) tables_.push_back(std::make_unique<TypeTable>(spec));
  members_ = MembershipIndex();
}

std::map<std::string, std::vector<nlohmann::json>> InMemoryStore::export_all() const {
  std::shared_lock lock(mu_);
  std::map<std::string, std::vector<nlohmann::json>> out;
  for (const auto& t : tables_) {
    auto& resources = out[t->spec().name];
    resources.reserve(t->size());
    for (const auto& [seq, record] : t->records()) {
      resources.push_back(decode(*t, record));
    }
  }
  return out;
}

Result<WriteOutcome> InMemoryStore::restore(std::string_view type, nlohmann::json resource) {
  return insert(type, std::move(resource), true);
}

std::uint64_t InMemoryStore::keep_meta(const TypeSpec& spec, nlohmann::json& resource) {
  nlohmann::json given = resource.contains("meta") && resource["meta"].is_object()
                             ? resource["meta"]
                             : nlohmann::json::object();
  auto timestamp = [&](const char* name) -> std::string {
    auto it = given.find(name);
    if (it != given.end() && it->is_string() && parse_timestamp_ms(it->get<std::string>())) {
      return it->get<std::string>();
    }
    return format_timestamp(options_.clock());
  };
  std::optional<std::uint64_t> version;
  if (auto it = given.find("version"); it != given.end() && it->is_string()) {
    version = parse_etag(it->get<std::string>());
  }
  const std::uint64_t kept = version ? *version : last_version_ + 1;
  last_version_ = std::max(last_version_, kept);
  if (spec.exposes_groups) resource.erase("groups");  // computed on read, never stored
  resource["meta"] = {{"resourceType", spec.name},
                      {"created", timestamp("created")},
                      {"lastModified", timestamp("lastModified")},
                      {"version", format_etag(kept)}};
  return kept;
}

Status<> InMemoryStore::transact(bool start_empty,
                                 const std::function<Status<>(InMemoryStore&)>& build) {
  std::unique_lock lock(mu_);
  InMemoryStore staged(specs_, options_);
  staged.last_version_ = last_version_;
  if (!start_empty) {
    staged.tables_.clear();
    for (const auto& t : tables_) staged.tables_.push_back(std::make_unique<TypeTable>(*t));
    staged.members_ = members_;
  }
  if (auto st = build(staged); !st) return st;
  tables_ = std::move(staged.tables_);
  members_ = std::move(staged.members_);
  last_version_ = std::max(last_version_, staged.last_version_);
  return Ok{};
}

}  // namespace scim::store
