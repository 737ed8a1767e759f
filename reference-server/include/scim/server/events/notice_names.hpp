// The attribute names a notice SET lists (RFC 9967 §2.4 "attributes"), and a cache of the last
// list made for each resource type, so that writes of the same shape share one list instead of
// each building its own (item 33).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "scim/server/api/write_event.hpp"

namespace scim::events {

using AttributeNames = std::shared_ptr<const std::vector<std::string>>;

// Names of the attributes a notice lists (draft §2.2 "attributes"): the top-level attributes of
// the resource for create/put, the op paths (or value keys) for patch.
std::vector<std::string> notice_attributes(const server::WriteEvent& event);

// notice_attributes(event), shared: for a create or put, the list last made for the same
// resource type and kind when the resource lists exactly the same names in the same order (a
// hit compares the names, it never trusts the type alone); a patch's list is always made anew.
// Thread-safe; holds at most kMaxSlots lists.
class NoticeNames {
 public:
  static constexpr std::size_t kMaxSlots = 32;

  AttributeNames of(const server::WriteEvent& event);

 private:
  struct Slot {
    std::string resource_type;
    bool create = false;
    AttributeNames names;
  };

  std::mutex mu_;
  std::vector<Slot> slots_;
};

}  // namespace scim::events
