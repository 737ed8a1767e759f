// Shared request bodies of the Entra profile (documented shapes of Microsoft Entra ID requests).
#pragma once

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::profiles {

// The POST /Users body Entra sends: both schemas, externalId, userName, active, displayName, a
// primary work email, meta.resourceType, name parts and an empty roles list.
json entra_user(conf::Context& ctx);
// The POST /Groups body Entra sends: schemas, externalId, displayName, meta and empty members.
json entra_group(conf::Context& ctx);

}  // namespace scim::suites::profiles
