// The SCIM target: requests through the conformance client, discovery cached for a while.
#include "scim/mcp/target.hpp"

#include <thread>

#include "scim/conformance/client/redact.hpp"
#include "scim/conformance/core/discovery.hpp"

namespace scim::mcp {

Target::Target(TargetOptions options, std::unique_ptr<conf::Transport> transport)
    : options_(std::move(options)),
      transport_(std::move(transport)),
      retrying_(*transport_, conf::RetryPolicy{},
                [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }),
      auth_(options_.auth, retrying_),
      client_(retrying_, auth_, options_.base_url) {}

conf::ScimClient::Sent Target::send(std::string_view method, std::string_view path,
                                    const std::optional<std::string>& body,
                                    const conf::Headers& extra) {
  return client_.send(method, path, body, extra, true, options_.timeout);
}

Result<std::shared_ptr<const Discovery>, std::string> Target::discovery(bool refresh) {
  if (!configured()) {
    return std::string("no SCIM target is configured: start scim-mcp with --base-url URL");
  }
  {
    std::lock_guard lock(mutex_);
    if (discovery_ && !refresh &&
        std::chrono::steady_clock::now() - discovery_->read_at < options_.discovery_ttl) {
      return discovery_;
    }
  }
  auto caps = conf::discover(client_, options_.timeout);
  if (!caps) return caps.error().message;
  auto fresh = std::make_shared<const Discovery>(
      Discovery{std::move(*caps), std::chrono::steady_clock::now()});
  std::lock_guard lock(mutex_);
  discovery_ = fresh;
  return fresh;
}

std::shared_ptr<const Discovery> Target::cached_discovery() const {
  std::lock_guard lock(mutex_);
  return discovery_;
}

std::string Target::redact(std::string text) const {
  return conf::redact_body(text, auth_.redaction_rules());
}

std::string describe_failure(const conf::HttpResponse& response) {
  if (response.status == 0) return "no HTTP response: " + response.transport_error;
  std::string text = "HTTP " + std::to_string(response.status);
  if (auto body = response.json(); body && body->is_object()) {
    if (auto type = body->find("scimType"); type != body->end() && type->is_string()) {
      text += " " + type->get<std::string>();
    }
    if (auto detail = body->find("detail"); detail != body->end() && detail->is_string()) {
      text += ": " + detail->get<std::string>();
    }
  }
  return text;
}

}  // namespace scim::mcp
