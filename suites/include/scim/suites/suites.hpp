// Entry point of the check suites: registers every RFC 7643, RFC 7644, RFC 9865, RFC 9944 and
// events check, and the identity-provider profiles, into a catalog (explicit tree, no static
// registration).
#pragma once

#include <string>
#include <vector>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/renamed.hpp"

namespace scim::suites {

// Registers all specs: rfc7643, rfc7644, rfc9865, rfc9944, events, and the profiles
// (Spec::is_profile = true).
void register_all(conf::Catalog& catalog);

// One spec each, sections in document order (register_all calls them in this order).
void register_rfc7643(conf::Catalog& catalog);
void register_rfc7644(conf::Catalog& catalog);
void register_rfc9865(conf::Catalog& catalog);
void register_rfc9944(conf::Catalog& catalog);
void register_events(conf::Catalog& catalog);
void register_profiles(conf::Catalog& catalog);

// Names accepted by `scim-conformance run --profile NAME`: the published profiles ("interop",
// "ipsie-al1", specs of the same name) and the provider replays ("entra", "okta", specs
// "profile-<name>").
std::vector<std::string> profile_names();

// What the published profiles require of clients is graded by the client checks
// (scim/suites/client/grading.hpp, profile_client_requirements()), not by the runner.

// Checks whose ID changed, former -> current (src/renamed.cpp); `run` and `list` let a selection
// that names a former ID select the current check, and say so.
const std::vector<conf::Renamed>& renamed_checks();

}  // namespace scim::suites
