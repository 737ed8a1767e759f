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
  // RFC 9967, implemented and quoted from its final draft, draft-ietf-scim-events-16.
  return catalog.spec("rfc9967", "RFC 9967: SCIM Profile for Security Event Tokens");
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

conf::Spec& rfc9865_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc9865", "RFC 9865: Cursor-Based Pagination of SCIM Resources");
}

conf::Spec& rfc9944_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc9944", "RFC 9944: SCIM Device Schema Extensions");
}

conf::Spec& interop_spec(conf::Catalog& catalog) {
  return catalog.spec("interop",
                      "SCIM 2.0 Interoperability Profile (draft-zollner-scim-interop-profile-01)",
                      /*is_profile=*/true);
}

conf::Spec& ipsie_al1_spec(conf::Catalog& catalog) {
  return catalog.spec("ipsie-al1", "IPSIE AL1 SCIM 2.0 Profile (OpenID IPSIE WG draft)",
                      /*is_profile=*/true);
}

}  // namespace scim::suites
