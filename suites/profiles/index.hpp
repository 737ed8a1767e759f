// Profiles, run only when selected with --profile: identity-provider replays (specs
// "profile-<name>", request sequences of real provisioning clients) and the published profiles
// of SCIM (specs "interop" and "ipsie-al1", requirement by requirement).
#pragma once

#include "scim/conformance/catalog.hpp"

namespace scim::suites::profiles {

void register_entra_users(conf::Catalog& catalog);
void register_entra_groups(conf::Catalog& catalog);
void register_okta_users(conf::Catalog& catalog);
void register_okta_groups(conf::Catalog& catalog);
// Published profiles (specs "interop" and "ipsie-al1"), quoted from their drafts.
void register_interop_discovery(conf::Catalog& catalog);
void register_interop_data(conf::Catalog& catalog);
void register_interop_patch(conf::Catalog& catalog);
void register_ipsie_users(conf::Catalog& catalog);
void register_ipsie_groups(conf::Catalog& catalog);

}  // namespace scim::suites::profiles
