// BulkRequest parsing (RFC 7644 §3.7, §3.7.4).
#include "scim/server/bulk/bulk_request.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/api/json_text.hpp"

namespace scim::bulk {
namespace {

std::size_t depth_of(const nlohmann::json& j, std::size_t limit, std::size_t depth = 0) {
  if (depth > limit || !j.is_structured()) return depth;
  std::size_t deepest = depth;
  for (const auto& child : j) deepest = std::max(deepest, depth_of(child, limit, depth + 1));
  return deepest;
}

bool has_bulk_schema(const nlohmann::json& body) {
  auto it = body.find("schemas");
  if (it == body.end() || !it->is_array()) return false;
  return std::any_of(it->begin(), it->end(), [](const nlohmann::json& s) {
    return s.is_string() && iequals(s.get<std::string>(), urn::kBulkRequest);
  });
}

std::optional<ScimError> check_path(const BulkOperation& op) {
  if (op.path.empty() || op.path[0] != '/') {
    return invalid_value("operation " + std::to_string(op.index) +
                         ": \"path\" must be a relative path starting with '/'");
  }
  if (op.path.find_first_of("?#") != std::string::npos) {
    return invalid_value("operation " + std::to_string(op.index) +
                         ": \"path\" must not carry a query or fragment");
  }
  const auto segments = std::count(op.path.begin(), op.path.end(), '/');
  if (op.method == "POST" && segments != 1) {
    return invalid_value("operation " + std::to_string(op.index) +
                         ": POST \"path\" must name a resource type endpoint, e.g. /Users");
  }
  if (op.method != "POST" && segments != 2) {
    return invalid_value("operation " + std::to_string(op.index) + ": " + op.method +
                         " \"path\" must name one resource, e.g. /Users/{id}");
  }
  if (istarts_with(op.path, "/Bulk")) {
    return invalid_value("operation " + std::to_string(op.index) + ": bulk jobs cannot nest");
  }
  return std::nullopt;
}

// `raw` is the parsed request's own operation: its "data" is moved into `op`, not copied.
std::optional<ScimError> validate_op(nlohmann::json& raw, BulkOperation& op,
                                     const BulkLimits& limits) {
  const std::string where = "operation " + std::to_string(op.index) + ": ";
  if (!raw.is_object()) return invalid_syntax(where + "must be a JSON object");
  auto method = raw.find("method");
  if (method == raw.end() || !method->is_string())
    return invalid_value(where + "\"method\" is required");
  op.method = to_upper(method->get_ref<const std::string&>());
  if (op.method != "POST" && op.method != "PUT" && op.method != "PATCH" && op.method != "DELETE") {
    return invalid_value(where + "\"method\" must be POST, PUT, PATCH or DELETE");
  }
  auto path = raw.find("path");
  if (path == raw.end() || !path->is_string()) return invalid_value(where + "\"path\" is required");
  op.path = path->get<std::string>();
  if (auto bad = check_path(op)) return bad;
  if (op.method == "POST" && !op.bulk_id) {
    return invalid_value(where + "\"bulkId\" is required when \"method\" is POST");
  }
  if (op.method != "DELETE") {
    auto data = raw.find("data");
    if (data == raw.end() || !data->is_object()) {
      return invalid_value(where + "\"data\" (an object) is required for " + op.method);
    }
    if (depth_of(*data, limits.max_json_depth) > limits.max_json_depth) {
      return invalid_value(where + "\"data\" nests deeper than " +
                           std::to_string(limits.max_json_depth) + " levels");
    }
    op.data = std::move(*data);
  }
  return std::nullopt;
}

Result<BulkOperation> read_op(nlohmann::json& raw, std::size_t index, const BulkLimits& limits) {
  BulkOperation op;
  op.index = index;
  if (raw.is_object()) {
    auto bulk_id = raw.find("bulkId");
    if (bulk_id != raw.end()) {
      if (!bulk_id->is_string() || bulk_id->get<std::string>().empty()) {
        return invalid_value("operation " + std::to_string(index) +
                             ": \"bulkId\" must be a non-empty string");
      }
      op.bulk_id = bulk_id->get<std::string>();
    }
    auto version = raw.find("version");
    if (version != raw.end() && version->is_string()) op.version = version->get<std::string>();
  }
  op.invalid = validate_op(raw, op, limits);
  return op;
}

Result<std::optional<int>> read_fail_on_errors(const nlohmann::json& body) {
  auto it = body.find("failOnErrors");
  if (it == body.end() || it->is_null()) return std::optional<int>{};
  if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1000000) {
    return invalid_value("\"failOnErrors\" must be a positive integer");
  }
  return std::optional<int>{static_cast<int>(it->get<long long>())};
}

}  // namespace

Result<BulkRequest> parse_bulk_request(std::string_view body, const BulkLimits& limits,
                                       const server::JsonParsers* parsers, std::size_t readable) {
  if (body.size() > limits.max_payload_bytes) {  // §3.7.4, the RFC's own wording
    return http_error(413, "The size of the bulk operation exceeds the maxPayloadSize (" +
                               std::to_string(limits.max_payload_bytes) + ").");
  }
  // The document limit bounds the parse itself (a 10,000-deep body is refused whole). It is
  // twice the per-operation limit so that data a little too deep fails only its own operation
  // (depth_of below, RFC 7644 §3.7.3 per-operation errors); BulkRequest -> Operations ->
  // operation -> data adds three levels.
  auto parsed = server::parse_json_text(body, 2 * limits.max_json_depth + 3, parsers, readable);
  if (!parsed) return parsed.error();
  auto& json = *parsed;
  if (!json.is_object()) {
    return invalid_syntax("the BulkRequest body is not a JSON object");
  }
  if (!has_bulk_schema(json)) {
    return invalid_syntax("\"schemas\" must contain " + std::string(urn::kBulkRequest));
  }
  auto ops = json.find("Operations");
  if (ops == json.end() || !ops->is_array()) {
    return invalid_syntax("\"Operations\" (an array) is required");
  }
  if (ops->size() > limits.max_operations) {
    return http_error(413, "The number of operations (" + std::to_string(ops->size()) +
                               ") exceeds the maxOperations (" +
                               std::to_string(limits.max_operations) + ").");
  }
  auto fail = read_fail_on_errors(json);
  if (!fail) return fail.error();
  BulkRequest request{*fail, {}};
  std::set<std::string> bulk_ids;
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = read_op((*ops)[i], i, limits);
    if (!op) return op.error();
    if (op->bulk_id && !bulk_ids.insert(*op->bulk_id).second) {
      return invalid_value("bulkId \"" + *op->bulk_id + "\" is used by more than one operation");
    }
    request.operations.push_back(std::move(*op));
  }
  return request;
}

std::optional<int> bulk_status_code(const nlohmann::json& status) {
  const nlohmann::json* code = &status;
  if (status.is_object()) {
    auto it = status.find("code");
    if (it == status.end()) return std::nullopt;
    code = &*it;
  }
  if (code->is_number_integer()) return code->get<int>();
  if (!code->is_string()) return std::nullopt;
  const auto text = code->get<std::string>();
  if (text.size() != 3 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
    return std::nullopt;
  return std::stoi(text);
}

}  // namespace scim::bulk
