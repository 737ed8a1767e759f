// Registration functions of the SCIM events profile sections (draft-ietf-scim-events-16).
#pragma once

#include "core/check.hpp"

namespace scim::suites {

void register_events(conf::Catalog& catalog);

namespace events {
void register_s2_events(conf::Catalog& catalog);
void register_s2_5_1_async(conf::Catalog& catalog);
void register_s4_discovery(conf::Catalog& catalog);
}  // namespace events

}  // namespace scim::suites
