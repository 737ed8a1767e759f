// The reverse index of group membership: member id -> ids of the groups that list it directly.
// It answers a User's read-only "groups" attribute (RFC 7643 §4.1.2: direct and indirect through
// nested groups) without scanning every group, and finds the groups to fix when a member is
// deleted. Not synchronised: the owning store guards it with its tenant lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scim::store {

// A counting filter over 64-bit hashes: whether a hash may have been added (and not removed
// since). No false negatives; a false positive only costs the caller its exact lookup. One byte
// per slot, at least four slots per hash held (so at most about a fifth of the hashes not held
// share a slot with one that is), grown as hashes are added; a count that reaches 255 stays there
// (it may then err toward "maybe" until the next growth recounts it). What it costs is
// capacity() bytes: 4 to 8 per hash held at the most held so far.
class CountingFilter {
 public:
  // The hashes held are given again on growth: `each(add)` must call add(hash) for every one,
  // this one included.
  template <class Each>
  void add(std::uint64_t hash, std::size_t held, Each each) {
    if (held * kSlotsPerHash > counts_.size()) {
      grow(held);
      each([this](std::uint64_t h) { count_in(h); });
      return;
    }
    count_in(hash);
  }
  void remove(std::uint64_t hash) {
    if (counts_.empty()) return;
    std::uint8_t& c = counts_[slot(hash)];
    if (c != 0 && c != kStuck) --c;
  }
  bool may_hold(std::uint64_t hash) const { return !counts_.empty() && counts_[slot(hash)] != 0; }
  std::size_t capacity() const { return counts_.size(); }

 private:
  static constexpr std::size_t kSlotsPerHash = 4;
  static constexpr std::size_t kMinSlots = 1024;
  static constexpr std::uint8_t kStuck = 255;
  // The top bits after a multiplicative mix (Fibonacci hashing), as HashIndex places its slots.
  std::size_t slot(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void count_in(std::uint64_t hash) {
    std::uint8_t& c = counts_[slot(hash)];
    if (c != kStuck) ++c;
  }
  void grow(std::size_t held);

  std::vector<std::uint8_t> counts_;
  unsigned shift_ = 64;  // 64 - log2(slots)
};

struct Membership {
  std::string group_id;
  bool direct = true;  // false: reached through a nested group ("indirect")
};

class MembershipIndex {
 public:
  void add(std::string_view group_id, std::string_view member_id);
  void remove(std::string_view group_id, std::string_view member_id);
  // Groups that list `member_id` directly (empty when none).
  std::vector<std::string> parents(std::string_view member_id) const;
  // Direct groups first, then indirect ones breadth-first; cycles are visited once. At most
  // `limit` entries, so a hostile nesting cannot make one read unbounded.
  std::vector<Membership> groups_of(std::string_view member_id, std::size_t limit) const;
  std::size_t edge_count() const { return edges_; }

 private:
  // Looked up by a view of the id (std::string_view's hash, transparent), so a read asking for a
  // member in no group allocates nothing.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  // Small vectors: a member usually belongs to a handful of groups.
  std::unordered_map<std::string, std::vector<std::string>, IdHash, std::equal_to<>> parents_;
  // The ids of parents_ by their hash: a member in no group (most users, read on every GET of
  // a user for its "groups") is usually answered from one byte of this small table, without
  // parents_'s bucket and node, which are cache misses (docs/performance.md, item 23).
  CountingFilter members_;
  std::size_t edges_ = 0;
};

}  // namespace scim::store
