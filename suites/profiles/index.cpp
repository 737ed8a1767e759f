// Profiles: Microsoft Entra ID and Okta replays; the SCIM 2.0 Interoperability Profile and IPSIE
// AL1, in their documents' order.
#include "index.hpp"
#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_profiles(conf::Catalog& catalog) {
  profiles::register_entra_users(catalog);
  profiles::register_entra_groups(catalog);
  profiles::register_okta_users(catalog);
  profiles::register_okta_groups(catalog);
  profiles::register_interop_discovery(catalog);
  profiles::register_interop_data(catalog);
  profiles::register_interop_patch(catalog);
  profiles::register_ipsie_users(catalog);
  profiles::register_ipsie_groups(catalog);
}

}  // namespace scim::suites
