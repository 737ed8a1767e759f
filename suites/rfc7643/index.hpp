// Registration functions of the RFC 7643 sections (one per file).
#pragma once

#include "scim/conformance/catalog.hpp"

namespace scim::suites::rfc7643 {

void register_s2_attributes(conf::Catalog& catalog);
void register_s3_resources(conf::Catalog& catalog);
void register_s4_user_group(conf::Catalog& catalog);
void register_s4_1_user_schema(conf::Catalog& catalog);
void register_s5_service_provider_config(conf::Catalog& catalog);
void register_s5_advertised_features(conf::Catalog& catalog);
void register_s6_resource_types(conf::Catalog& catalog);
void register_s7_schema_definitions(conf::Catalog& catalog);

}  // namespace scim::suites::rfc7643
