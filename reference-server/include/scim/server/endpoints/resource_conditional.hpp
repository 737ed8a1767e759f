// Conditional writes for PUT, PATCH and DELETE: the client's If-Match (RFC 7644 §3.14) is
// checked against the current version, and the write is a compare-and-set on the version it was
// computed from. Without If-Match a lost race is retried (optimistic concurrency), so concurrent
// clients never half-apply or silently overwrite each other's changes.
#pragma once

#include <functional>
#include <string_view>

#include "scim/server/endpoints/context.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

// Computes and commits the write from the current state (with expected_version = current's).
using WriteStep = std::function<Result<store::WriteOutcome>(const store::StoredResource& current)>;

Result<store::WriteOutcome> conditional_write(const Context& ctx, const ResourceType& type,
                                              std::string_view id, const WriteStep& step);

}  // namespace scim::server
