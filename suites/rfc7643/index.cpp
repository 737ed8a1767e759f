// RFC 7643 (SCIM Core Schema): registers every section, in document order.
#include "index.hpp"
#include "scim/suites/suites.hpp"

namespace scim::suites {

void register_rfc7643(conf::Catalog& catalog) {
  rfc7643::register_s2_attributes(catalog);
  rfc7643::register_s3_resources(catalog);
  rfc7643::register_s4_user_group(catalog);
  rfc7643::register_s4_1_user_schema(catalog);
  rfc7643::register_s5_service_provider_config(catalog);
  rfc7643::register_s5_advertised_features(catalog);
  rfc7643::register_s6_resource_types(catalog);
  rfc7643::register_s7_schema_definitions(catalog);
}

}  // namespace scim::suites
