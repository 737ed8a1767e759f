// InMemoryStore::edit_members: a change to one group's members applied to its member list (kept
// beside the record, member_list.hpp) instead of to a decoded copy of the whole group, so adding
// or removing one member costs the same in a group of 100 members as in one of 10,000. The rules
// are those of every group write (RFC 7643 §4.2, as check_group_members in memory_store.cpp
// applies them to a whole "members" array); memory_store_members_test.cpp pins that both agree.
#include <mutex>
#include <unordered_set>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/store/record_codec.hpp"

namespace scim::store {
namespace {

// The edits of one step, staged over the stored list: removed positions of the stored list, and
// the members added (a list of their own, so that removing one of them again is a lookup too).
// The members after the edit are the stored ones not removed, in order, then the added ones.
class StagedMemberEdit final : public MemberEdit {
 public:
  StagedMemberEdit(const MemberList* stored, std::uint64_t version)
      : stored_(stored), version_(version) {}

  std::uint64_t version() const override { return version_; }
  std::size_t size() const override {
    return (stored_ ? stored_->size() : 0) - removed_.size() + added_.size();
  }
  bool contains(std::string_view value) const override {
    if (!added_.find(value, true).empty()) return true;
    if (!stored_) return false;
    for (std::size_t at : stored_->find(value, true)) {
      if (!removed_.count(at)) return true;
    }
    return false;
  }
  std::size_t remove(std::string_view value, bool case_exact) override {
    std::size_t n = 0;
    if (stored_) {
      for (std::size_t at : stored_->find(value, case_exact)) n += removed_.insert(at).second;
    }
    const auto added = added_.find(value, case_exact);
    added_.erase(added);
    return n + added.size();
  }
  // A value already there collapses into it (as check_group_members collapses duplicates).
  void add(std::string value) override {
    if (!contains(value)) added_.append({std::move(value), {}, nullptr});
  }

  // Whether the group changes: a member removed or added, or an empty "members" that the
  // operations leave empty (the PATCH engine then drops the attribute, RFC 7644 §3.5.2).
  bool changed() const {
    return !removed_.empty() || added_.size() > 0 || (stored_ && size() == 0);
  }
  std::size_t kept() const { return (stored_ ? stored_->size() : 0) - removed_.size(); }
  const MemberList& added() const { return added_; }
  std::vector<std::size_t> removed() const { return {removed_.begin(), removed_.end()}; }

 private:
  const MemberList* stored_;
  std::uint64_t version_;
  std::unordered_set<std::size_t> removed_;
  MemberList added_;
};

}  // namespace

bool InMemoryStore::holds_members(std::string_view type) const {
  std::shared_lock lock(mu_);
  const auto* t = table(type);
  return t && t->spec().holds_members;
}

Result<MemberEditOutcome> InMemoryStore::edit_members(std::string_view type, std::string_view id,
                                                      const MemberEditStep& step,
                                                      bool with_members) {
  std::unique_lock lock(mu_);
  auto* t = table(type);
  if (!t || !t->spec().holds_members) {
    return ScimError{500, ScimType::None, "store: " + std::string(type) + " holds no members"};
  }
  const Record* record = t->find(id);
  if (!record) {
    return ScimError{404, ScimType::None,
                     std::string(type) + " \"" + std::string(id) + "\" not found"};
  }
  MemberList* stored = t->members_of(id);
  StagedMemberEdit edit(stored, record->version());
  if (auto st = step(edit); !st) return st.error();
  if (!edit.changed()) {
    // RFC 7644 §3.5.2: nothing changed, nothing is written (version and lastModified stay).
    nlohmann::json now = with_members ? decode(*t, *record) : decode_record(record->bytes());
    attach_groups(*t, now);
    return MemberEditOutcome{{StoredResource{std::move(now), record->version()}, {}}, false};
  }
  if (edit.size() > options_.max_members_per_group) {
    return ScimError{
        400, ScimType::InvalidValue,
        "a group holds at most " + std::to_string(options_.max_members_per_group) + " members"};
  }
  // RFC 7643 §4.2: each new member names an existing resource of the tenant, not the group
  // itself; its type is filled in. The members kept were checked when they were written (and a
  // deleted resource leaves every group). Errors name the member's place in the new list.
  std::vector<GroupMember> fresh;
  fresh.reserve(edit.added().size());
  Status<> refused = Ok{};
  edit.added().for_each([&](std::size_t, const GroupMember& m) {
    if (!refused) return;
    const std::string where = "members[" + std::to_string(edit.kept() + fresh.size()) + "]";
    if (m.value == id) {
      refused = ScimError{400, ScimType::InvalidValue, "a group cannot contain itself"};
      return;
    }
    auto actual = type_of_locked(m.value);
    if (!actual) {
      refused = ScimError{400, ScimType::InvalidValue,
                          where + ".value \"" + m.value + "\" does not name an existing resource"};
      return;
    }
    fresh.push_back({m.value, std::move(*actual), nullptr});
  });
  if (!refused) return refused.error();
  nlohmann::json rest = decode_record(record->bytes());
  const nlohmann::json old = rest;
  stamp(t->spec(), rest, &old);
  const std::string group_id(id);
  if (stored) {
    const auto removed = edit.removed();
    for (std::size_t at : removed) members_.remove(group_id, stored->at(at).value);
    stored->erase(removed);
  } else {
    t->set_members(group_id, MemberList());
    stored = t->members_of(group_id);
  }
  for (auto& m : fresh) {
    members_.add(group_id, m.value);
    stored->append(std::move(m));
  }
  if (stored->size() == 0) t->set_members(group_id, std::nullopt);  // the attribute is gone
  put_rest(*t, rest, last_version_, &old);
  if (with_members) {
    if (const MemberList* now = t->members_of(group_id)) rest["members"] = now->to_json();
  }
  attach_groups(*t, rest);
  return MemberEditOutcome{{StoredResource{std::move(rest), last_version_}, {}}, true};
}

}  // namespace scim::store
