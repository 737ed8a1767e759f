// Composition of every suite: the RFC specs, the events profile and the provider profiles.
#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_all(conf::Catalog& catalog) {
  register_rfc7643(catalog);
  register_rfc7644(catalog);
  register_rfc9865(catalog);
  register_rfc9944(catalog);
  register_events(catalog);
  register_profiles(catalog);
}

std::vector<std::string> profile_names() {
  return {"entra", "okta", "interop", "ipsie-al1"};
}

}  // namespace scim::suites
