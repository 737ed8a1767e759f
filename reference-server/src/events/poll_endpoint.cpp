// RFC 8936 §2.2-§2.5: poll request parsing and response.
#include "scim/server/events/poll_endpoint.hpp"

#include "scim/server/api/responses.hpp"

namespace scim::events {

using server::error_response;
using server::json_response;
namespace {

Status<> read_ack(const nlohmann::json& body, events::PollRequest& out) {
  auto it = body.find("ack");
  if (it == body.end()) return Ok{};
  if (!it->is_array()) return invalid_value("\"ack\" must be an array of jti strings");
  if (it->size() > kMaxAcksPerPoll) return invalid_value("too many \"ack\" entries");
  for (const auto& j : *it) {
    if (!j.is_string()) return invalid_value("\"ack\" must be an array of jti strings");
    out.ack.push_back(j.get<std::string>());
  }
  return Ok{};
}

Status<> read_set_errs(const nlohmann::json& body, events::PollRequest& out) {
  auto it = body.find("setErrs");
  if (it == body.end()) return Ok{};
  if (!it->is_object()) return invalid_value("\"setErrs\" must be an object keyed by jti");
  if (it->size() > kMaxAcksPerPoll) return invalid_value("too many \"setErrs\" entries");
  for (const auto& [jti, err] : it->items()) {
    if (!err.is_object()) return invalid_value("\"setErrs\" values must be {err, description}");
    out.set_errs[jti] = {err.value("err", std::string()), err.value("description", std::string())};
  }
  return Ok{};
}

}  // namespace

Result<events::PollRequest> parse_poll_request(std::string_view body) {
  events::PollRequest out;
  // §2.4.1: an empty object polls with defaults; an empty body is treated the same.
  auto json = body.empty() ? nlohmann::json::object() : nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return invalid_syntax("the poll request must be a JSON object (RFC 8936 §2.2)");
  }
  if (auto st = read_ack(json, out); !st) return st.error();
  if (auto st = read_set_errs(json, out); !st) return st.error();
  if (auto it = json.find("maxEvents"); it != json.end()) {
    if (!it->is_number_integer() || it->get<long long>() < 0) {
      return invalid_value("\"maxEvents\" must be a non-negative integer");
    }
    out.max_events = static_cast<std::size_t>(it->get<long long>());
  }
  if (auto it = json.find("returnImmediately"); it != json.end()) {
    if (!it->is_boolean()) return invalid_value("\"returnImmediately\" must be a boolean");
    out.return_immediately = it->get<bool>();
  }
  return out;
}

Response poll_endpoint(events::Feed& feed, const Request& request,
                       std::chrono::milliseconds max_wait) {
  if (request.method != "POST") {
    Response r = error_response(http_error(405, "poll with POST (RFC 8936 §2.4)"));
    r.set_header("Allow", "POST");
    return r;
  }
  auto parsed = parse_poll_request(request.body);
  if (!parsed) return error_response(parsed.error());
  const auto result = feed.queue().poll(*parsed, max_wait);
  nlohmann::json sets = nlohmann::json::object();
  for (const auto& [jti, jwt] : result.sets) sets[jti] = jwt;
  Response r;
  r.status = 200;
  r.set_header("Content-Type", "application/json");  // §2.3
  r.body = nlohmann::json{{"sets", sets}, {"moreAvailable", result.more_available}}.dump();
  return r;
}

}  // namespace scim::events
