// Dependency ordering and cycle breaking for bulk jobs (RFC 7644 §3.7, §3.7.1, §3.7.2).
#include "scim/server/bulk/bulk_planner.hpp"

#include "scim/server/bulk/bulk_refs.hpp"

namespace scim::bulk {
namespace {

struct Node {
  std::set<std::size_t> hard;  // must exist first: path references, PUT/PATCH data references
  std::set<std::size_t> soft;  // POST data references: may be deferred to break a cycle
};

// Resolves the bulkIds an operation references to operation indices; unknown ids are an error.
bool link(const BulkOperation& op, const std::map<std::string, std::size_t>& by_bulk_id, Node& node,
          BulkPlan& plan) {
  std::set<std::string> ids = referenced_bulk_ids(op.data);
  const std::string in_path = path_bulk_id(op.path);
  if (!in_path.empty()) ids.insert(in_path);
  for (const auto& id : ids) {
    auto it = by_bulk_id.find(id);
    if (it == by_bulk_id.end()) {
      plan.unrunnable.emplace(op.index, invalid_value("operation " + std::to_string(op.index) +
                                                      " references unknown bulkId \"" + id + "\""));
      return false;
    }
    const bool soft = op.method == "POST" && id != in_path;
    (soft ? node.soft : node.hard).insert(it->second);
    plan.depends_on[op.index].insert(it->second);
  }
  return true;
}

bool satisfied(const std::set<std::size_t>& deps, const std::set<std::size_t>& done) {
  for (auto d : deps) {
    if (done.count(d) == 0) return false;
  }
  return true;
}

using Pending = std::map<std::size_t, Node>;  // ordered by index: lowest index runs first

Pending::iterator next_ready(Pending& pending, const std::set<std::size_t>& done) {
  for (auto it = pending.begin(); it != pending.end(); ++it) {
    if (satisfied(it->second.hard, done) && satisfied(it->second.soft, done)) return it;
  }
  return pending.end();
}

// Stuck: every remaining operation waits on another. Break the cycle at the earliest POST whose
// hard dependencies are met by deferring its unmet soft references (§3.7.1).
Pending::iterator break_cycle(Pending& pending, const std::set<std::size_t>& done,
                              const BulkRequest& request, BulkPlan& plan) {
  for (auto it = pending.begin(); it != pending.end(); ++it) {
    if (!satisfied(it->second.hard, done) || it->second.soft.empty()) continue;
    for (auto dep : it->second.soft) {
      if (done.count(dep) == 0) plan.deferred[it->first].insert(*request.operations[dep].bulk_id);
    }
    it->second.soft.clear();
    return it;
  }
  return pending.end();
}

}  // namespace

BulkPlan plan_bulk(const BulkRequest& request) {
  BulkPlan plan;
  std::map<std::string, std::size_t> by_bulk_id;
  for (const auto& op : request.operations) {
    if (op.bulk_id && op.method == "POST" && !op.invalid) by_bulk_id[*op.bulk_id] = op.index;
  }
  Pending pending;
  for (const auto& op : request.operations) {
    Node node;
    // Malformed operations are "run" in place so their error is reported in order.
    if (!op.invalid && !link(op, by_bulk_id, node, plan)) continue;
    pending.emplace(op.index, std::move(node));
  }
  std::set<std::size_t> done;
  while (!pending.empty()) {
    auto ready = next_ready(pending, done);
    if (ready == pending.end()) ready = break_cycle(pending, done, request, plan);
    if (ready == pending.end()) break;
    plan.order.push_back(ready->first);
    done.insert(ready->first);
    pending.erase(ready);
  }
  for (const auto& [index, node] : pending) {
    plan.unrunnable.emplace(index, http_error(409, "operation " + std::to_string(index) +
                                                       " waits on bulkId references that cannot be "
                                                       "resolved (a cycle, or an operation that "
                                                       "cannot run)"));
  }
  return plan;
}

}  // namespace scim::bulk
