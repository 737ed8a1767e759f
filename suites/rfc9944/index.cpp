// RFC 9944 (SCIM device schema extensions): registers every section in document order. Every
// check needs the "devices" capability (a resource type whose schema is the core Device schema),
// so a target without devices skips them all with that reason.
#include "index.hpp"

#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_rfc9944(conf::Catalog& catalog) {
  rfc9944::register_s3(catalog);
  rfc9944::register_s4(catalog);
  rfc9944::register_s6(catalog);
  rfc9944::register_s7(catalog);
}

}  // namespace scim::suites
