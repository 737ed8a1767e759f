// RFC 7644 (SCIM Protocol): registers every section, in document order.
#include "index.hpp"
#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_rfc7644(conf::Catalog& catalog) {
  rfc7644::register_s2(catalog);
  rfc7644::register_s3_3(catalog);
  rfc7644::register_s3_4_1(catalog);
  rfc7644::register_s3_4_2(catalog);
  rfc7644::register_s3_4_2_2(catalog);
  rfc7644::register_s3_4_2_3(catalog);
  rfc7644::register_s3_4_2_4(catalog);
  rfc7644::register_s3_4_2_5(catalog);
  rfc7644::register_s3_4_3(catalog);
  rfc7644::register_s3_5_1(catalog);
  rfc7644::register_s3_5_2(catalog);
  rfc7644::register_s3_5_2_1(catalog);
  rfc7644::register_s3_5_2_2(catalog);
  rfc7644::register_s3_5_2_3(catalog);
  rfc7644::register_s3_6(catalog);
  rfc7644::register_s3_7(catalog);
  rfc7644::register_s3_8(catalog);
  rfc7644::register_s3_11(catalog);
  rfc7644::register_s3_12(catalog);
  rfc7644::register_s3_14(catalog);
  rfc7644::register_s4(catalog);
}

}  // namespace scim::suites
