// Per-check context: requests, deadlines, transcript and fixtures.
#include "scim/conformance/core/run_context.hpp"

#include <algorithm>

#include "scim/conformance/core/fixture_body.hpp"
#include "scim/conformance/json_limits.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::conf {
namespace {

constexpr std::size_t kMaxNotes = 100;
constexpr std::size_t kMaxHint = 24;

std::string sanitize_hint(std::string_view hint) {
  std::string out;
  for (char c : hint.substr(0, kMaxHint)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (ok)
      out.push_back(c);
    else if (c >= 'A' && c <= 'Z')
      out.push_back(static_cast<char>(c + 32));
    else
      out.push_back('-');
  }
  return out.empty() ? "x" : out;
}

}  // namespace

std::string fixture_location(const ScimClient& client, std::string_view endpoint,
                             const HttpResponse& response) {
  if (auto body = parse_json_limited(response.body); body && body->is_object()) {
    const auto id = body->find("id");
    if (id != body->end() && id->is_string() && !id->get<std::string>().empty()) {
      return client.resolve(endpoint) + "/" + percent_encode(id->get<std::string>());
    }
  }
  if (const auto* location = response.header("Location"); location && !location->empty()) {
    return client.resolve(*location);
  }
  return {};
}

RunContext::RunContext(RunShared& shared)
    : shared_(shared), deadline_(std::chrono::steady_clock::now() + shared.check_timeout) {}

HttpResponse RunContext::send(std::string method, std::string path, std::optional<std::string> body,
                              Headers extra_headers, bool authenticate) {
  if (shared_.cancel.requested()) throw CheckError{"run interrupted"};
  const auto now = std::chrono::steady_clock::now();
  if (now >= deadline_) {
    throw CheckError{"check exceeded its time limit of " +
                     std::to_string(shared_.check_timeout.count() / 1000) + "s"};
  }
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - now);
  const auto timeout =
      std::max(std::min(shared_.request_timeout, left), std::chrono::milliseconds(1));
  auto response = perform(method, path, body, extra_headers, authenticate, timeout);
  if (response.status == 0) {
    // Below HTTP (refused, reset, timeout): the harness cannot judge the target on this check.
    throw CheckError{method + " " + shared_.client.resolve(path) + ": " + response.transport_error};
  }
  return response;
}

HttpResponse RunContext::send_with(const SendOptions& options, std::string method, std::string path,
                                   std::optional<std::string> body, Headers extra_headers) {
  send_options_ = options;
  struct Reset {
    SendOptions& o;
    ~Reset() { o = SendOptions{}; }
  } reset{send_options_};
  return send(std::move(method), std::move(path), std::move(body), std::move(extra_headers));
}

HttpResponse RunContext::perform(const std::string& method, const std::string& path,
                                 const std::optional<std::string>& body, const Headers& extra,
                                 bool authenticate, std::chrono::milliseconds timeout) {
  auto sent = shared_.client.send(method, path, body, extra, authenticate, timeout, send_options_);
  if (exchanges_.size() < kMaxExchanges) {
    exchanges_.push_back(std::move(sent.exchange));
  } else if (dropped_exchanges_++ == 0) {
    note("transcript limit of " + std::to_string(kMaxExchanges) + " exchanges reached");
  }
  return std::move(sent.response);
}

std::string RunContext::unique_name(std::string_view hint) {
  const auto n = shared_.name_counter.fetch_add(1, std::memory_order_relaxed);
  return "scimconf-" + shared_.run_id + "-" + sanitize_hint(hint) + "-" + std::to_string(n);
}

std::string RunContext::endpoint_of(std::string_view type, std::string_view fallback) const {
  const auto* info = shared_.caps.find_type(type);
  return info != nullptr && !info->endpoint.empty() ? info->endpoint : std::string(fallback);
}

nlohmann::json RunContext::create_fixture(std::string_view type, std::string_view fallback_endpoint,
                                          nlohmann::json body, const nlohmann::json& overrides) {
  if (overrides.is_object()) body.update(overrides);
  auto filled = fill_required(shared_.caps, type, std::move(body),
                              [this](std::string_view hint) { return unique_name(hint); });
  const auto endpoint = endpoint_of(type, fallback_endpoint);
  const auto response = create_raw(endpoint, filled.body);
  auto created = parse_json_limited(response.body);
  if (response.status != 201 || !created || !created->is_object()) {
    std::string why;
    for (const auto& u : filled.unsatisfied) why += "; cannot fill " + u;
    // One cause for every check whose fixture of this type failed: reports group them.
    throw CheckError{"could not create fixture " + std::string(type) + " at " + endpoint +
                         ": HTTP " + std::to_string(response.status) + " " +
                         response.body.substr(0, 200) + why,
                     "fixture:" + std::string(type)};
  }
  return std::move(*created);
}

nlohmann::json RunContext::with_required(std::string_view type, nlohmann::json body,
                                         const std::vector<std::string>& omit) {
  auto filled = fill_required(
      shared_.caps, type, std::move(body),
      [this](std::string_view hint) { return unique_name(hint); }, omit);
  for (const auto& u : filled.unsatisfied) note("cannot fill required " + u);
  return std::move(filled.body);
}

nlohmann::json RunContext::create_user(const nlohmann::json& overrides) {
  nlohmann::json body = {{"schemas", {urn::kUser}}, {"userName", unique_name("user")}};
  return create_fixture("User", "/Users", std::move(body), overrides);
}

nlohmann::json RunContext::create_group(const nlohmann::json& overrides) {
  nlohmann::json body = {{"schemas", {urn::kGroup}}, {"displayName", unique_name("group")}};
  return create_fixture("Group", "/Groups", std::move(body), overrides);
}

HttpResponse RunContext::create_raw(std::string endpoint, const nlohmann::json& body) {
  auto response = send("POST", endpoint, body.dump());
  if (response.status == 201) {
    const auto location = fixture_location(shared_.client, endpoint, response);
    if (location.empty()) {
      note("created resource at " + endpoint + " has neither id nor Location: cannot clean up");
    } else {
      track(location);
    }
  }
  return response;
}

void RunContext::track(std::string location) {
  if (!fixtures_.track(shared_.client.resolve(location))) {
    throw CheckError{"more than " + std::to_string(FixtureTracker::kMaxTracked) + " fixtures"};
  }
}

void RunContext::untrack(std::string_view location) {
  fixtures_.untrack(shared_.client.resolve(location));
}

void RunContext::note(std::string text) {
  if (notes_.size() < kMaxNotes) notes_.push_back(std::move(text));
}

std::vector<std::string> RunContext::cleanup(bool keep) {
  if (keep) {
    for (const auto& location : fixtures_.tracked()) note("kept fixture " + location);
    return {};
  }
  return fixtures_.cleanup([&](const std::string& location) {
    return perform("DELETE", location, std::nullopt, {}, true, shared_.request_timeout).status;
  });
}

}  // namespace scim::conf
