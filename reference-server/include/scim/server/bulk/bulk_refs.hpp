// "bulkId:" references inside bulk operations (RFC 7644 §3.7.2): finding them, substituting the
// created ids, and - to break circular references (§3.7.1) - lifting them out of a POST's data
// into a follow-up PATCH. References may sit anywhere in "data" (members[].value, the enterprise
// extension's manager.value, ...) and in the operation's "path" (e.g. "/Users/bulkId:qwerty").
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace scim::bulk {

inline constexpr std::string_view kBulkIdPrefix = "bulkId:";

// Every bulkId referenced in `data` (strings exactly "bulkId:<id>"), in document order.
std::set<std::string> referenced_bulk_ids(const nlohmann::json& data);
// The bulkId a path segment references ("/Groups/bulkId:x" -> "x"), or empty.
std::string path_bulk_id(std::string_view path);

// Replaces "bulkId:<id>" strings whose id is in `ids` (bulkId -> resource id).
nlohmann::json substitute(const nlohmann::json& data,
                          const std::map<std::string, std::string>& ids);
// The same, in place: no copy of `data`.
void substitute_in_place(nlohmann::json& data, const std::map<std::string, std::string>& ids);
std::string substitute_path(std::string_view path, const std::map<std::string, std::string>& ids);

// One PATCH "add" operation that restores what strip_references() removed.
struct DeferredValue {
  std::string path;      // "members" or "urn:...:enterprise:2.0:User:manager"
  nlohmann::json value;  // array of removed elements, or the removed attribute value
};

// Removes from a resource body every element (of a multi-valued attribute) or attribute (single
// valued, or inside an extension object) that references one of `deferred`, and returns the PATCH
// operations that put them back. RFC 7644 §3.7.1 asks the server to try to resolve cycles: the
// resource is created without the cyclic references, and the references are patched in once their
// targets exist.
std::vector<DeferredValue> strip_references(nlohmann::json& data,
                                            const std::set<std::string>& deferred);

}  // namespace scim::bulk
