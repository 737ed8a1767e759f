// Discovery before any check runs: GET /ServiceProviderConfig, /ResourceTypes and /Schemas
// (RFC 7644 §4) and a probe of /Me (RFC 7644 §3.11), turned into Capabilities. Checks judge the
// documents' shapes; discovery only reads leniently what the target claims.
#pragma once

#include <string>
#include <vector>

#include "scim/conformance/capabilities.hpp"
#include "scim/conformance/client/scim_client.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf {

struct DiscoveryFailure {
  std::string message;  // e.g. "cannot reach https://host/scim/v2: Connection refused"
};

// Pure mapping of the three documents (any may be null/absent) onto Capabilities.
Capabilities capabilities_from(const nlohmann::json& service_provider_config,
                               const nlohmann::json& resource_types, const nlohmann::json& schemas);

// Fails (exit 2 in the CLI) only when the target is unreachable or refuses our credentials;
// a target that answers badly still gets a run, in which the discovery checks will fail.
Result<Capabilities, DiscoveryFailure> discover(ScimClient& client,
                                                std::chrono::milliseconds timeout,
                                                std::vector<Exchange>* transcript = nullptr);

}  // namespace scim::conf
