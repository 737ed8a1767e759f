// Per-type records and indexes of the in-memory store.
#include "scim/server/store/type_table.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/store/record_codec.hpp"
#include "scim/server/store/timestamp.hpp"

namespace scim::store {
namespace {

const nlohmann::json* member(const nlohmann::json& object, std::string_view name) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(name);
  return it == object.end() ? nullptr : &*it;
}

// The value an index keeps: a top-level attribute, or an extension's attribute named
// "<schema URN>:<attribute>" (attribute names never contain ':', RFC 7643 §2.1).
const nlohmann::json* indexed_value(const nlohmann::json& resource, std::string_view name) {
  const auto colon = name.rfind(':');
  if (colon == std::string_view::npos) return member(resource, name);
  const auto* extension = member(resource, name.substr(0, colon));
  return extension ? member(*extension, name.substr(colon + 1)) : nullptr;
}

std::uint64_t key_hash(std::string_view key) {
  return std::hash<std::string_view>{}(key);
}

std::int64_t last_modified_of(const nlohmann::json& resource) {
  const auto* meta = member(resource, "meta");
  const auto* lm = meta ? member(*meta, "lastModified") : nullptr;
  if (!lm || !lm->is_string()) return 0;
  return parse_timestamp_ms(lm->get_ref<const std::string&>()).value_or(0);
}

}  // namespace

std::optional<std::string> index_key(const nlohmann::json& value, bool case_exact) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    return case_exact ? s : to_lower(s);
  }
  if (value.is_number() || value.is_boolean()) return value.dump();
  return std::nullopt;
}

TypeTable::TypeTable(TypeSpec spec) : spec_(std::move(spec)) {
  for (const auto& a : spec_.unique) unique_.push_back({a, {}});
  for (const auto& a : spec_.indexed) indexed_.push_back({a, {}});
}

std::optional<std::uint64_t> TypeTable::seq_of(std::string_view id) const {
  std::optional<std::uint64_t> found;
  by_id_.visit(key_hash(id), [&](std::uint64_t seq) {
    const Record* r = records_.find(seq);
    if (!r || r->id() != id) return true;  // equal hashes of different ids are skipped
    found = seq;
    return false;
  });
  return found;
}

const Record* TypeTable::find(std::string_view id) const {
  auto seq = seq_of(id);
  return seq ? records_.find(*seq) : nullptr;
}

const Record* TypeTable::by_seq(std::uint64_t seq) const {
  return records_.find(seq);
}

std::optional<std::string> TypeTable::unique_conflict(const nlohmann::json& resource,
                                                      std::string_view self_id) const {
  for (const auto& index : unique_) {
    const auto* value = indexed_value(resource, index.attribute.name);
    if (!value) continue;
    auto key = index_key(*value, index.attribute.case_exact);
    if (!key) continue;
    std::optional<std::string> clash;
    index.keys.visit(key_hash(*key), [&](std::uint64_t seq) {
      const Record* holder = by_seq(seq);
      if (!holder) return true;
      // Decoded only when the hashes are equal: to rule out a hash collision, and to name the
      // holder in the error.
      const nlohmann::json held = decode_record(holder->bytes());
      const auto* held_value = indexed_value(held, index.attribute.name);
      if (!held_value || index_key(*held_value, index.attribute.case_exact) != key) return true;
      auto holder_id = held.value("id", "");
      if (holder_id == self_id) return true;
      clash =
          index.attribute.name + " " + value->dump() + " is already used by resource " + holder_id;
      return false;
    });
    if (clash) return clash;
  }
  return std::nullopt;
}

void TypeTable::index(const nlohmann::json& resource, std::uint64_t seq) {
  for (auto* set : {&unique_, &indexed_}) {
    for (auto& index : *set) {
      const auto* value = indexed_value(resource, index.attribute.name);
      auto key = value ? index_key(*value, index.attribute.case_exact) : std::nullopt;
      if (key) index.keys.insert(key_hash(*key), seq);
    }
  }
  // A write's lastModified is the store's clock at the write, so it is almost always the latest
  // key: the hint makes that insert constant time instead of a descent through a tree of every
  // record (an earlier time, after the clock went back, still lands in its place).
  by_last_modified_.emplace_hint(by_last_modified_.end(), last_modified_of(resource), seq);
}

void TypeTable::unindex(const nlohmann::json& resource, std::uint64_t seq) {
  for (auto* set : {&unique_, &indexed_}) {
    for (auto& index : *set) {
      const auto* value = indexed_value(resource, index.attribute.name);
      auto key = value ? index_key(*value, index.attribute.case_exact) : std::nullopt;
      if (key) index.keys.erase(key_hash(*key), seq);
    }
  }
  auto [first, last] = by_last_modified_.equal_range(last_modified_of(resource));
  for (auto it = first; it != last; ++it) {
    if (it->second == seq) {
      by_last_modified_.erase(it);
      break;
    }
  }
}

void TypeTable::put(const nlohmann::json& resource, Record record, const nlohmann::json* old) {
  const std::string& id = resource.at("id").get_ref<const std::string&>();
  auto seq = seq_of(id);
  if (!seq) {
    seq = next_seq_++;
    by_id_.insert(key_hash(id), *seq);
  } else if (old) {
    unindex(*old, *seq);
  }
  records_.put(*seq, std::move(record));
  index(resource, *seq);
}

void TypeTable::erase(const nlohmann::json& old) {
  const std::string& id = old.at("id").get_ref<const std::string&>();
  auto seq = seq_of(id);
  if (!seq) return;
  unindex(old, *seq);
  records_.erase(*seq);
  if (auto it = member_lists_.find(std::string_view(id)); it != member_lists_.end()) {
    member_lists_.erase(it);
  }
  by_id_.erase(key_hash(id), *seq);
}

const MemberList* TypeTable::members_of(std::string_view id) const {
  if (member_lists_.empty()) return nullptr;  // every type but groups: no hashing at all
  auto it = member_lists_.find(id);
  return it == member_lists_.end() ? nullptr : &it->second;
}

MemberList* TypeTable::members_of(std::string_view id) {
  if (member_lists_.empty()) return nullptr;
  auto it = member_lists_.find(id);
  return it == member_lists_.end() ? nullptr : &it->second;
}

void TypeTable::set_members(std::string_view id, std::optional<MemberList> members) {
  if (members) {
    member_lists_.insert_or_assign(std::string(id), std::move(*members));
  } else if (auto it = member_lists_.find(id); it != member_lists_.end()) {
    member_lists_.erase(it);
  }
}

std::optional<std::vector<std::uint64_t>> TypeTable::candidates(const IndexLookup& lookup) const {
  if (iequals(lookup.attribute, "meta.lastModified")) return range(lookup);
  if (lookup.kind != IndexLookup::Kind::Equals) return std::nullopt;
  if (iequals(lookup.attribute, "id")) {
    std::vector<std::uint64_t> out;
    if (lookup.value.is_string()) {
      if (auto seq = seq_of(lookup.value.get_ref<const std::string&>())) out.push_back(*seq);
    }
    return out;
  }
  for (const auto* set : {&unique_, &indexed_}) {
    for (const auto& index : *set) {
      if (!iequals(index.attribute.name, lookup.attribute)) continue;
      std::vector<std::uint64_t> out;
      // Fold even for case-exact attributes' lookups only when the index folds; the predicate
      // re-checks each candidate with the attribute's real comparison rules.
      auto key = index_key(lookup.value, index.attribute.case_exact);
      if (!key) return std::nullopt;
      index.keys.visit(key_hash(*key), [&](std::uint64_t seq) {
        out.push_back(seq);
        return true;
      });
      std::sort(out.begin(), out.end());
      return out;
    }
  }
  return std::nullopt;
}

std::optional<std::vector<std::uint64_t>> TypeTable::candidates(
    const std::optional<IndexLookup>& lookup,
    const std::optional<std::vector<IndexLookup>>& any) const {
  if (lookup) return candidates(*lookup);
  if (!any) return std::nullopt;
  std::vector<std::uint64_t> out;
  for (const auto& one : *any) {
    auto some = candidates(one);
    if (!some) return std::nullopt;
    out.insert(out.end(), some->begin(), some->end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<std::vector<std::uint64_t>> TypeTable::range(const IndexLookup& lookup) const {
  if (!lookup.value.is_string()) return std::nullopt;
  auto ms = parse_timestamp_ms(lookup.value.get_ref<const std::string&>());
  if (!ms) return std::nullopt;
  // Bounds are inclusive on both sides on purpose: the index holds millisecond instants and the
  // predicate applies the exact comparison, so a candidate too many is harmless.
  auto first = by_last_modified_.begin();
  auto last = by_last_modified_.end();
  using K = IndexLookup::Kind;
  if (lookup.kind == K::GreaterThan || lookup.kind == K::GreaterOrEqual || lookup.kind == K::Equals)
    first = by_last_modified_.lower_bound(*ms);
  if (lookup.kind == K::LessThan || lookup.kind == K::LessOrEqual || lookup.kind == K::Equals)
    last = by_last_modified_.upper_bound(*ms);
  std::vector<std::uint64_t> out;
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace scim::store
