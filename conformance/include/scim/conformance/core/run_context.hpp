// The Context implementation a check runs with: requests through the shared ScimClient with a
// per-request timeout and a per-check deadline, a bounded transcript, fixtures cleaned up after
// the check, and cooperative cancellation.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "scim/conformance/client/scim_client.hpp"
#include "scim/conformance/context.hpp"
#include "scim/conformance/core/cancel.hpp"
#include "scim/conformance/core/fixtures.hpp"

namespace scim::conf {

// What all checks of a run share.
struct RunShared {
  ScimClient& client;
  const Capabilities& caps;
  const CancelFlag& cancel;
  std::string run_id;
  std::atomic<unsigned> name_counter{0};
  SetReceiver* receiver = nullptr;
  PollFeed* poll_feed = nullptr;
  std::chrono::milliseconds request_timeout{30000};
  std::chrono::milliseconds check_timeout{120000};
  std::string profile{};  // Context::profile()
};

class RunContext final : public Context {
 public:
  static constexpr std::size_t kMaxExchanges = 500;  // per check transcript

  explicit RunContext(RunShared& shared);

  HttpResponse send(std::string method, std::string path, std::optional<std::string> body,
                    Headers extra_headers = {}, bool authenticate = true) override;
  HttpResponse send_with(const SendOptions& options, std::string method, std::string path,
                         std::optional<std::string> body = std::nullopt,
                         Headers extra_headers = {}) override;
  std::string unique_name(std::string_view hint) override;
  nlohmann::json create_user(const nlohmann::json& overrides = nlohmann::json::object()) override;
  nlohmann::json create_group(const nlohmann::json& overrides = nlohmann::json::object()) override;
  HttpResponse create_raw(std::string endpoint, const nlohmann::json& body) override;
  nlohmann::json with_required(std::string_view type, nlohmann::json body,
                               const std::vector<std::string>& omit = {}) override;
  void track(std::string location) override;
  void untrack(std::string_view location) override;
  const Capabilities& caps() const override { return shared_.caps; }
  void note(std::string text) override;
  std::string base_url() const override { return shared_.client.base_url(); }
  std::string run_id() const override { return shared_.run_id; }
  SetReceiver* set_receiver() override { return shared_.receiver; }
  PollFeed* poll_feed() override { return shared_.poll_feed; }
  std::chrono::milliseconds request_timeout() const override { return shared_.request_timeout; }
  std::string profile() const override { return shared_.profile; }

  // Deletes the fixtures (newest first) unless `keep`; returns what could not be deleted. Runs
  // even after cancellation, each DELETE with the request timeout.
  std::vector<std::string> cleanup(bool keep);

  std::vector<Exchange> take_exchanges() { return std::move(exchanges_); }
  std::vector<std::string> take_notes() { return std::move(notes_); }

 private:
  HttpResponse perform(const std::string& method, const std::string& path,
                       const std::optional<std::string>& body, const Headers& extra,
                       bool authenticate, std::chrono::milliseconds timeout);
  nlohmann::json create_fixture(std::string_view type, std::string_view fallback_endpoint,
                                nlohmann::json body, const nlohmann::json& overrides);
  std::string endpoint_of(std::string_view type, std::string_view fallback) const;

  RunShared& shared_;
  std::chrono::steady_clock::time_point deadline_;
  FixtureTracker fixtures_;
  std::vector<Exchange> exchanges_;
  std::size_t dropped_exchanges_ = 0;
  SendOptions send_options_;  // of the request being sent (send_with), else the defaults
  std::vector<std::string> notes_;
};

// Where a created resource lives: "<endpoint>/<id>" from the body when it has an id (robust even
// when meta.location is wrong), else the Location header; empty when neither is present.
std::string fixture_location(const ScimClient& client, std::string_view endpoint,
                             const HttpResponse& response);

}  // namespace scim::conf
