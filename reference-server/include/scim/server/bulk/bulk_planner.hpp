// Orders the operations of a bulk job so every "bulkId:" reference points at a resource that
// already exists (RFC 7644 §3.7: "the service provider MUST ensure that the client's intent is
// preserved"). Operations run in request order unless they reference a later POST (a forward
// reference), in which case they wait for it. Circular references between POSTs (§3.7.1) are
// broken by creating one resource without its cyclic references and patching them in afterwards;
// a cycle that cannot be broken that way is answered 409.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/server/bulk/bulk_request.hpp"

namespace scim::bulk {

struct BulkPlan {
  std::vector<std::size_t> order;  // operation indices in execution order
  // operation index -> bulkIds whose references are stripped from its data and patched in
  // after all operations ran (cycle breaking).
  std::map<std::size_t, std::set<std::string>> deferred;
  // operation index -> why it cannot run (unknown bulkId: 400; unbreakable cycle: 409).
  std::map<std::size_t, ScimError> unrunnable;
  // operation index -> the POSTs (by index) it needs before it can run.
  std::map<std::size_t, std::set<std::size_t>> depends_on;
};

BulkPlan plan_bulk(const BulkRequest& request);

}  // namespace scim::bulk
