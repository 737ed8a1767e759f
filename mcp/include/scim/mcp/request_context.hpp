// What a tool, resource or prompt handler gets besides its arguments: progress notifications
// (MCP 2025-11-25 "Progress": only when the caller sent _meta.progressToken, values strictly
// increasing), log messages (MCP "Logging": notifications/message at or above the level the client
// set with logging/setLevel) and cancellation (MCP "Cancellation": notifications/cancelled sets the
// flag; long handlers poll it, and the response of a cancelled request is not sent).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "scim/conformance/core/cancel.hpp"

namespace scim::mcp {

using json = nlohmann::json;

// RFC 5424 severities, in MCP's order (least to most severe).
enum class LogLevel { Debug, Info, Notice, Warning, Error, Critical, Alert, Emergency };

std::string_view to_string(LogLevel level);
std::optional<LogLevel> parse_log_level(std::string_view text);

// Where the messages of one request go: stdout for stdio, the request's SSE stream over HTTP.
using Send = std::function<void(const json& message)>;

class RequestContext {
 public:
  RequestContext(json progress_token, Send send, const std::atomic<LogLevel>& min_level,
                 std::shared_ptr<conf::CancelFlag> cancel);

  // Sends notifications/progress when the caller asked for progress; a value that does not
  // increase is dropped (the spec requires each to be greater than the one before).
  void progress(double value, std::optional<double> total, std::string_view message);
  // Sends notifications/message when `level` passes the session's minimum level.
  void log(LogLevel level, std::string_view logger, const json& data);
  bool cancelled() const { return cancel_->requested(); }
  const conf::CancelFlag& cancel_flag() const { return *cancel_; }
  bool wants_progress() const { return !token_.is_null(); }

 private:
  json token_;
  Send send_;
  const std::atomic<LogLevel>& min_level_;
  std::shared_ptr<conf::CancelFlag> cancel_;
  std::mutex mutex_;  // progress may be reported from several runner threads
  std::optional<double> last_progress_;
};

}  // namespace scim::mcp
