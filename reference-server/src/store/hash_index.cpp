// Flat hash -> sequence number multimap (see hash_index.hpp).
#include "scim/server/store/hash_index.hpp"

#include <stdexcept>

namespace scim::store {

void HashIndex::insert(std::uint64_t hash, std::uint64_t seq) {
  if (seq == 0) throw std::invalid_argument("store: sequence number 0 cannot be indexed");
  // At most three quarters full, so a probe's run of occupied slots stays short.
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();
  place(hash, seq);
  ++size_;
}

void HashIndex::place(std::uint64_t hash, std::uint64_t seq) {
  std::size_t i = home(hash);
  while (slots_[i].seq != 0) i = (i + 1) & mask();
  slots_[i] = Slot{hash, seq};
}

void HashIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  const std::size_t n = old.empty() ? kMinSlots : old.size() * 2;
  slots_.assign(n, Slot{});
  shift_ = 64;
  for (std::size_t s = n; s > 1; s >>= 1) --shift_;
  for (const Slot& s : old) {
    if (s.seq != 0) place(s.hash, s.seq);
  }
}

bool HashIndex::erase(std::uint64_t hash, std::uint64_t seq) {
  if (slots_.empty()) return false;
  std::size_t i = home(hash);
  while (!(slots_[i].seq == seq && slots_[i].hash == hash)) {
    if (slots_[i].seq == 0) return false;
    i = (i + 1) & mask();
  }
  // Backward-shift deletion: each later entry of the run that may live at the hole (its home is
  // not between the hole and it) moves back into it, so no probe ever stops early at a gap and
  // no tombstones are needed.
  for (std::size_t j = (i + 1) & mask(); slots_[j].seq != 0; j = (j + 1) & mask()) {
    const std::size_t from_home = (j - home(slots_[j].hash)) & mask();
    const std::size_t from_hole = (j - i) & mask();
    if (from_home >= from_hole) {
      slots_[i] = slots_[j];
      i = j;
    }
  }
  slots_[i] = Slot{};
  --size_;
  return true;
}

}  // namespace scim::store
