// Records as single heap blocks, in a chunked table indexed by creation sequence number.
#include "scim/server/store/record_table.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace scim::store {

Record::Record(std::uint64_t version, std::string_view id, std::string_view display,
               std::string_view search, std::span<const std::uint8_t> bytes)
    : version_(version) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  const std::size_t id_at = text.find(id);
  const bool inline_id = id_at == std::string_view::npos;
  const std::size_t values[kFields] = {inline_id ? kIdInline : id_at, id.size(), display.size(),
                                       search.size(), bytes.size()};
  std::size_t total = kHeader + (inline_id ? id.size() : 0);
  for (std::size_t i = kDisplay; i < kFields; ++i) total += values[i];
  // 32-bit lengths: a resource is bounded far below that by the request size limits, so this
  // only guards against a caller bug.
  if (total >= kIdInline) throw std::length_error("store record over 4 GiB");
  blob_ = std::make_unique_for_overwrite<std::uint8_t[]>(total);
  std::uint8_t* at = blob_.get();
  for (std::size_t value : values) {
    const auto n = static_cast<std::uint32_t>(value);
    std::memcpy(at, &n, sizeof n);
    at += sizeof n;
  }
  for (std::string_view field : {inline_id ? id : std::string_view(), display, search, text}) {
    if (!field.empty()) std::memcpy(at, field.data(), field.size());
    at += field.size();
  }
}

Record::Record(const Record& other) : version_(other.version_) {
  if (!other.blob_) return;
  const std::size_t size = other.blob_size();
  blob_ = std::make_unique_for_overwrite<std::uint8_t[]>(size);
  std::memcpy(blob_.get(), other.blob_.get(), size);
}

Record& Record::operator=(const Record& other) {
  if (this != &other) *this = Record(other);
  return *this;
}

std::uint32_t Record::header(std::size_t index) const {
  std::uint32_t n = 0;
  std::memcpy(&n, blob_.get() + index * sizeof n, sizeof n);
  return n;
}

// Where `field` (kInlineId..kBytes, or kFields for the end) starts in the blob.
std::size_t Record::offset(std::size_t field) const {
  std::size_t at = kHeader;
  if (field > kInlineId && header(kIdAt) == kIdInline) at += header(kInlineId);
  for (std::size_t i = kDisplay; i < field; ++i) at += header(i);
  return at;
}

std::string_view Record::text(std::size_t field) const {
  if (!blob_) return {};
  return {reinterpret_cast<const char*>(blob_.get() + offset(field)), header(field)};
}

std::string_view Record::id() const {
  if (!blob_) return {};
  const std::uint32_t at = header(kIdAt);
  const std::size_t start = at == kIdInline ? offset(kInlineId) : offset(kBytes) + at;
  return {reinterpret_cast<const char*>(blob_.get() + start), header(kInlineId)};
}

std::span<const std::uint8_t> Record::bytes() const {
  if (!blob_) return {};
  return {blob_.get() + offset(kBytes), header(kBytes)};
}

void Record::prefetch() const {
  constexpr std::size_t kLine = 64, kLines = 4;  // the header and a column of about 230 bytes
  if (!blob_) return;
  for (std::size_t i = 0; i < kLines; ++i) __builtin_prefetch(blob_.get() + i * kLine);
}

const Record* RecordTable::find(std::uint64_t seq) const {
  const std::uint64_t chunk = seq >> kChunkBits;
  if (chunk >= chunks_.size() || chunks_[chunk].empty()) return nullptr;
  const Record& r = chunks_[chunk][seq & (kChunkSlots - 1)];
  return r.holds() ? &r : nullptr;
}

void RecordTable::put(std::uint64_t seq, Record record) {
  if (!record.holds()) throw std::invalid_argument("store: an empty record cannot be put");
  const std::uint64_t chunk = seq >> kChunkBits;
  if (chunk >= chunks_.size()) {
    chunks_.resize(chunk + 1);
    live_.resize(chunk + 1, 0);
  }
  if (chunks_[chunk].empty()) chunks_[chunk].resize(kChunkSlots);
  Record& slot = chunks_[chunk][seq & (kChunkSlots - 1)];
  if (!slot.holds()) {
    ++live_[chunk];
    ++size_;
  }
  slot = std::move(record);
}

void RecordTable::erase(std::uint64_t seq) {
  if (!find(seq)) return;
  const std::uint64_t chunk = seq >> kChunkBits;
  chunks_[chunk][seq & (kChunkSlots - 1)] = Record();
  --size_;
  if (--live_[chunk] == 0) {
    chunks_[chunk].clear();
    chunks_[chunk].shrink_to_fit();  // frees the 64 KiB
  }
}

std::uint64_t RecordTable::next_from(std::uint64_t seq) const {
  while (seq < limit()) {
    const std::uint64_t chunk = seq >> kChunkBits;
    if (live_[chunk] == 0) {
      seq = (chunk + 1) << kChunkBits;  // nothing held there: skip the whole chunk
      continue;
    }
    if (chunks_[chunk][seq & (kChunkSlots - 1)].holds()) return seq;
    ++seq;
  }
  return limit();
}

std::uint64_t RecordTable::previous_before(std::uint64_t seq) const {
  while (seq > 0) {
    const std::uint64_t chunk = (seq - 1) >> kChunkBits;
    if (live_[chunk] == 0) {
      seq = chunk << kChunkBits;
      continue;
    }
    --seq;
    if (chunks_[chunk][seq & (kChunkSlots - 1)].holds()) return seq;
  }
  return limit();  // none: callers never step back from begin()
}

RecordTable::Iterator RecordTable::lower_bound(std::uint64_t seq) const {
  return {this, next_from(std::min(seq, limit()))};
}

RecordTable::Iterator RecordTable::upper_bound(std::uint64_t seq) const {
  return seq >= limit() ? end() : lower_bound(seq + 1);
}

RecordTable::Iterator& RecordTable::Iterator::operator++() {
  seq_ = table_->next_from(seq_ + 1);
  return *this;
}

RecordTable::Iterator& RecordTable::Iterator::operator--() {
  seq_ = table_->previous_before(seq_);
  return *this;
}

}  // namespace scim::store
