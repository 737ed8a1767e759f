// The ResourceStore interface: tenant-scoped, versioned, indexed storage of SCIM resources
// (RFC 7643 §3). One store holds one tenant; every resource type of the tenant lives in it so that
// cross-type rules (group membership, RFC 7643 §4.1.2 and §4.2) commit atomically with the write.
// The store stamps `meta` (resourceType, created, lastModified, version); the endpoints add
// `meta.location`, which depends on the base URL the client used.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/store/group_refs.hpp"

namespace scim::store {

// An attribute kept in an index: a top-level one ("userName") or an extension's, qualified by its
// schema URN ("urn:ietf:params:scim:schemas:extension:ble:2.0:Device:deviceMacAddress").
// `case_exact` false folds ASCII case (RFC 7643 §2.1).
struct IndexedAttribute {
  std::string name;
  bool case_exact = false;
};

// What the store needs to know about one resource type; derived from the registry by the caller.
struct TypeSpec {
  std::string name;                       // resource type id: "User", "Group", ...
  std::vector<IndexedAttribute> unique;   // uniqueness server/global: 409 uniqueness on clash
  std::vector<IndexedAttribute> indexed;  // non-unique equality indexes (externalId, displayName)
  std::string display_attribute;          // copied into members' groups[].display ("displayName")
  bool holds_members = false;   // "members" references are checked and reverse-indexed (Group)
  bool exposes_groups = false;  // "groups" is computed from the reverse index (User)
  // Top-level attributes whose text each record also keeps in its search column
  // (search_column.hpp), so substring scans on them read a few bytes instead of the record.
  std::vector<std::string> searched;
};

// The weak entity tag of a version, W/"<version>" (RFC 7644 §3.14, RFC 7232 §2.3): the one place
// the ETag text is made, for meta.version, the ETag header and messages alike.
std::string format_etag(std::uint64_t version);
// The version of a tag format_etag made (W/"42" -> 42); nullopt for any other text.
std::optional<std::uint64_t> parse_etag(std::string_view etag);

// A resource as stored: the JSON with `meta` stamped, and its version counter.
struct StoredResource {
  nlohmann::json resource;
  std::uint64_t version = 0;
  // RFC 7644 §3.14: a weak entity tag derived from the version, e.g. W/"42".
  std::string etag() const;
};

// A resource in its stored form (record_codec.hpp), for answers written from the bytes without
// building a JSON tree (endpoints/resource_text.hpp). The bytes are a copy taken under the store's
// lock, so they stay valid whatever writes follow.
struct StoredRecord {
  std::string id;
  std::vector<std::uint8_t> bytes;
  std::uint64_t version = 0;
  // The computed "groups" (RFC 7643 §4.1.2) of an `exposes_groups` type, as groups_json gives
  // them to a tree; empty when there are none (the stored bytes then answer for "groups", as
  // StoredResource's tree does).
  std::vector<GroupRef> groups;
};

// An index probe derived from a filter (engine::index_hint). The store always re-checks candidates
// with the query predicate, so a probe only narrows the scan and never decides a match alone.
struct IndexLookup {
  enum class Kind { Equals, GreaterThan, GreaterOrEqual, LessThan, LessOrEqual };
  Kind kind = Kind::Equals;
  std::string attribute;  // "id", "meta.lastModified", or an IndexedAttribute/unique name
  nlohmann::json value;
};

// Keyset paging on the creation order (RFC 9865 cursors), for unsorted queries: the page is
// found from a creation sequence instead of an offset, so resources created or deleted meanwhile
// shift nothing, and an unfiltered page costs O(page + log n) with no per-query memory beyond it.
struct Keyset {
  bool backward = false;    // false: matches with seq > bound, the first `limit` of them;
  std::uint64_t bound = 0;  // true: matches with seq < bound, the last `limit` of them
};

// A substring every match of the predicate contains in some value of `attribute` (from
// engine::scan_hints). The store skips a record whose stored bytes lack it, ASCII-folded, without
// decoding it; the predicate still decides every record that remains.
struct ScanNeedle {
  std::string attribute;  // top-level attribute name, "<extension urn>:<name>" for an extension's
  std::string needle;
};

struct Query {
  std::optional<IndexLookup> lookup;
  // Without `lookup`: the matches are among the union of these lookups' candidates (an `or` of
  // indexed terms, engine::index_hints_any); an empty list: nothing can match. A lookup whose
  // attribute has no index makes the query scan, as nullopt does.
  std::optional<std::vector<IndexLookup>> lookup_any;
  std::function<bool(const nlohmann::json&)> predicate;  // empty: every resource matches
  // Necessary substrings of the predicate, most selective first (only read with a predicate).
  std::vector<ScanNeedle> must_contain;
  // Empty: results in creation order. Otherwise every match is kept (bounded by max_sorted).
  std::function<void(std::vector<const nlohmann::json*>&)> sort;
  std::size_t offset = 0;  // 0-based index of the first match returned
  std::size_t limit = std::numeric_limits<std::size_t>::max();
  // Sorting needs every match in memory: above this many matches the query fails with 400
  // tooMany (RFC 7644 §3.12) instead of growing without bound.
  std::size_t max_sorted = 50'000;
  // Set (and `sort` empty): `offset` is ignored and the page is taken around `keyset.bound`.
  std::optional<Keyset> keyset;
};

struct QueryResult {
  std::size_t total = 0;  // number of matches (RFC 7644 §3.4.2 totalResults)
  std::vector<nlohmann::json> page;
  std::vector<std::uint64_t> seqs;  // creation sequence of each page entry (parallel to page)
  bool used_index = false;          // the lookup narrowed the scan (for tests and metrics)
  // Keyset queries: matches beyond the page in its direction (ahead), and matches on the other
  // side of the bound (behind: seq <= bound going forward, seq >= bound going backward).
  bool more_ahead = false;
  bool more_behind = false;
};

// A listing in stored form (ResourceStore::list_records), for pages written from the records'
// bytes without decoding a tree (endpoints/list_text.cpp). The store applies no predicate: the
// entries are the candidates the lookup names (every resource of the type without one), in
// creation order, and a caller with a filter decides each of them itself.
struct RecordQuery {
  std::optional<IndexLookup> lookup;
  std::size_t offset = 0;  // 0-based index of the first candidate returned
  std::size_t limit = std::numeric_limits<std::size_t>::max();
};

// One candidate of a RecordQuery: its stored form, or the decoded resource (as query() gives it)
// when the store keeps no stored form for it (a group whose members are kept beside its bytes).
struct ListedRecord {
  std::optional<StoredRecord> record;
  nlohmann::json resource;  // when `record` is empty
};

struct RecordListing {
  std::size_t total = 0;           // number of candidates
  std::vector<ListedRecord> page;  // the candidates in [offset, offset + limit)
};

// A write's result plus the other resources it changed as a side effect (groups that lost a
// deleted member), so events can be emitted for them too.
struct WriteOutcome {
  StoredResource resource;  // after the write; for deletes the last stored state
  std::vector<StoredResource> side_effects;
};

// A staged edit of one group's members (ResourceStore::edit_members): what the caller's step reads
// and changes. Nothing reaches the group unless the step and the store's checks succeed.
class MemberEdit {
 public:
  virtual ~MemberEdit() = default;
  virtual std::uint64_t version() const = 0;  // the group's version before the edit
  virtual std::size_t size() const = 0;       // members after the edits so far
  // A member with exactly this value (a new one too).
  virtual bool contains(std::string_view value) const = 0;
  // Removes every member whose value equals `value`, ASCII case folded unless `case_exact`
  // (as the filter engine compares, RFC 7643 §2.1); returns how many.
  virtual std::size_t remove(std::string_view value, bool case_exact) = 0;
  // Appends a member; the store fills its "type" in (RFC 7643 §4.2).
  virtual void add(std::string value) = 0;
};
using MemberEditStep = std::function<Status<>(MemberEdit&)>;

struct MemberEditOutcome {
  WriteOutcome outcome;  // the group after the edit (unchanged when nothing changed)
  bool changed = false;  // false: the step changed nothing, and nothing was written
};

class ResourceStore {
 public:
  virtual ~ResourceStore() = default;

  // 404 when absent. Resources of `exposes_groups` types carry the computed "groups".
  virtual Result<StoredResource> get(std::string_view type, std::string_view id) const = 0;
  // The same resource in its stored form; nullopt when the store keeps no such form for it (a
  // group whose members are kept beside its bytes, say): the caller then uses get(), which also
  // answers the 404.
  virtual std::optional<StoredRecord> get_record(std::string_view type, std::string_view id) const {
    (void)type;
    (void)id;
    return std::nullopt;
  }
  // The resource type holding `id`, if any (ids are unique across a tenant's types).
  virtual std::optional<std::string> type_of(std::string_view id) const = 0;

  // `resource` must carry "id". 409 uniqueness on clashes with the id or a unique attribute;
  // 400 invalidValue for members referencing unknown resources.
  virtual Result<WriteOutcome> create(std::string_view type, nlohmann::json resource) = 0;
  // Compare-and-set: when `expected_version` is set and differs from the stored one, 412.
  virtual Result<WriteOutcome> replace(std::string_view type, std::string_view id,
                                       nlohmann::json resource,
                                       std::optional<std::uint64_t> expected_version) = 0;
  // Removes the resource and every membership that names it.
  virtual Result<WriteOutcome> remove(std::string_view type, std::string_view id,
                                      std::optional<std::uint64_t> expected_version) = 0;

  // True when the groups of `type` keep their members beside their records, so that
  // edit_members applies to them.
  virtual bool holds_members(std::string_view type) const = 0;
  // Changes the members of group `id` without rebuilding the group: under the write lock, runs
  // `step` on the members, then the rules of every group write (each new member names an
  // existing resource other than the group, RFC 7643 §4.2; at most max_members_per_group), and
  // commits with a new version and lastModified. A member that ends up with no members loses the
  // attribute. The returned resource carries "members" only when `with_members` (that costs a
  // walk over them); otherwise it is the rest of the group. 404 when absent; the step's error
  // as it returned it.
  virtual Result<MemberEditOutcome> edit_members(std::string_view type, std::string_view id,
                                                 const MemberEditStep& step, bool with_members) = 0;

  virtual Result<QueryResult> query(std::string_view type, const Query& query) const = 0;
  // The stored forms of a query's candidates (RecordQuery), one consistent snapshot; nullopt
  // when the store lists no stored forms, the type is unknown or the lookup's attribute has no
  // index: the caller then uses query(), which answers every case.
  virtual std::optional<RecordListing> list_records(std::string_view type,
                                                    const RecordQuery& query) const {
    (void)type;
    (void)query;
    return std::nullopt;
  }
  virtual std::size_t size(std::string_view type) const = 0;
};

}  // namespace scim::store
