// The non-virtual half of Context: HTTP verb shorthands and the assertions every check uses. Each
// assertion produces "expected vs actual" so a failure explains itself in reports.
#include "scim/conformance/context.hpp"

#include "scim/conformance/json_limits.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::conf {
namespace {

constexpr std::size_t kBodyPreview = 300;

std::string preview(const HttpResponse& response) {
  if (response.status == 0) return "no response (" + response.transport_error + ")";
  std::string out = "HTTP " + std::to_string(response.status);
  if (!response.body.empty()) {
    out += ": " + response.body.substr(0, kBodyPreview);
    if (response.body.size() > kBodyPreview) out += "...";
  }
  return out;
}

}  // namespace

HttpResponse Context::get(std::string path, Headers extra) {
  return send("GET", std::move(path), std::nullopt, std::move(extra));
}
HttpResponse Context::post(std::string path, const nlohmann::json& body, Headers extra) {
  return send("POST", std::move(path), body.dump(), std::move(extra));
}
HttpResponse Context::put(std::string path, const nlohmann::json& body, Headers extra) {
  return send("PUT", std::move(path), body.dump(), std::move(extra));
}
HttpResponse Context::patch(std::string path, const nlohmann::json& body, Headers extra) {
  return send("PATCH", std::move(path), body.dump(), std::move(extra));
}
HttpResponse Context::del(std::string path, Headers extra) {
  return send("DELETE", std::move(path), std::nullopt, std::move(extra));
}

std::string Context::encode(std::string_view text) {
  return percent_encode(text);
}

void Context::fail(std::string message, std::string expected, std::string actual) {
  throw CheckFailed{std::move(message), std::move(expected), std::move(actual)};
}

void Context::expect(bool condition, std::string message, std::string expected,
                     std::string actual) {
  if (!condition) fail(std::move(message), std::move(expected), std::move(actual));
}

void Context::expect_status(const HttpResponse& response, int status, std::string_view what) {
  if (response.status == status) return;
  fail(std::string(what) + ": unexpected HTTP status", "HTTP " + std::to_string(status),
       preview(response));
}

void Context::expect_scim_error(const HttpResponse& response, int status,
                                std::optional<std::string_view> scim_type) {
  const std::string expected =
      "HTTP " + std::to_string(status) + " with an RFC 7644 §3.12 error body" +
      (scim_type ? " and scimType \"" + std::string(*scim_type) + "\"" : std::string());
  if (response.status != status) fail("unexpected HTTP status", expected, preview(response));
  const auto body = parse_json_limited(response.body);
  if (!body || !body->is_object())
    fail("error body is not a JSON object", expected, preview(response));
  const auto schemas = body->find("schemas");
  const bool has_schema =
      schemas != body->end() && schemas->is_array() &&
      std::find(schemas->begin(), schemas->end(), urn::kError) != schemas->end();
  if (!has_schema) {
    fail("error body lacks the Error schema URN", std::string(urn::kError), preview(response));
  }
  // RFC 7644 §3.12: "status" is the HTTP status code expressed as a JSON string.
  const auto st = body->find("status");
  if (st == body->end() || !st->is_string() || st->get<std::string>() != std::to_string(status)) {
    fail("error \"status\" must be the HTTP status as a JSON string",
         "\"status\": \"" + std::to_string(status) + "\"",
         st == body->end() ? std::string("absent") : st->dump());
  }
  if (scim_type) {
    const auto type = body->find("scimType");
    if (type == body->end() || !type->is_string() || type->get<std::string>() != *scim_type) {
      fail("unexpected scimType", "\"scimType\": \"" + std::string(*scim_type) + "\"",
           type == body->end() ? std::string("absent") : type->dump());
    }
  }
}

nlohmann::json Context::json_body(const HttpResponse& response) {
  auto body = parse_json_limited(response.body);
  if (!body) fail("response body is not JSON", "a JSON body", preview(response));
  return std::move(*body);
}

void Context::skip(std::string reason) {
  throw CheckSkipped{std::move(reason), {}};
}

void Context::blocked_by(std::string check_id, std::string reason) {
  std::string text = "depends on " + check_id + ": " + reason;
  throw CheckSkipped{std::move(text), std::move(check_id)};
}

}  // namespace scim::conf
