// How a resource type's records are held in memory: the parts of the store that decide what a
// million users cost (docs/store.md, "Memory per record"). A record is one heap block; records
// are kept in creation order in a table indexed by their sequence number, not in a tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace scim::store {

// One stored resource: its version, and a single heap block holding its display value
// (TypeSpec::display_attribute, for groups[].display), its search column (search_column.hpp) and
// its encoded bytes (record_codec.hpp). One block instead of a string, a string and a vector
// saves two allocations' size-class rounding and 80 bytes of handles per resource. The id is
// not copied: it is a view of the same text inside the encoded bytes (record_codec.hpp keeps
// string values verbatim), and only kept beside them when it is not found there.
class Record {
 public:
  Record() = default;
  Record(std::uint64_t version, std::string_view id, std::string_view display,
         std::string_view search, std::span<const std::uint8_t> bytes);
  Record(const Record& other);
  Record& operator=(const Record& other);
  Record(Record&&) noexcept = default;
  Record& operator=(Record&&) noexcept = default;
  ~Record() = default;

  // False for an empty slot of a RecordTable.
  bool holds() const { return blob_ != nullptr; }
  std::uint64_t version() const { return version_; }
  std::string_view id() const;
  std::string_view display() const { return text(kDisplay); }
  std::string_view search() const { return text(kSearch); }
  std::span<const std::uint8_t> bytes() const;
  // Asks the CPU to load the block's first cache lines (its header and, unless a long display
  // value or id comes first, its search column) ahead of use: a scan reads one column per record
  // at a stride of most of a kilobyte, which the hardware prefetcher does not follow.
  void prefetch() const;

 private:
  // The header: uint32 values at these indexes; then the fields of kInlineId..kBytes in order.
  enum Field : std::size_t { kIdAt, kInlineId, kDisplay, kSearch, kBytes, kFields };
  static constexpr std::size_t kHeader = kFields * sizeof(std::uint32_t);
  static constexpr std::uint32_t kIdInline = 0xFFFFFFFF;  // kIdAt: the id is the kInlineId field
  std::uint32_t header(std::size_t index) const;
  std::size_t offset(std::size_t field) const;
  std::size_t blob_size() const { return offset(kFields); }
  std::string_view text(std::size_t field) const;

  std::uint64_t version_ = 0;
  // kIdAt: the id's offset in the bytes field, or kIdInline; kInlineId: the id's length.
  std::unique_ptr<std::uint8_t[]> blob_;
};

// Records by creation sequence number (1, 2, ...; never reused), in chunks of a fixed number of
// slots: 16 bytes per sequence number instead of a std::map node (about 160 bytes with its
// allocation), a scan walks contiguous memory, and growing never copies the records or doubles
// the footprint as a std::vector would. A chunk whose records are all erased is freed, so what a
// deleted record leaves behind is at most its 16-byte slot in a chunk that still has others.
class RecordTable {
 public:
  class Iterator {
   public:
    Iterator(const RecordTable* table, std::uint64_t seq) : table_(table), seq_(seq) {}
    std::uint64_t seq() const { return seq_; }
    const Record& record() const { return *table_->find(seq_); }
    std::pair<std::uint64_t, const Record&> operator*() const { return {seq_, record()}; }
    Iterator& operator++();
    Iterator& operator--();  // not on begin()
    bool operator==(const Iterator& other) const { return seq_ == other.seq_; }

   private:
    const RecordTable* table_;
    std::uint64_t seq_;
  };

  std::size_t size() const { return size_; }
  const Record* find(std::uint64_t seq) const;
  void prefetch(std::uint64_t seq) const {
    if (const Record* r = find(seq)) r->prefetch();
  }
  void put(std::uint64_t seq, Record record);  // inserts or replaces
  void erase(std::uint64_t seq);

  Iterator begin() const { return lower_bound(0); }
  Iterator end() const { return {this, limit()}; }
  Iterator lower_bound(std::uint64_t seq) const;  // first record at or after seq
  Iterator upper_bound(std::uint64_t seq) const;  // first record after seq

 private:
  static constexpr unsigned kChunkBits = 12;  // 4,096 slots: 64 KiB, one allocator size class
  static constexpr std::uint64_t kChunkSlots = std::uint64_t{1} << kChunkBits;
  std::uint64_t limit() const { return chunks_.size() * kChunkSlots; }
  std::uint64_t next_from(std::uint64_t seq) const;  // limit() when none
  std::uint64_t previous_before(std::uint64_t seq) const;

  // Each chunk is empty (never filled, or all its records erased) or kChunkSlots records; a
  // vector rather than new Record[], whose array cookie would push 64 KiB into the next class.
  std::vector<std::vector<Record>> chunks_;
  std::vector<std::uint32_t> live_;  // records held per chunk
  std::size_t size_ = 0;
};

}  // namespace scim::store
