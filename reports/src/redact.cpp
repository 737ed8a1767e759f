// Header and URL redaction for reports (see redact.hpp).
#include "scim/reports/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

bool ascii_iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

constexpr std::array<std::string_view, 6> kSecretHeaders{
    "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"};
constexpr std::array<std::string_view, 5> kSecretParams{"access_token", "token", "api_key",
                                                        "apikey", "password"};

bool is_secret_param(std::string_view name) {
  return std::any_of(kSecretParams.begin(), kSecretParams.end(),
                     [&](std::string_view p) { return ascii_iequals(p, name); });
}

}  // namespace

bool is_secret_header(std::string_view name) {
  return std::any_of(kSecretHeaders.begin(), kSecretHeaders.end(),
                     [&](std::string_view h) { return ascii_iequals(h, name); });
}

std::string report_header_value(std::string_view name, std::string_view value) {
  if (is_secret_header(name)) return "[redacted]";
  return clip(value, kMaxTextBytes);
}

std::string redact_url(std::string_view url) {
  const auto query = url.find('?');
  if (query == std::string_view::npos) return std::string(url);
  std::string out(url.substr(0, query + 1));
  auto rest = url.substr(query + 1);
  while (true) {
    const auto amp = rest.find_first_of("&#");
    const auto pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && is_secret_param(pair.substr(0, eq))) {
      out.append(pair.substr(0, eq + 1)).append("[redacted]");
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    out += rest[amp];
    if (rest[amp] == '#') {  // the fragment is not a query: keep it as is
      out.append(rest.substr(amp + 1));
      break;
    }
    rest = rest.substr(amp + 1);
  }
  return out;
}

}  // namespace scim::reports
