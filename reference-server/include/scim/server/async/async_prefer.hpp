// The Prefer request header (RFC 7240 §2): "respond-async" (§4.1) and "wait" (§4.3), and the
// server's async mode from ServiceProviderConfig securityEvents.asyncRequest
// (RFC 9967 §4: "none", "long", "request").
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace scim::async {

enum class AsyncMode { None, Request, Long };

std::string_view to_string(AsyncMode mode);
// Case-insensitive (§4 "case-insensitive string value").
std::optional<AsyncMode> parse_async_mode(std::string_view text);

struct Preferences {
  bool respond_async = false;
  std::optional<std::chrono::seconds> wait;
};

// Parses one or more comma-separated preferences ("respond-async, wait=10"). Names are
// case-insensitive (RFC 7240 §2); unknown preferences and parameters after ';' are ignored, and a
// malformed or absurd wait value is ignored rather than failing the request (§2: "servers SHOULD
// ignore" what they do not understand).
Preferences parse_prefer(std::string_view header);

}  // namespace scim::async
