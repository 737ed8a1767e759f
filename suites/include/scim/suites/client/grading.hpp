// Client conformance (docs/client-conformance.md): the reference server's journal knows what an
// identity-provider client sent and which leniency each request needed; these functions turn the
// requests of one grading session into a verdict in the runner's result model, so the same
// reporters (JUnit, HTML, JSON, Markdown) and the same exit-code contract apply.
//
// The input is the admin API's session document (GET /admin/v1/tenants/{t}/sessions/{s}): its
// "entries" are journal entries in the shape of GET .../journal. Grading depends on nothing but
// those entries: no finding depends on timing except the two retry checks, which read the
// entries' "epochMs" with kRetryToleranceMs of tolerance.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/conformance/model.hpp"

namespace scim::suites::client {

// How much earlier than Retry-After a retry may come and still count as honouring it: the
// journal stamps arrival in milliseconds, and a client's clock and timer are coarser than that.
inline constexpr std::int64_t kRetryToleranceMs = 250;
// More consecutive retries of one failed request than this count as unbounded.
inline constexpr int kMaxRetries = 5;

// Every client check, as CheckInfo (IDs "client-rfc7644/...", "client-rfc7643/...",
// "client-rfc9110/..."), in catalogue order.
std::vector<conf::CheckInfo> client_catalogue();

// The verdict on a session document. `tool_version` goes into the result as the runner's does.
conf::RunResult grade_session(const nlohmann::json& session, const std::string& tool_version);

}  // namespace scim::suites::client
