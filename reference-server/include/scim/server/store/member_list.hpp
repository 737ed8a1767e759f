// The members of one group, kept beside the group's record instead of inside its bytes (RFC 7643
// §4.2 "members"), so that adding or removing one member touches one entry and not the whole
// group: the record holds the rest of the group, and reads put the members back in their order.
// Not synchronised: the owning store guards it with its tenant lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scim::store {

// One value of "members": its "value" and "type" (which the store fills in at write), and any
// other sub-attribute the client sent ("display", ...) as the object `extra`, null when none.
struct GroupMember {
  std::string value;
  std::string type;
  nlohmann::json extra;
};

class MemberList {
 public:
  MemberList() = default;
  // From a stored "members" array; every element is an object with a string "value" (the store
  // checks that before it stores a group).
  explicit MemberList(const nlohmann::json& members);

  // The "members" array, in the order the values were added.
  nlohmann::json to_json() const;
  std::size_t size() const { return live_; }
  // Positions of the values equal to `value`, ASCII case folded unless `case_exact` (RFC 7643
  // §2.1; as the filter engine compares), in list order.
  std::vector<std::size_t> find(std::string_view value, bool case_exact) const;
  const GroupMember& at(std::size_t position) const { return *slots_[position]; }
  void append(GroupMember member);
  // Erases the values at `positions` (positions from find or for_each since the last erase: an
  // erase may compact the list and renumber them).
  void erase(const std::vector<std::size_t>& positions);
  // Calls f(position, member) for every value, in order.
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i]) f(i, *slots_[i]);
    }
  }

 private:
  void compact();
  // Slots in order; an erased value leaves an empty slot until the list is compacted.
  std::vector<std::optional<GroupMember>> slots_;
  // Hash of the folded value -> slot: 8 + 8 bytes a member instead of a copy of the value; equal
  // hashes are told apart by comparing the slots' values.
  std::unordered_multimap<std::uint64_t, std::size_t> by_value_;
  std::size_t live_ = 0;
};

}  // namespace scim::store
