// Identity-provider profiles: replayed request sequences of real provisioning clients. Each is a
// spec "profile-<name>" with Spec::is_profile = true, run only when selected with --profile.
#pragma once

#include "scim/conformance/catalog.hpp"

namespace scim::suites::profiles {

void register_entra_users(conf::Catalog& catalog);
void register_entra_groups(conf::Catalog& catalog);
void register_okta_users(conf::Catalog& catalog);
void register_okta_groups(conf::Catalog& catalog);

}  // namespace scim::suites::profiles
