// Time, audience and scope claims of JWTs (see jwt_claims.hpp).
#include "scim/server/http/jwt_claims.hpp"

#include <sstream>

namespace scim::http {
namespace {

// RFC 7519 §2 NumericDate: seconds since the epoch; fractions are allowed.
bool numeric_date(const nlohmann::json& claims, const char* name, long long& out) {
  const auto it = claims.find(name);
  if (it == claims.end() || !it->is_number()) return false;
  out = it->is_number_float() ? static_cast<long long>(it->get<double>()) : it->get<long long>();
  return true;
}

}  // namespace

Status<std::string> check_times(const nlohmann::json& claims, SystemClock::time_point now,
                                std::chrono::seconds leeway) {
  const long long t =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const long long skew = leeway.count();
  long long exp = 0, nbf = 0, iat = 0;
  if (!numeric_date(claims, "exp", exp)) {
    return Unexpected{std::string("the token has no numeric \"exp\" claim")};
  }
  if (t > exp + skew) {
    return Unexpected{"the token expired " + std::to_string(t - exp) + " s ago"};
  }
  if (claims.contains("nbf") && (!numeric_date(claims, "nbf", nbf) || t + skew < nbf)) {
    return Unexpected{std::string("the token is not valid yet (\"nbf\" in the future)")};
  }
  if (claims.contains("iat") && (!numeric_date(claims, "iat", iat) || t + skew < iat)) {
    return Unexpected{std::string("the token was issued in the future (\"iat\")")};
  }
  return Ok{};
}

bool has_audience(const nlohmann::json& claims, std::string_view audience) {
  const auto it = claims.find("aud");
  if (it == claims.end()) return false;
  if (it->is_string()) return it->get<std::string>() == audience;
  if (!it->is_array()) return false;
  for (const auto& a : *it) {
    if (a.is_string() && a.get<std::string>() == audience) return true;
  }
  return false;
}

bool has_scope(const nlohmann::json& claims, std::string_view scope) {
  if (const auto it = claims.find("scope"); it != claims.end() && it->is_string()) {
    std::istringstream words(it->get<std::string>());
    for (std::string w; words >> w;) {
      if (w == scope) return true;
    }
  }
  if (const auto it = claims.find("scp"); it != claims.end() && it->is_array()) {
    for (const auto& s : *it) {
      if (s.is_string() && s.get<std::string>() == scope) return true;
    }
  }
  return false;
}

std::string string_claim(const nlohmann::json& claims, const char* name) {
  const auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace scim::http
