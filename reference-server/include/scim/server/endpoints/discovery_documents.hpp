// DiscoveryDocuments: the /Schemas and /ResourceTypes bodies (RFC 7644 §4), rendered once per
// base URL instead of per request. The registry is immutable while serving, and turning every
// schema into JSON and back into text on each GET /Schemas dominated its cost (~80% of a
// request in a debug build, Schema::to_json alone ~50%).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "scim/protocol/resource_type.hpp"

namespace scim::server {

// RFC 7644 §4: the unpaged ListResponse of /Schemas and /ResourceTypes holding every document.
nlohmann::json discovery_list(nlohmann::json resources);

class DiscoveryDocuments {
 public:
  // Base URLs come from the client's Host header: beyond this many, bodies are rendered per
  // request rather than cached, so hostile Host values cannot grow memory.
  static constexpr std::size_t kMaxBaseUrls = 16;

  // Response bodies with absolute meta.location for one base URL.
  struct Rendered {
    std::string schemas_list;
    std::string resource_types_list;
    std::unordered_map<const Schema*, std::string> schema;
    std::unordered_map<const ResourceType*, std::string> resource_type;
  };

  // `registry` must outlive this object and must not change while it is used.
  explicit DiscoveryDocuments(const Registry& registry);

  std::shared_ptr<const Rendered> rendered(const std::string& base_url) const;

 private:
  std::shared_ptr<const Rendered> render(const std::string& base_url) const;

  const Registry& registry_;
  std::unordered_map<const Schema*, nlohmann::json> schemas_;      // relative meta.location
  std::unordered_map<const ResourceType*, nlohmann::json> types_;  // relative meta.location
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const Rendered>> by_base_url_;
};

}  // namespace scim::server
