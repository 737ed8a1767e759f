// Progress, logging and cancellation for one request (MCP 2025-11-25 basic/utilities/progress,
// server/utilities/logging, basic/utilities/cancellation).
#include "scim/mcp/request_context.hpp"

#include <array>

#include "scim/mcp/jsonrpc.hpp"

namespace scim::mcp {
namespace {

constexpr std::array<std::string_view, 8> kLevelNames = {
    "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"};

}  // namespace

std::string_view to_string(LogLevel level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::optional<LogLevel> parse_log_level(std::string_view text) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (kLevelNames[i] == text) return static_cast<LogLevel>(i);
  }
  return std::nullopt;
}

RequestContext::RequestContext(json progress_token, Send send,
                               const std::atomic<LogLevel>& min_level,
                               std::shared_ptr<conf::CancelFlag> cancel)
    : token_(std::move(progress_token)),
      send_(std::move(send)),
      min_level_(min_level),
      cancel_(std::move(cancel)) {}

void RequestContext::progress(double value, std::optional<double> total, std::string_view message) {
  if (token_.is_null() || cancelled()) return;
  std::lock_guard lock(mutex_);
  if (last_progress_ && value <= *last_progress_) return;
  last_progress_ = value;
  json params{{"progressToken", token_}, {"progress", value}};
  if (total) params["total"] = *total;
  if (!message.empty()) params["message"] = std::string(message);
  send_(rpc::make_notification("notifications/progress", std::move(params)));
}

void RequestContext::log(LogLevel level, std::string_view logger, const json& data) {
  if (level < min_level_.load()) return;
  json params{{"level", std::string(to_string(level))}, {"data", data}};
  if (!logger.empty()) params["logger"] = std::string(logger);
  std::lock_guard lock(mutex_);
  send_(rpc::make_notification("notifications/message", std::move(params)));
}

}  // namespace scim::mcp
