// A tenant's runtime settings (the admin API's /settings): overrides of the service-wide
// ServiceConfig, kept as the JSON document the admin API accepted and applied on top of the
// defaults, so one tenant can be lenient, page at 10 or refuse bulk while the others run as
// configured. The keys:
//   "mode":        "strict" | "lenient"                       (ServiceConfig::lenient)
//   "leniencies":  {"boolean-string": false, ...}             (ServiceConfig::lenient_off)
//   "maxResults":  1 .. 1000000                               (RFC 7643 §5 filter.maxResults)
//   "bulk":        false | true | {"maxOperations": n, "maxPayloadSize": n}
//                                                             (RFC 7643 §5 bulk, §3.7.4)
//   "etag":        true | false                               (RFC 7644 §3.14)
//   "sort", "me", "rootQuery", "nestedGroups": true | false,
//   "filterOperators": ["eq", ...]                            (server::Features, issue 13)
// Documented in docs/mock.md.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/endpoints/service_config.hpp"

namespace scim::admin {

struct SettingsBounds {
  // The HTTP layer reads a /Bulk body up to this size before the bulk executor sees it: a
  // larger maxPayloadSize could never be honoured.
  std::size_t max_bulk_payload = 4 * 1024 * 1024;
};

// `base` with the overrides of `settings` applied; 400 invalidValue naming the key for an
// unknown key or a value out of range.
Result<server::ServiceConfig> apply_settings(const nlohmann::json& settings,
                                             server::ServiceConfig base,
                                             const SettingsBounds& bounds);
// What a tenant runs with, in the same keys.
nlohmann::json effective_settings(const server::ServiceConfig& config);

}  // namespace scim::admin
