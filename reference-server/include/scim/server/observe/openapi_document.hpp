// GET /openapi.json: an OpenAPI 3.1 document generated from the route table and the live schema
// registry, so every route appears (the admin API when it is enabled) and every registered
// resource type, custom ones included, gets its own paths and a schema of its attributes.
// Security schemes: bearer (and HTTP Basic when configured) for SCIM, the admin token for
// /admin/v1. Examples are RFC 7644's own (openapi_examples.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/api/router.hpp"

namespace scim::observe {

struct OpenApiInputs {
  const std::vector<server::Route>& routes;
  const Registry& registry;
  std::string base_path = "/scim/v2";
  bool basic_auth = false;  // HTTP Basic credentials are configured
  std::string version = "1.0.0";
};

nlohmann::json openapi_document(const OpenApiInputs& inputs);

}  // namespace scim::observe
