// SCIM events profile (draft-ietf-scim-events-16): registers every section.
#include "index.hpp"
#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_events(conf::Catalog& catalog) {
  events::register_s2_events(catalog);
  events::register_s2_5_1_async(catalog);
  events::register_s4_discovery(catalog);
  events::register_rfc8936_poll(catalog);
}

}  // namespace scim::suites
