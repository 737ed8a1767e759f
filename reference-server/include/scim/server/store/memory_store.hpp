// InMemoryStore: the reference server's ResourceStore for one tenant. Readers share a lock and
// never block each other; writers take it exclusively, so every write (including the membership
// fix-ups it implies) is atomic and version checks are a true compare-and-set (RFC 7644 §3.14).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/store/membership_index.hpp"
#include "scim/server/store/resource_store.hpp"
#include "scim/server/store/type_table.hpp"

namespace scim::store {

struct StoreOptions {
  // Source of meta.created/lastModified; tests inject a fixed clock.
  std::function<std::chrono::system_clock::time_point()> clock;
  std::size_t max_resources = 5'000'000;        // per tenant, all types; beyond: 507
  std::size_t max_members_per_group = 100'000;  // beyond: 400 invalidValue
  std::size_t max_groups_per_member = 10'000;   // cap on one resource's computed "groups"
};

class InMemoryStore final : public ResourceStore {
 public:
  explicit InMemoryStore(std::vector<TypeSpec> types, StoreOptions options = {});
  ~InMemoryStore() override;

  Result<StoredResource> get(std::string_view type, std::string_view id) const override;
  std::optional<StoredRecord> get_record(std::string_view type, std::string_view id) const override;
  std::optional<std::string> type_of(std::string_view id) const override;
  Result<WriteOutcome> create(std::string_view type, nlohmann::json resource) override;
  Result<WriteOutcome> replace(std::string_view type, std::string_view id, nlohmann::json resource,
                               std::optional<std::uint64_t> expected_version) override;
  Result<WriteOutcome> remove(std::string_view type, std::string_view id,
                              std::optional<std::uint64_t> expected_version) override;
  bool holds_members(std::string_view type) const override;
  Result<MemberEditOutcome> edit_members(std::string_view type, std::string_view id,
                                         const MemberEditStep& step, bool with_members) override;
  Result<QueryResult> query(std::string_view type, const Query& query) const override;
  std::optional<RecordListing> list_records(std::string_view type,
                                            const RecordQuery& query) const override;
  std::size_t size(std::string_view type) const override;

  std::size_t membership_edges() const;

  // ---- Whole-tenant operations of the control plane: reset, export, import
  // (memory_store_admin.cpp).
  std::vector<std::string> type_names() const;
  // Removes every resource. The version counter is kept, so an ETag never repeats.
  void clear();
  // Every resource by type name, each type in creation order, as stored: meta included, the
  // computed "groups" not (it follows from the groups' members). One consistent snapshot.
  std::map<std::string, std::vector<nlohmann::json>> export_all() const;
  // create() for a resource that already has a history: meta.created and meta.lastModified are
  // kept when they are RFC 3339 timestamps, meta.version when it has this store's W/"n" form
  // (the counter then moves past n); whatever is missing is stamped as create() does.
  Result<WriteOutcome> restore(std::string_view type, nlohmann::json resource);
  // All or nothing: `build` fills a staged store (empty, or a copy of the current contents) and
  // only when it succeeds do the staged contents replace the current ones. Readers and writers
  // of the tenant wait while it runs, so no write can slip in between the copy and the swap.
  Status<> transact(bool start_empty, const std::function<Status<>(InMemoryStore&)>& build);

 private:
  Result<WriteOutcome> insert(std::string_view type, nlohmann::json resource, bool keep_meta);
  StoredResource put_record(TypeTable& table, nlohmann::json resource, std::uint64_t version,
                            const nlohmann::json* old);
  // Fills meta for restore(): what is valid is kept, the rest stamped; returns the version.
  std::uint64_t keep_meta(const TypeSpec& spec, nlohmann::json& resource);
  TypeTable* table(std::string_view type) const;
  std::optional<std::string> type_of_locked(std::string_view id) const;
  nlohmann::json materialize(const TypeTable& table, const Record& record) const;
  // The record's stored form (get_record); nullopt for a group whose members are kept beside it.
  std::optional<StoredRecord> stored_form(const TypeTable& table, const Record& record) const;
  // The stored resource: the record decoded, with its members (kept beside it) put back.
  nlohmann::json decode(const TypeTable& table, const Record& record) const;
  // Stores `rest` (a resource without "members") as the record of its id.
  void put_rest(TypeTable& table, nlohmann::json& rest, std::uint64_t version,
                const nlohmann::json* old);
  QueryResult keyset_query(const TypeTable& table, const Query& query) const;
  void attach_groups(const TypeTable& table, nlohmann::json& resource) const;
  // The "groups" of `id` of an `exposes_groups` type (attach_groups adds their groups_json);
  // empty when in none.
  std::vector<GroupRef> computed_groups(std::string_view id) const;
  Status<> check_members(const TypeSpec& spec, nlohmann::json& resource) const;
  void stamp(const TypeSpec& spec, nlohmann::json& resource, const nlohmann::json* old);
  StoredResource commit(TypeTable& table, nlohmann::json resource, const nlohmann::json* old);
  void relink(const TypeSpec& spec, const nlohmann::json* old, const nlohmann::json* now);
  std::vector<StoredResource> drop_memberships(std::string_view id);
  Result<nlohmann::json> current(const TypeTable& table, std::string_view id,
                                 std::optional<std::uint64_t> expected_version) const;

  mutable std::shared_mutex mu_;
  std::vector<TypeSpec> specs_;  // to rebuild empty tables
  std::vector<std::unique_ptr<TypeTable>> tables_;
  MembershipIndex members_;
  StoreOptions options_;
  std::uint64_t last_version_ = 0;  // tenant-wide, so an etag never repeats after delete+create
  // put_rest's buffers for a record's bytes and search column before they are copied into the
  // record's one block, reused by every write (held under mu_'s unique lock). Each keeps the
  // capacity of the largest recent record, at most kScratchKept bytes (put_rest).
  static constexpr std::size_t kScratchKept = 64 * 1024;
  std::vector<std::uint8_t> scratch_bytes_;
  std::string scratch_column_;
};

}  // namespace scim::store
