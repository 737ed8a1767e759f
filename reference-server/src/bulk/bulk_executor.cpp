// Bulk execution: plan, run each operation through the Service, resolve bulkIds, patch in
// deferred (cyclic) references, honour failOnErrors (RFC 7644 §3.7, §3.7.1-§3.7.3).
#include "scim/server/bulk/bulk_executor.hpp"

#include <map>
#include <set>
#include <utility>

#include "scim/protocol/json_sax.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/bulk/bulk_planner.hpp"
#include "scim/server/bulk/bulk_refs.hpp"

namespace scim::bulk {

using server::error_of;
using server::error_response;
using server::json_response;
namespace {

struct RunState {
  const server::Request& parent;
  BulkRequest& request;  // each operation's data is taken when it runs
  const BulkPlan& plan;
  std::map<std::string, std::string> created;  // bulkId -> resource id
  std::map<std::size_t, nlohmann::json> results;
  std::map<std::size_t, std::string> subjects;
  std::set<std::size_t> failed;
  std::map<std::size_t, std::vector<DeferredValue>> fixups;
  std::size_t errors = 0;
  std::set<std::string> leniencies;
};

server::Request sub_request(const server::Request& parent, const std::string& method,
                            const std::string& path, nlohmann::json body,
                            const std::optional<std::string>& version, std::size_t index) {
  server::Request r;
  if (!parent.txn.empty()) r.txn = bulk_operation_txn(parent.txn, index);
  r.method = method;
  r.path = path;
  r.principal = parent.principal;
  r.base_url = parent.base_url;
  r.headers["content-type"] = std::string(urn::kScimMediaType);
  r.headers["accept"] = std::string(urn::kScimMediaType);
  if (auto auth = parent.header("authorization")) r.headers["authorization"] = *auth;
  if (version) r.headers["if-match"] = *version;  // §3.7: per-operation "version" (ETag)
  // §3.7.3: of a POST's answer the result needs the new "id" (to resolve bulkIds) and its location
  // (also in the Location header); asking for no more (§3.9 "attributes") spares serialising the
  // whole resource and reading it back.
  if (method == "POST") r.query["attributes"] = "meta.location";
  // The operation's data as parsed with the BulkRequest: no text round trip.
  if (!body.is_null()) r.json_body = std::move(body);
  return r;
}

std::string relative_to(const std::string& location, const std::string& base) {
  if (!base.empty() && location.compare(0, base.size(), base) == 0) {
    return location.substr(base.size());
  }
  return location;
}

void record_failure(RunState& s, const BulkOperation& op, const ScimError& error,
                    const std::string& path) {
  nlohmann::json entry = {{"method", op.method},
                          {"status", std::to_string(error.status)},
                          {"response", error.to_json()}};
  if (op.bulk_id) entry["bulkId"] = *op.bulk_id;
  // §3.7.3: a location for every operation except failed POSTs.
  if (op.method != "POST") entry["location"] = s.parent.base_url + path;
  s.results[op.index] = std::move(entry);
  s.subjects[op.index] = path;
  s.failed.insert(op.index);
  ++s.errors;
}

// What a bulk result needs of an operation's answer: the resource's top-level "id" and its
// "meta.location". Read by a SAX pass that builds no tree: a 1,000-operation bulk used to parse
// 1,000 whole resources for these two strings. Kept only when the whole body parsed.
class AnswerFields final : public JsonSaxBase<nlohmann::json> {
 public:
  std::optional<std::string> id;
  std::optional<std::string> location;

  bool start_object(std::size_t) override { return enter(key_); }
  bool start_array(std::size_t) override { return enter("[]"); }
  bool end_object() override { return leave(); }
  bool end_array() override { return leave(); }
  bool key(string_t& name) override {
    key_ = name;
    return true;
  }
  bool string(string_t& value) override {
    if (open_.size() == 1 && key_ == "id") id = value;
    if (open_.size() == 2 && open_[1] == "meta" && key_ == "location") location = value;
    return true;
  }

 private:
  bool enter(std::string under) {
    open_.push_back(std::move(under));
    key_.clear();
    return true;
  }
  bool leave() {
    open_.pop_back();
    key_.clear();
    return true;
  }
  std::vector<std::string> open_;  // the member (or "[]") each open container sits under
  std::string key_;
};

AnswerFields answer_fields(const std::string& body) {
  AnswerFields fields;
  if (!nlohmann::json::sax_parse(body, &fields, nlohmann::json::input_format_t::json, true)) {
    return AnswerFields{};
  }
  return fields;
}

void record_success(RunState& s, const BulkOperation& op, const server::Response& resp,
                    const std::string& path) {
  const bool object = !resp.body.empty() && resp.body.front() == '{';
  const AnswerFields body = object ? answer_fields(resp.body) : AnswerFields{};
  nlohmann::json entry = {{"method", op.method}, {"status", std::to_string(resp.status)}};
  if (op.bulk_id) entry["bulkId"] = *op.bulk_id;
  std::string location = s.parent.base_url + path;
  if (auto loc = resp.header("Location")) {
    location = *loc;
  } else if (body.location) {
    location = *body.location;
  }
  entry["location"] = location;
  if (auto etag = resp.header("ETag")) entry["version"] = *etag;
  if (op.method == "POST" && body.id && op.bulk_id) s.created[*op.bulk_id] = *body.id;
  s.results[op.index] = std::move(entry);
  s.subjects[op.index] = relative_to(location, s.parent.base_url);
}

// The first dependency that did not produce a resource, or nullopt when all did.
std::optional<std::string> failed_dependency(const RunState& s, const BulkOperation& op) {
  auto deps = s.plan.depends_on.find(op.index);
  if (deps == s.plan.depends_on.end()) return std::nullopt;
  auto deferred = s.plan.deferred.find(op.index);
  for (auto dep : deps->second) {
    const auto& id = *s.request.operations[dep].bulk_id;
    if (deferred != s.plan.deferred.end() && deferred->second.count(id) != 0) continue;
    if (s.created.count(id) == 0) return id;
  }
  return std::nullopt;
}

void run_one(RunState& s, server::Handler& handler, BulkOperation& op) {
  if (op.invalid) return record_failure(s, op, *op.invalid, op.path);
  if (auto why = s.plan.unrunnable.find(op.index); why != s.plan.unrunnable.end()) {
    return record_failure(s, op, why->second, op.path);
  }
  if (auto dep = failed_dependency(s, op)) {
    return record_failure(
        s, op,
        http_error(409, "operation " + std::to_string(op.index) + " references bulkId \"" + *dep +
                            "\" whose operation failed"),
        op.path);
  }
  // An operation runs once: its data is taken from the parsed request, not copied.
  nlohmann::json data = std::move(op.data);
  substitute_in_place(data, s.created);
  if (auto d = s.plan.deferred.find(op.index); d != s.plan.deferred.end()) {
    s.fixups[op.index] = strip_references(data, d->second);
  }
  const std::string path = substitute_path(op.path, s.created);
  const auto resp =
      handler.handle(sub_request(s.parent, op.method, path, std::move(data), op.version, op.index));
  s.leniencies.insert(resp.notes.leniencies.begin(), resp.notes.leniencies.end());
  if (resp.status >= 200 && resp.status < 300) return record_success(s, op, resp, path);
  record_failure(s, op, error_of(resp), path);
}

// Second pass for cycles (§3.7.1): patch the deferred references into the created resources.
void apply_fixups(RunState& s, server::Handler& handler) {
  for (auto& [index, values] : s.fixups) {
    if (s.failed.count(index) != 0 || values.empty()) continue;
    nlohmann::json ops = nlohmann::json::array();
    for (const auto& v : values) {
      ops.push_back({{"op", "add"}, {"path", v.path}, {"value", substitute(v.value, s.created)}});
    }
    auto& entry = s.results[index];
    if (!referenced_bulk_ids(ops).empty()) {
      const ScimError e = http_error(409, "circular bulkId references of operation " +
                                              std::to_string(index) + " could not be resolved");
      entry["status"] = "409";
      entry["response"] = e.to_json();
      ++s.errors;
      continue;
    }
    const nlohmann::json body = {{"schemas", {urn::kPatchOp}}, {"Operations", ops}};
    const auto resp =
        handler.handle(sub_request(s.parent, "PATCH", s.subjects[index], body, {}, index));
    if (resp.status >= 200 && resp.status < 300) {
      if (auto etag = resp.header("ETag")) entry["version"] = *etag;
      continue;
    }
    const ScimError e = error_of(resp);
    entry["status"] = "409";
    entry["response"] = http_error(409,
                                   "created, but its circular references could not be "
                                   "patched in: " +
                                       e.detail)
                            .to_json();
    ++s.errors;
  }
}

}  // namespace

nlohmann::json BulkResult::to_json() const {
  return {{"schemas", {urn::kBulkResponse}}, {"Operations", operations}};
}

BulkExecutor::BulkExecutor(server::Handler& handler, BulkLimits limits, LimitsFor limits_for)
    : handler_(handler), limits_(limits), limits_for_(std::move(limits_for)) {}

Result<BulkResult> BulkExecutor::run(const server::Request& bulk_request) {
  std::optional<BulkLimits> limits = limits_;
  if (limits_for_) limits = limits_for_(bulk_request.principal.tenant);
  // RFC 7644 §3.7: bulk is optional ("bulk.supported" in /ServiceProviderConfig, RFC 7643 §5);
  // an operation the service provider does not offer is answered 501 (§3.12 "Not Implemented").
  if (!limits) return http_error(501, "bulk operations are not supported by this tenant");
  auto parsed =
      parse_bulk_request(bulk_request.body, *limits, &parsers_, bulk_request.body.capacity());
  if (!parsed) return parsed.error();
  const BulkPlan plan = plan_bulk(*parsed);
  RunState s{bulk_request, *parsed, plan, {}, {}, {}, {}, {}, 0, {}};
  const auto limit = parsed->fail_on_errors;
  for (auto index : plan.order) {
    if (limit && s.errors >= static_cast<std::size_t>(*limit)) break;  // §3.7 failOnErrors
    run_one(s, handler_, parsed->operations[index]);
  }
  // Unplannable operations never entered `order`; report them unless failOnErrors stopped us.
  for (const auto& [index, error] : plan.unrunnable) {
    if (limit && s.errors >= static_cast<std::size_t>(*limit)) break;
    if (s.results.count(index) == 0)
      record_failure(s, parsed->operations[index], error, parsed->operations[index].path);
  }
  apply_fixups(s, handler_);
  BulkResult result;
  for (auto& [index, entry] : s.results) {
    result.operations.push_back(std::move(entry));
    result.indices.push_back(index);
    result.subjects.push_back(s.subjects[index]);
  }
  result.errors = s.errors;
  result.leniencies.assign(s.leniencies.begin(), s.leniencies.end());
  return result;
}

server::Response BulkExecutor::handle(const server::Request& bulk_request) {
  auto result = run(bulk_request);
  if (!result) return error_response(result.error());
  server::Response r = json_response(200, result->to_json());
  // The body is written; hand the per-operation entries over instead of copying them.
  r.operations.reserve(result->operations.size());
  for (std::size_t i = 0; i < result->operations.size(); ++i) {
    r.operations.push_back(
        {std::move(result->operations[i]), std::move(result->subjects[i]),
         bulk_request.txn.empty() ? "" : bulk_operation_txn(bulk_request.txn, result->indices[i])});
  }
  r.notes.leniencies = std::move(result->leniencies);
  return r;
}

std::string bulk_operation_txn(const std::string& txn, std::size_t operation_index) {
  return txn + ":" + std::to_string(operation_index);
}

}  // namespace scim::bulk
