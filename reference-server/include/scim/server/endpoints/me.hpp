// "/Me" (RFC 7644 §3.11): an alias for the resource bound to the authenticated subject. This
// server processes the request directly on the aliased resource and sets Location to its
// permanent URL; a credential with no subject gets 501, as for a server without the feature.
#pragma once

#include <string>

#include "scim/server/endpoints/context.hpp"

namespace scim::server {

struct MeTarget {
  const ResourceType* type = nullptr;
  std::string id;
};

// 501 when the credential has no subject or for POST (creating through /Me is not offered);
// 404 when the subject names no resource of the tenant.
Result<MeTarget> resolve_me(const Context& ctx);

}  // namespace scim::server
