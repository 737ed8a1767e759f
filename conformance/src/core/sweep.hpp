// The final sweep: after all checks, find anything this run created that is still on the target
// (userName/displayName starting with "scimconf-<run>") and try to delete it. Whatever survives is
// reported, so a run never silently litters a shared tenant. With the "filter" capability the
// sweep searches (RFC 7644 §3.4.2.2 "sw"); without it, it lists the resources page by page
// (§3.4.2.4) and matches the prefix itself, up to kMaxSweepListPages pages.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "scim/conformance/capabilities.hpp"
#include "scim/conformance/client/scim_client.hpp"

namespace scim::conf {

inline constexpr int kMaxSweepListPages = 50;  // x 100 resources: bounded work on any target

// Returns the locations still present after the sweep; appends every exchange to `transcript`
// while it holds fewer than `max_transcript` entries.
std::vector<std::string> sweep(ScimClient& client, const Capabilities& caps,
                               const std::string& run_id, std::chrono::milliseconds timeout,
                               std::vector<Exchange>& transcript, std::size_t max_transcript);

}  // namespace scim::conf
