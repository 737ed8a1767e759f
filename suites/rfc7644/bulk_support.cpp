// Implementation of the Bulk check helpers.
#include "bulk_support.hpp"

#include <charconv>

#include "scim/protocol/urns.hpp"

namespace scim::suites::rfc7644 {

json bulk_request(json operations, std::optional<int> fail_on_errors) {
  json body = {{"schemas", {std::string(urn::kBulkRequest)}},
               {"Operations", std::move(operations)}};
  if (fail_on_errors) body["failOnErrors"] = *fail_on_errors;
  return body;
}

int op_status(const json& operation) {
  const json* status = member(operation, "status");
  if (!status) return 0;
  const json* code = status->is_object() ? member(*status, "code") : status;
  if (!code) return 0;
  if (code->is_number_integer()) return code->get<int>();
  if (!code->is_string()) return 0;
  const std::string& text = code->get_ref<const std::string&>();
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

conf::HttpResponse send_bulk(conf::Context& ctx, const json& request) {
  auto r = ctx.post("/Bulk", request);
  auto body = r.json();
  if (!body || !body->is_object()) return r;
  const json* ops = member(*body, "Operations");
  if (!ops || !ops->is_array()) return r;
  for (const auto& op : *ops) {
    const json* method = member(op, "method");
    const json* location = member(op, "location");
    if (method && *method == "POST" && location && location->is_string() && op_status(op) == 201)
      ctx.track(location->get<std::string>());
  }
  return r;
}

json bulk_operations(conf::Context& ctx, const conf::HttpResponse& response) {
  json body = expect_json(ctx, response, 200, "POST /Bulk");
  ctx.expect(has_schema(body, urn::kBulkResponse), "schemas is the BulkResponse URN",
             std::string(urn::kBulkResponse), brief(body.value("schemas", json())));
  const json* ops = member(body, "Operations");
  ctx.expect(ops && ops->is_array(), "the BulkResponse has an Operations array", "array",
             ops ? brief(*ops) : "absent");
  return *ops;
}

}  // namespace scim::suites::rfc7644
