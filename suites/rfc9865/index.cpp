// RFC 9865 (cursor-based pagination): registers every section in document order. Every check
// needs the "cursor" capability, so a target that does not advertise pagination.cursor skips
// them all with that reason.
#include "index.hpp"

#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_rfc9865(conf::Catalog& catalog) {
  rfc9865::register_s2(catalog);
  rfc9865::register_s2_1(catalog);
  rfc9865::register_s2_3(catalog);
  rfc9865::register_s2_4(catalog);
  rfc9865::register_s3(catalog);
  rfc9865::register_s4(catalog);
}

}  // namespace scim::suites
