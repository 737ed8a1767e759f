// A multimap from 64-bit hashes to record sequence numbers held in one flat array (open
// addressing, linear probing): the store's id, unique and equality indexes (type_table.hpp). A
// lookup reads a run of adjacent 16-byte slots, usually within one cache line, where a node-based
// std::unordered_multimap chases a bucket pointer and then a node per entry (docs/performance.md,
// item 21). Equal hashes are kept side by side; the caller tells them apart (the id index compares
// the record's id, a query re-checks each candidate with its predicate). Not synchronised: the
// owning store holds the lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace scim::store {

class HashIndex {
 public:
  std::size_t size() const { return size_; }
  // The slots held (a power of two, or 0 before the first insert): what the index costs is
  // 16 bytes each.
  std::size_t capacity() const { return slots_.size(); }

  // Adds the entry (hash, seq); seq must not be 0 (sequence numbers start at 1). An entry equal
  // to one already held is added again: the callers never do that.
  void insert(std::uint64_t hash, std::uint64_t seq);
  // Removes one entry (hash, seq); false when there is none.
  bool erase(std::uint64_t hash, std::uint64_t seq);

  // Calls visit(seq) for each entry with `hash`, in no particular order, until it returns false.
  template <class Visit>
  void visit(std::uint64_t hash, Visit visit) const {
    if (slots_.empty()) return;
    for (std::size_t i = home(hash);; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.seq == 0) return;
      if (s.hash == hash && !visit(s.seq)) return;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t seq = 0;  // 0: empty
  };
  static constexpr std::size_t kMinSlots = 16;
  std::size_t mask() const { return slots_.size() - 1; }
  // The slot a hash starts probing at: its top bits after a multiplicative mix (Fibonacci
  // hashing), so hashes that differ only in their low bits spread as well.
  std::size_t home(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void place(std::uint64_t hash, std::uint64_t seq);
  void grow();

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  unsigned shift_ = 64;  // 64 - log2(slots)
};

}  // namespace scim::store
