// The member names of one open JSON object, compared without ASCII case (RFC 7643 §2.1), for the
// request-body rule of json_text.hpp. Shared by both parse paths (json_text.cpp, json_fast.cpp)
// so that they refuse exactly the same objects.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "scim/protocol/strings.hpp"

namespace scim::server::detail {

// `Held` is how a name is kept: std::string when the parser reuses its key buffer, string_view
// when the names outlive the object (simdjson's string buffer lives for the whole parse).
// A SCIM object has a handful of members: those are compared one by one, with no folded copy and
// no hash set; past kLinearNames the names move into a case-insensitive hash set, so a hostile
// object of 100,000 members costs one lookup per member, not a scan.
template <class Held>
class MemberNames {
 public:
  static constexpr std::size_t kLinearNames = 16;
  void clear() {
    few_.clear();
    many_.clear();
  }
  // False when the object already holds `name` under any spelling.
  bool add(std::string_view name) {
    if (!many_.empty()) return many_.emplace(name).second;
    for (const auto& held : few_) {
      if (iequals(held, name)) return false;
    }
    few_.emplace_back(name);
    if (few_.size() > kLinearNames) {
      for (auto& held : few_) many_.insert(std::move(held));
      few_.clear();
    }
    return true;
  }

 private:
  std::vector<Held> few_;
  std::unordered_set<Held, IHash, IEqual> many_;
};

}  // namespace scim::server::detail
