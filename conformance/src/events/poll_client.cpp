// RFC 8936 poll request/response shapes.
#include "scim/conformance/events/poll_client.hpp"

namespace scim::conf {

nlohmann::json PollRequest::to_json() const {
  nlohmann::json body = nlohmann::json::object();
  if (!ack.empty()) body["ack"] = ack;
  if (!set_errs.empty()) {
    nlohmann::json errs = nlohmann::json::object();
    for (const auto& [jti, e] : set_errs) errs[jti] = {{"err", e.first}, {"description", e.second}};
    body["setErrs"] = errs;
  }
  if (max_events) body["maxEvents"] = *max_events;
  if (return_immediately) body["returnImmediately"] = *return_immediately;
  return body;
}

std::optional<PollResponse> parse_poll_response(const nlohmann::json& body, std::string* problem) {
  auto bad = [&](std::string why) -> std::optional<PollResponse> {
    if (problem != nullptr) *problem = std::move(why);
    return std::nullopt;
  };
  if (!body.is_object()) return bad("poll response is not a JSON object");
  const auto sets = body.find("sets");
  if (sets == body.end() || !sets->is_object()) return bad("\"sets\" must be a JSON object");
  PollResponse out;
  for (auto it = sets->begin(); it != sets->end(); ++it) {
    if (!it.value().is_string()) return bad("each member of \"sets\" must be a string SET");
    out.sets.emplace(it.key(), it.value().get<std::string>());
  }
  // RFC 8936 §2.3: "moreAvailable" MAY be omitted, meaning false.
  if (const auto more = body.find("moreAvailable"); more != body.end()) {
    if (!more->is_boolean()) return bad("\"moreAvailable\" must be a boolean");
    out.more_available = more->get<bool>();
  }
  return out;
}

HttpResponse poll(Context& ctx, const std::string& endpoint, const PollRequest& request) {
  return ctx.send("POST", endpoint, request.to_json().dump(),
                  {{"Content-Type", "application/json"}, {"Accept", "application/json"}});
}

}  // namespace scim::conf
