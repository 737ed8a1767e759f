// Registration functions of the RFC 9865 sections (SCIM cursor-based pagination).
#pragma once

#include "scim/conformance/catalog.hpp"

namespace scim::suites::rfc9865 {

void register_s2(conf::Catalog& catalog);
void register_s2_1(conf::Catalog& catalog);
void register_s2_3(conf::Catalog& catalog);
void register_s2_4(conf::Catalog& catalog);
void register_s3(conf::Catalog& catalog);
void register_s4(conf::Catalog& catalog);

}  // namespace scim::suites::rfc9865
