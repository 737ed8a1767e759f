// Transport-neutral HTTP helpers: header lookup and JSON body access for HttpResponse.
#include "scim/conformance/http.hpp"

#include "scim/conformance/json_limits.hpp"

namespace scim::conf {

const std::string* find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < key.size() && same; ++i) {
      auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
      same = lower(key[i]) == lower(name[i]);
    }
    if (same) return &value;
  }
  return nullptr;
}

std::optional<nlohmann::json> HttpResponse::json() const {
  return parse_json_limited(body);
}

std::string percent_encode(std::string_view text) {
  // RFC 3986 §2.3 unreserved characters pass through; everything else is %XX-encoded.
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

}  // namespace scim::conf
