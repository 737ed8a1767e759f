// DiscoveryDocuments (see discovery_documents.hpp).
#include "scim/server/endpoints/discovery_documents.hpp"

#include "scim/protocol/urns.hpp"

namespace scim::server {
namespace {

nlohmann::json absolute(const std::string& base_url, nlohmann::json doc) {
  auto& location = doc["meta"]["location"];
  if (location.is_string()) location = base_url + location.get<std::string>();
  return doc;
}

std::string dump(const nlohmann::json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

nlohmann::json discovery_list(nlohmann::json resources) {
  return {{"schemas", {urn::kListResponse}},
          {"totalResults", resources.size()},
          {"itemsPerPage", resources.size()},
          {"startIndex", 1},
          {"Resources", std::move(resources)}};
}

DiscoveryDocuments::DiscoveryDocuments(const Registry& registry) : registry_(registry) {
  for (const Schema* s : registry.schemas()) schemas_.emplace(s, s->to_json());
  for (const ResourceType* t : registry.resource_types()) types_.emplace(t, t->to_json());
}

std::shared_ptr<const DiscoveryDocuments::Rendered> DiscoveryDocuments::rendered(
    const std::string& base_url) const {
  {
    std::lock_guard lock(mutex_);
    if (auto it = by_base_url_.find(base_url); it != by_base_url_.end()) return it->second;
  }
  auto fresh = render(base_url);  // outside the lock: rendering is the expensive part
  std::lock_guard lock(mutex_);
  if (by_base_url_.size() < kMaxBaseUrls) by_base_url_.emplace(base_url, fresh);
  return fresh;
}

std::shared_ptr<const DiscoveryDocuments::Rendered> DiscoveryDocuments::render(
    const std::string& base_url) const {
  auto out = std::make_shared<Rendered>();
  nlohmann::json all = nlohmann::json::array();
  for (const Schema* s : registry_.schemas()) {  // registry order, not hash order
    all.push_back(absolute(base_url, schemas_.at(s)));
    out->schema.emplace(s, dump(all.back()));
  }
  out->schemas_list = dump(discovery_list(std::move(all)));
  all = nlohmann::json::array();
  for (const ResourceType* t : registry_.resource_types()) {
    all.push_back(absolute(base_url, types_.at(t)));
    out->resource_type.emplace(t, dump(all.back()));
  }
  out->resource_types_list = dump(discovery_list(std::move(all)));
  return out;
}

}  // namespace scim::server
