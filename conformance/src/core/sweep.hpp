// The final sweep: after all checks, search for anything this run created that is still on the
// target (userName/displayName starting with "scimconf-<run>", RFC 7644 §3.4.2.2 "sw") and try
// to delete it. Whatever survives is reported, so a run never silently litters a shared tenant.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "scim/conformance/capabilities.hpp"
#include "scim/conformance/client/scim_client.hpp"

namespace scim::conf {

// Returns the locations still present after the sweep. Needs the "filter" capability; without it
// there is no way to search, and the per-check cleanup is all there is.
std::vector<std::string> sweep(ScimClient& client, const Capabilities& caps,
                               const std::string& run_id, std::chrono::milliseconds timeout);

}  // namespace scim::conf
