// The attribute names of a notice SET (RFC 9967 §2.4) and their per-type cache (see
// notice_names.hpp).
#include "scim/server/events/notice_names.hpp"

#include <algorithm>
#include <string_view>

#include "scim/protocol/strings.hpp"

namespace scim::events {
namespace {

using Kind = server::WriteEvent::Kind;

void add_unique(std::vector<std::string>& names, std::string_view name) {
  // Compared without case only where the lengths agree; copied only when kept.
  const bool seen = std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return n.size() == name.size() && iequals(n, name);
  });
  if (!seen && !name.empty()) names.emplace_back(name);
}

// The path of a PATCH operation names the attribute; a path-less "add"/"replace" names the keys of
// its value object (RFC 7644 §3.5.2.1, §3.5.2.3).
void patch_op_attributes(const nlohmann::json& op, std::vector<std::string>& names) {
  if (!op.is_object()) return;
  auto path = op.find("path");
  if (path != op.end() && path->is_string()) {
    add_unique(names, path->get_ref<const std::string&>());
    return;
  }
  auto value = op.find("value");
  if (value == op.end() || !value->is_object()) return;
  for (const auto& [key, unused] : value->items()) add_unique(names, key);
}

// The presented resource when the sink took it, else the stored one: their top-level names
// differ only in "meta", which is not listed. Null when neither is an object.
const nlohmann::json::object_t* listed_resource(const server::WriteEvent& event) {
  const nlohmann::json* resource = &event.resource;
  if (!resource->is_object() && event.stored) resource = event.stored;
  return resource->is_object() ? &resource->get_ref<const nlohmann::json::object_t&>() : nullptr;
}

// "schemas" and "meta" are bookkeeping; Figure 5 lists "id" for create, Figure 9 omits it for
// put (the id did not change).
bool listed(std::string_view key, Kind kind) {
  return key != "schemas" && key != "meta" && (key != "id" || kind == Kind::Create);
}

// Whether the names `resource` lists for `kind` are exactly `names`, in order: then
// notice_attributes would make `names` again (they hold no two names equal without case).
bool lists_exactly(const nlohmann::json::object_t& resource, Kind kind,
                   const std::vector<std::string>& names) {
  std::size_t i = 0;
  for (const auto& [key, unused] : resource) {
    if (!listed(key, kind)) continue;
    if (i == names.size() || names[i] != key) return false;
    ++i;
  }
  return i == names.size();
}

}  // namespace

std::vector<std::string> notice_attributes(const server::WriteEvent& event) {
  std::vector<std::string> names;
  if (event.kind == Kind::Patch) {
    if (event.patch_ops.is_array()) {
      for (const auto& op : event.patch_ops) patch_op_attributes(op, names);
    }
    return names;
  }
  const nlohmann::json::object_t* resource = listed_resource(event);
  if (resource == nullptr) return names;
  names.reserve(resource->size());
  for (const auto& [key, unused] : *resource) {
    if (listed(key, event.kind)) add_unique(names, key);
  }
  return names;
}

AttributeNames NoticeNames::of(const server::WriteEvent& event) {
  const nlohmann::json::object_t* resource = listed_resource(event);
  if (event.kind == Kind::Patch || resource == nullptr) {
    return std::make_shared<const std::vector<std::string>>(notice_attributes(event));
  }
  const bool create = event.kind == Kind::Create;
  std::lock_guard lock(mu_);
  auto slot = std::find_if(slots_.begin(), slots_.end(), [&](const Slot& s) {
    return s.create == create && s.resource_type == event.resource_type;
  });
  if (slot != slots_.end() && lists_exactly(*resource, event.kind, *slot->names)) {
    return slot->names;
  }
  auto made = std::make_shared<const std::vector<std::string>>(notice_attributes(event));
  if (slot != slots_.end()) {
    slot->names = made;
  } else if (slots_.size() < kMaxSlots) {
    slots_.push_back(Slot{event.resource_type, create, made});
  }
  return made;
}

}  // namespace scim::events
