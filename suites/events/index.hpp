// Registration functions of the SCIM events profile sections (draft-ietf-scim-events-16).
#pragma once

#include "scim/conformance/catalog.hpp"

namespace scim::suites::events {

void register_s2_events(conf::Catalog& catalog);
void register_s2_5_1_async(conf::Catalog& catalog);
void register_s4_discovery(conf::Catalog& catalog);
void register_rfc8936_poll(conf::Catalog& catalog);

}  // namespace scim::suites::events
