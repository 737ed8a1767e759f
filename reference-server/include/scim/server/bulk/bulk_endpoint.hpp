// The /Bulk endpoint (RFC 7644 §3.7): POST only; the work is done by events::BulkExecutor, which
// runs every operation through the Service like a single request.
#pragma once

#include "scim/server/api/request.hpp"
#include "scim/server/bulk/bulk_executor.hpp"

namespace scim::server {

Response bulk_endpoint(events::BulkExecutor& executor, const Request& request);

}  // namespace scim::server
