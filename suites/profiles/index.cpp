// Provider profiles: Microsoft Entra ID and Okta.
#include "index.hpp"
#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_profiles(conf::Catalog& catalog) {
  profiles::register_entra_users(catalog);
  profiles::register_entra_groups(catalog);
  profiles::register_okta_users(catalog);
  profiles::register_okta_groups(catalog);
}

}  // namespace scim::suites
