// Identity-provider profiles: replayed request sequences of real provisioning clients. Each is a
// spec "profile-<name>" with Spec::is_profile = true, run only when selected with --profile.
#pragma once

#include "core/check.hpp"

namespace scim::suites {

void register_profiles(conf::Catalog& catalog);

namespace profiles {
void register_entra_users(conf::Catalog& catalog);
void register_entra_groups(conf::Catalog& catalog);
void register_okta_users(conf::Catalog& catalog);
void register_okta_groups(conf::Catalog& catalog);
}  // namespace profiles

}  // namespace scim::suites
