// Runs a bulk job (RFC 7644 §3.7) through the same request handler as single requests: each
// operation becomes a server::Request (method, path, body, If-Match from "version") handed to the
// Service, so resource rules live in one place. Produces the BulkResponse operations of §3.7.3.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/result.hpp"
#include "scim/server/api/json_parsers.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/bulk/bulk_request.hpp"

namespace scim::bulk {

struct BulkResult {
  // One entry per processed operation, in request order: method, bulkId, location, version,
  // status (string form, e.g. "201") and, for failures, response (an RFC 7644 §3.12 error).
  std::vector<nlohmann::json> operations;
  // The request index of each entry of `operations` (for async "txn" suffixes).
  std::vector<std::size_t> indices;
  // Each entry's resource path relative to the base URL ("/Users/<id>"), for SET subjects.
  std::vector<std::string> subjects;
  std::size_t errors = 0;
  // The leniencies the operations needed, sorted, each once (for the request journal).
  std::vector<std::string> leniencies;

  nlohmann::json to_json() const;  // the BulkResponse message
};

// The operation-number suffix of a bulk job's asyncresp txn. The draft's text (§2.5.1.2) says
// zero-based, its Figures 16-19 count from 1; the normative text wins: "<txn>:0" is the first.
std::string bulk_operation_txn(const std::string& txn, std::size_t operation_index);

class BulkExecutor {
 public:
  // The limits of a tenant's bulk requests, when they are not the service-wide ones (the
  // control plane's runtime settings); nullopt: the tenant is not offered bulk (501).
  using LimitsFor = std::function<std::optional<BulkLimits>(const std::string& tenant)>;

  // `handler` runs single operations; it must not be the handler that routes /Bulk with
  // respond-async, so a sub-request can never recurse into async processing.
  BulkExecutor(server::Handler& handler, BulkLimits limits, LimitsFor limits_for = {});

  // Parses, plans and runs. Request-level failures (413, 400) come back as errors.
  Result<BulkResult> run(const server::Request& bulk_request);
  // run() rendered as the HTTP response: 200 with a BulkResponse (and its per-operation outcomes
  // in Response::operations), or the error.
  server::Response handle(const server::Request& bulk_request);

  const BulkLimits& limits() const { return limits_; }

 private:
  server::Handler& handler_;
  BulkLimits limits_;
  LimitsFor limits_for_;
  server::JsonParsers parsers_;  // the body's fast path (api/json_parsers.hpp)
};

}  // namespace scim::bulk
