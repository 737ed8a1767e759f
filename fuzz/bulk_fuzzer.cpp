// Fuzz target: RFC 7644 §3.7 bulk request parsing and planning. A BulkRequest body is parsed
// under the default limits; when it parses, its bulkId references are collected and substituted
// and the operations are planned (forward references, cycles, unknown bulkIds).
#include "fuzz_support.hpp"
#include "scim/server/bulk/bulk_planner.hpp"
#include "scim/server/bulk/bulk_refs.hpp"
#include "scim/server/bulk/bulk_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace scim;
  auto request = bulk::parse_bulk_request(fuzz::as_text(data, size), bulk::BulkLimits{});
  if (!request) return 0;
  std::map<std::string, std::string> ids;
  for (const auto& op : request->operations) {
    if (op.bulk_id) ids[*op.bulk_id] = "id-" + std::to_string(op.index);
  }
  for (auto& op : request->operations) {
    (void)bulk::referenced_bulk_ids(op.data);
    (void)bulk::path_bulk_id(op.path);
    (void)bulk::substitute(op.data, ids);
    (void)bulk::substitute_path(op.path, ids);
  }
  auto plan = bulk::plan_bulk(*request);
  for (auto& [index, deferred] : plan.deferred) {
    if (index < request->operations.size()) {
      (void)bulk::strip_references(request->operations[index].data, deferred);
    }
  }
  return 0;
}
