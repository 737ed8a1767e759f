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
// "client-rfc9110/...", then the profiles' "client-interop/..." and "client-ipsie-al1/..."), in
// catalogue order.
std::vector<conf::CheckInfo> client_catalogue();

// The published profiles a session can ask to be graded against (its "profiles" member):
// "interop" (draft-zollner-scim-interop-profile-01) and "ipsie-al1" (the IPSIE AL1 SCIM profile).
const std::vector<std::string>& client_profiles();

// What a published profile requires of clients, quoted with the profile's level: the data of
// the profile client checks (profiles/requirements.cpp). `spec` is the profile quoted.
struct ClientRequirement {
  std::string id;  // "client-interop/6.2/user-agent": client-<spec>/<section>/<slug>
  std::string spec;
  std::string section;
  conf::Level level;
  std::string requirement;
};
const std::vector<ClientRequirement>& profile_client_requirements();

// The verdict on a session document. `tool_version` goes into the result as the runner's does.
// The RFC checks always run; a profile's checks run when the session's "profiles" names it
// (a plain RFC client is not failed for rules of a profile it never claimed).
conf::RunResult grade_session(const nlohmann::json& session, const std::string& tool_version);

}  // namespace scim::suites::client
