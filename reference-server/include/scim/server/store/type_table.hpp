// One resource type's records inside a tenant store, with its indexes: id, the unique attributes,
// non-unique equality attributes, and meta.lastModified ordered. Records hold the resource in a
// compact binary form (record_codec.hpp). Not synchronised: the owning store holds the lock.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scim/server/store/hash_index.hpp"
#include "scim/server/store/member_list.hpp"
#include "scim/server/store/record_table.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::store {

class TypeTable {
 public:
  explicit TypeTable(TypeSpec spec);

  const TypeSpec& spec() const { return spec_; }
  std::size_t size() const { return records_.size(); }

  const Record* find(std::string_view id) const;
  // Describes the first unique attribute of `resource` already held by another resource
  // ("userName \"bjensen\" is already used by 2819c223"); nullopt when free.
  std::optional<std::string> unique_conflict(const nlohmann::json& resource,
                                             std::string_view self_id) const;

  // Adds or replaces the record of resource["id"] (which must be record.id()); `old` is the
  // previous resource (for index maintenance) or null on insert.
  void put(const nlohmann::json& resource, Record record, const nlohmann::json* old);
  // Also drops the resource's member list.
  void erase(const nlohmann::json& old);
  // The members of a group of a `holds_members` type, kept beside its record (member_list.hpp);
  // null when the group has no "members" attribute.
  const MemberList* members_of(std::string_view id) const;
  MemberList* members_of(std::string_view id);
  // Sets the member list of `id`, or drops it (nullopt: the group has no "members").
  void set_members(std::string_view id, std::optional<MemberList> members);

  // Creation-ordered sequence numbers of the candidates for `lookup`; nullopt when the attribute
  // is not indexed (the caller scans everything).
  std::optional<std::vector<std::uint64_t>> candidates(const IndexLookup& lookup) const;
  // The candidates of `lookup` or, without it, the creation-ordered union of `any`'s (each
  // candidate once; none for an empty list); nullopt when no lookup is given or one of them has
  // no index.
  std::optional<std::vector<std::uint64_t>> candidates(
      const std::optional<IndexLookup>& lookup,
      const std::optional<std::vector<IndexLookup>>& any) const;
  const Record* by_seq(std::uint64_t seq) const;
  const RecordTable& records() const { return records_; }

 private:
  // Keyed by a hash of the index key (index_key): a userName or externalId costs a 16-byte
  // slot of a flat table (hash_index.hpp) instead of a string node and its heap copy (about 70
  // bytes a user each). Equal hashes only make candidates: queries re-check them with their
  // predicate, unique_conflict compares the holder's actual value.
  struct Index {
    IndexedAttribute attribute;
    HashIndex keys;
  };
  void index(const nlohmann::json& resource, std::uint64_t seq);
  void unindex(const nlohmann::json& resource, std::uint64_t seq);
  std::optional<std::uint64_t> seq_of(std::string_view id) const;
  std::optional<std::vector<std::uint64_t>> range(const IndexLookup& lookup) const;

  TypeSpec spec_;
  std::uint64_t next_seq_ = 1;
  RecordTable records_;  // creation order: stable listing order
  // id -> sequence number, keyed by a hash of the id: the id itself is read from the record
  // (Record::id), so it is not stored a second time in a string node (about 70 bytes a record).
  // A flat table (hash_index.hpp): a GET finds its record's slot in one probe.
  HashIndex by_id_;
  std::vector<Index> unique_;
  std::vector<Index> indexed_;
  std::multimap<std::int64_t, std::uint64_t> by_last_modified_;
  // Found by a view of the id (transparent), so a read allocates nothing to learn a record has
  // no member list.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  // Group id -> its members; empty for types that do not hold members (Users).
  std::unordered_map<std::string, MemberList, IdHash, std::equal_to<>> member_lists_;
};

// The index key of a value: strings folded unless case-exact, numbers and booleans by their JSON
// text; nullopt for objects, arrays and null (not indexable).
std::optional<std::string> index_key(const nlohmann::json& value, bool case_exact);

}  // namespace scim::store
