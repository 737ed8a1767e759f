// Parsing and validating a BulkRequest (RFC 7644 §3.7): the size limits of §3.7.4 (413), the
// request-level shape (400) and, per operation, the §3.7 sub-attribute rules. Operation-level
// problems do not fail the request: they become that operation's error in the BulkResponse.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"

namespace scim::server {
class JsonParsers;  // api/json_parsers.hpp
}  // namespace scim::server

namespace scim::bulk {

struct BulkLimits {
  std::size_t max_operations = 1000;        // ServiceProviderConfig bulk.maxOperations
  std::size_t max_payload_bytes = 1048576;  // ServiceProviderConfig bulk.maxPayloadSize
  std::size_t max_json_depth = 64;          // nesting inside one operation's "data"
};

struct BulkOperation {
  std::size_t index = 0;  // position in the request's "Operations"
  std::string method;     // upper case
  std::string path;
  std::optional<std::string> bulk_id;
  std::optional<std::string> version;
  nlohmann::json data;               // null for DELETE
  std::optional<ScimError> invalid;  // set when the operation itself is malformed
};

struct BulkRequest {
  std::optional<int> fail_on_errors;
  std::vector<BulkOperation> operations;
};

// 413 when the body exceeds max_payload_bytes or Operations exceeds max_operations (the detail
// names the limit, §3.7.4); 400 invalidSyntax for unparsable JSON or a missing BulkRequest schema
// or Operations array; 400 invalidValue for a bad failOnErrors or a duplicated bulkId.
// `parsers`, `readable`: the body's fast path, as for parse_json_text (api/json_text.hpp).
Result<BulkRequest> parse_bulk_request(std::string_view body, const BulkLimits& limits,
                                       const server::JsonParsers* parsers = nullptr,
                                       std::size_t readable = 0);

// "201" or {"code":"201"} (both appear in RFC 7644 §3.7); nullopt for anything else.
std::optional<int> bulk_status_code(const nlohmann::json& status);

}  // namespace scim::bulk
