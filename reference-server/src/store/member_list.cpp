// A group's members beside its record (see member_list.hpp).
#include "scim/server/store/member_list.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"

namespace scim::store {
namespace {

// Erased slots are dropped once they outnumber the live ones (and a few dozen): erasing stays
// O(1) amortised and the slots never hold more than about twice the members.
constexpr std::size_t kMinErasedToCompact = 32;

std::uint64_t member_key(std::string_view value) {
  return IHash{}(value);  // folded, so that a case-insensitive lookup finds every spelling
}

}  // namespace

MemberList::MemberList(const nlohmann::json& members) {
  if (!members.is_array()) return;
  slots_.reserve(members.size());
  by_value_.reserve(members.size());
  for (const auto& m : members) {
    if (!m.is_object()) continue;
    auto value = m.find("value");
    if (value == m.end() || !value->is_string()) continue;
    GroupMember member{value->get<std::string>(), {}, nullptr};
    for (const auto& [key, sub] : m.items()) {
      if (key == "value") continue;
      if (key == "type" && sub.is_string()) {
        member.type = sub.get<std::string>();
      } else {
        if (member.extra.is_null()) member.extra = nlohmann::json::object();
        member.extra[key] = sub;
      }
    }
    append(std::move(member));
  }
}

nlohmann::json MemberList::to_json() const {
  nlohmann::json out = nlohmann::json::array();
  out.get_ref<nlohmann::json::array_t&>().reserve(live_);
  for_each([&](std::size_t, const GroupMember& m) {
    nlohmann::json entry = m.extra.is_object() ? m.extra : nlohmann::json::object();
    entry["value"] = m.value;
    if (!m.type.empty()) entry["type"] = m.type;
    out.push_back(std::move(entry));
  });
  return out;
}

std::vector<std::size_t> MemberList::find(std::string_view value, bool case_exact) const {
  std::vector<std::size_t> out;
  auto [first, last] = by_value_.equal_range(member_key(value));
  for (auto it = first; it != last; ++it) {
    const std::string& have = slots_[it->second]->value;
    if (case_exact ? have == value : iequals(have, value)) out.push_back(it->second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void MemberList::append(GroupMember member) {
  by_value_.emplace(member_key(member.value), slots_.size());
  slots_.emplace_back(std::move(member));
  ++live_;
}

void MemberList::erase(const std::vector<std::size_t>& positions) {
  for (std::size_t position : positions) {
    if (position >= slots_.size() || !slots_[position]) continue;
    auto [first, last] = by_value_.equal_range(member_key(slots_[position]->value));
    for (auto it = first; it != last; ++it) {
      if (it->second == position) {
        by_value_.erase(it);
        break;
      }
    }
    slots_[position].reset();
    --live_;
  }
  const std::size_t erased = slots_.size() - live_;
  if (erased >= kMinErasedToCompact && erased > live_) compact();
}

void MemberList::compact() {
  std::vector<std::optional<GroupMember>> kept;
  kept.reserve(live_);
  by_value_.clear();
  for (auto& slot : slots_) {
    if (!slot) continue;
    by_value_.emplace(member_key(slot->value), kept.size());
    kept.push_back(std::move(slot));
  }
  slots_ = std::move(kept);
}

}  // namespace scim::store
