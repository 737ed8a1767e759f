// ServiceConfig: the endpoints' options — everything the socket-free service needs to know about
// the live deployment, independent of the base path. Each default is written here once and is the
// strict reference behaviour; app/ fills the struct from flags and the JSON configuration file.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "scim/server/bulk/bulk_request.hpp"

#include "scim/server/engine/filter/filter.hpp"

namespace scim::server {

struct ServiceConfig {
  bool lenient = false;  // engine::lenient::Mode: the provider-quirk pre-pass (docs/lenient.md)
  std::size_t max_results = 200;  // RFC 7643 §5 filter.maxResults; caps "count"
  engine::FilterLimits filter_limits;
  bool reject_unknown_filter_attributes = false;
  std::size_t max_sort_results = 50'000;  // matches sorted in memory; beyond: 400 tooMany
  std::size_t max_json_depth = 64;        // nesting of request bodies; beyond: 400 invalidSyntax
  std::size_t max_write_retries = 8;      // optimistic-concurrency retries without If-Match
  bool etag = true;                       // RFC 7644 §3.14 ETags and If-Match/If-None-Match
  bool change_password = false;
  // Set when /Bulk is served: advertised in ServiceProviderConfig "bulk" (RFC 7643 §5), enforced
  // by the bulk executor. Unset: "supported": false.
  std::optional<bulk::BulkLimits> bulk;
  std::string documentation_uri;
  // RFC 7643 §5 authenticationSchemes; empty: a bearer-token scheme is advertised.
  nlohmann::json authentication_schemes = nlohmann::json::array();
  // Merged (RFC 7386 merge patch) into /ServiceProviderConfig, e.g. {"securityEvents": {...}}
  // once the events subsystem is configured.
  nlohmann::json service_provider_config_extra = nlohmann::json::object();
};

}  // namespace scim::server
