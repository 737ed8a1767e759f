// Helpers for the RFC 7644 §3.7 Bulk checks: send a BulkRequest, read operation results (status
// as "201" or {"code":"201"}, both shapes appear in the RFC) and register created resources for
// cleanup.
#pragma once

#include <optional>
#include <string>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::rfc7644 {

json bulk_request(json operations, std::optional<int> fail_on_errors = std::nullopt);
// POSTs to /Bulk; tracks every "location" of a successful POST operation; returns the response.
conf::HttpResponse send_bulk(conf::Context& ctx, const json& request);
// Asserts 200 and a BulkResponse; returns its Operations array.
json bulk_operations(conf::Context& ctx, const conf::HttpResponse& response);
// The operation status code as an integer (0 when unreadable).
int op_status(const json& operation);

}  // namespace scim::suites::rfc7644
