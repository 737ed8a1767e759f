// Registration functions of the RFC 7644 sections (one per file).
#pragma once

#include "scim/conformance/catalog.hpp"

namespace scim::suites::rfc7644 {

void register_s2(conf::Catalog& catalog);
void register_s3_3(conf::Catalog& catalog);
void register_s3_4_1(conf::Catalog& catalog);
void register_s3_4_2(conf::Catalog& catalog);
void register_s3_4_2_2(conf::Catalog& catalog);
void register_s3_4_2_3(conf::Catalog& catalog);
void register_s3_4_2_4(conf::Catalog& catalog);
void register_s3_4_2_5(conf::Catalog& catalog);
void register_s3_4_3(conf::Catalog& catalog);
void register_s3_5_1(conf::Catalog& catalog);
void register_s3_5_2(conf::Catalog& catalog);
void register_s3_5_2_1(conf::Catalog& catalog);
void register_s3_5_2_2(conf::Catalog& catalog);
void register_s3_5_2_3(conf::Catalog& catalog);
void register_s3_6(conf::Catalog& catalog);
void register_s3_7(conf::Catalog& catalog);
void register_s3_8(conf::Catalog& catalog);
void register_s3_11(conf::Catalog& catalog);
void register_s3_12(conf::Catalog& catalog);
void register_s3_14(conf::Catalog& catalog);
void register_s4(conf::Catalog& catalog);

}  // namespace scim::suites::rfc7644
