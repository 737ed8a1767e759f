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

conf::Spec& rfc8417_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc8417", "RFC 8417: Security Event Token (SET)");
}

conf::Spec& rfc8935_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc8935", "RFC 8935: Push-Based SET Delivery Using HTTP");
}

conf::Spec& rfc8936_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc8936", "RFC 8936: Poll-Based SET Delivery Using HTTP");
}

}  // namespace scim::suites
