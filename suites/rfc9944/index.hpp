// Registration functions of the RFC 9944 sections (SCIM device schema extensions).
#pragma once

#include "scim/conformance/catalog.hpp"

namespace scim::suites::rfc9944 {

void register_s3(conf::Catalog& catalog);
void register_s4(conf::Catalog& catalog);
void register_s6(conf::Catalog& catalog);
void register_s7(conf::Catalog& catalog);

}  // namespace scim::suites::rfc9944
