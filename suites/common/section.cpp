// Spec titles of the suites.
#include "scim/suites/common/section.hpp"

namespace scim::suites {

conf::Spec& rfc7643_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc7643", "RFC 7643: SCIM Core Schema");
}

conf::Spec& rfc7644_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc7644", "RFC 7644: SCIM Protocol");
}

conf::Spec& events_spec(conf::Catalog& catalog) {
  return catalog.spec("events",
                      "SCIM Profile for Security Event Tokens (draft-ietf-scim-events-16)");
}

}  // namespace scim::suites
