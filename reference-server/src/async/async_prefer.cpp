// Prefer header parsing (RFC 7240 §2, §4.1, §4.3).
#include "scim/server/async/async_prefer.hpp"

#include <charconv>

#include "scim/protocol/strings.hpp"

namespace scim::async {
namespace {

constexpr long long kMaxWaitSeconds = 86400;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
  return s;
}

void apply(std::string_view pref, Preferences& out) {
  pref = trim(pref.substr(0, pref.find(';')));  // parameters after ';' do not matter here
  const auto eq = pref.find('=');
  const auto name = trim(pref.substr(0, eq));
  const auto value =
      eq == std::string_view::npos ? std::string_view{} : unquote(trim(pref.substr(eq + 1)));
  if (iequals(name, "respond-async")) {
    out.respond_async = true;
  } else if (iequals(name, "wait") && !value.empty()) {
    long long seconds = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc() && ptr == value.data() + value.size() && seconds >= 0 &&
        seconds <= kMaxWaitSeconds) {
      out.wait = std::chrono::seconds(seconds);
    }
  }
}

}  // namespace

std::string_view to_string(AsyncMode mode) {
  switch (mode) {
    case AsyncMode::None:
      return "none";
    case AsyncMode::Request:
      return "request";
    case AsyncMode::Long:
      return "long";
  }
  return "none";
}

std::optional<AsyncMode> parse_async_mode(std::string_view text) {
  for (auto m : {AsyncMode::None, AsyncMode::Request, AsyncMode::Long}) {
    if (iequals(text, to_string(m))) return m;
  }
  return std::nullopt;
}

Preferences parse_prefer(std::string_view header) {
  Preferences out;
  std::size_t start = 0;
  while (start <= header.size()) {
    const auto comma = header.find(',', start);
    apply(header.substr(start, comma == std::string_view::npos ? comma : comma - start), out);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace scim::async
