// Context: what one endpoint call may use — the registry, the live configuration, the tenant's
// store, the event sink and the request. Endpoint functions are plain functions of a Context.
#pragma once

#include <string>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/api/write_event.hpp"
#include "scim/server/endpoints/service_config.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

struct Context {
  const Registry& registry;
  const ServiceConfig& config;
  store::ResourceStore& store;
  EventSink* sink;
  const Request& request;

  // Absolute URL of a resource: base URL + endpoint + "/" + id (RFC 7644 §3.1 meta.location).
  std::string location(const ResourceType& type, std::string_view id) const {
    return request.base_url + type.endpoint + "/" + std::string(id);
  }
};

}  // namespace scim::server
