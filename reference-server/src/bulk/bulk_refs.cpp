// bulkId reference scanning, substitution and cycle-breaking extraction (RFC 7644 §3.7.1-§3.7.2).
// Recursion depth is bounded by BulkLimits::max_json_depth, checked when the request is parsed.
#include "scim/server/bulk/bulk_refs.hpp"

#include "scim/protocol/strings.hpp"

namespace scim::bulk {
namespace {

std::string ref_of(const nlohmann::json& j) {
  if (!j.is_string()) return {};
  const auto& s = j.get_ref<const std::string&>();
  if (s.size() <= kBulkIdPrefix.size() || s.compare(0, kBulkIdPrefix.size(), kBulkIdPrefix) != 0) {
    return {};
  }
  return s.substr(kBulkIdPrefix.size());
}

void collect(const nlohmann::json& j, std::set<std::string>& out) {
  if (j.is_structured()) {
    for (const auto& child : j) collect(child, out);
    return;
  }
  if (auto id = ref_of(j); !id.empty()) out.insert(std::move(id));
}

bool references_any(const nlohmann::json& j, const std::set<std::string>& ids) {
  std::set<std::string> found;
  collect(j, found);
  for (const auto& f : found) {
    if (ids.count(f) != 0) return true;
  }
  return false;
}

// Strips inside one attribute container (the resource root, or an extension object). URN keys at
// the root are extension containers (RFC 7643 §3.3) and are descended into once.
void strip_in(nlohmann::json& container, const std::string& prefix,
              const std::set<std::string>& deferred, std::vector<DeferredValue>& out) {
  std::vector<std::string> whole;
  for (auto& [key, value] : container.items()) {
    if (!references_any(value, deferred)) continue;
    if (prefix.empty() && istarts_with(key, "urn:") && value.is_object()) {
      strip_in(value, key + ":", deferred, out);
      continue;
    }
    if (value.is_array()) {
      nlohmann::json kept = nlohmann::json::array();
      nlohmann::json moved = nlohmann::json::array();
      for (auto& element : value) {
        (references_any(element, deferred) ? moved : kept).push_back(std::move(element));
      }
      value = std::move(kept);
      out.push_back({prefix + key, std::move(moved)});
    } else {
      whole.push_back(key);
    }
  }
  for (const auto& key : whole) {
    out.push_back({prefix + key, container[key]});
    container.erase(key);
  }
}

}  // namespace

std::set<std::string> referenced_bulk_ids(const nlohmann::json& data) {
  std::set<std::string> out;
  collect(data, out);
  return out;
}

std::string path_bulk_id(std::string_view path) {
  const auto slash = path.rfind('/');
  const auto last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return ref_of(nlohmann::json(std::string(last)));
}

nlohmann::json substitute(const nlohmann::json& data,
                          const std::map<std::string, std::string>& ids) {
  if (data.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : data.items()) out[k] = substitute(v, ids);
    return out;
  }
  if (data.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : data) out.push_back(substitute(v, ids));
    return out;
  }
  if (auto id = ref_of(data); !id.empty()) {
    auto it = ids.find(id);
    if (it != ids.end()) return it->second;
  }
  return data;
}

void substitute_in_place(nlohmann::json& data, const std::map<std::string, std::string>& ids) {
  if (data.is_structured()) {
    for (auto& child : data) substitute_in_place(child, ids);
    return;
  }
  if (auto id = ref_of(data); !id.empty()) {
    auto it = ids.find(id);
    if (it != ids.end()) data = it->second;
  }
}

std::string substitute_path(std::string_view path, const std::map<std::string, std::string>& ids) {
  const std::string id = path_bulk_id(path);
  if (id.empty()) return std::string(path);
  auto it = ids.find(id);
  if (it == ids.end()) return std::string(path);
  return std::string(path.substr(0, path.rfind('/') + 1)) + it->second;
}

std::vector<DeferredValue> strip_references(nlohmann::json& data,
                                            const std::set<std::string>& deferred) {
  std::vector<DeferredValue> out;
  if (data.is_object()) strip_in(data, "", deferred, out);
  return out;
}

}  // namespace scim::bulk
