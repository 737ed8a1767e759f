// Faults as the admin API and the config file write them (see faults.hpp): every member checked,
// every unknown member refused, so a typo never silently injects nothing.
#include <array>
#include <cmath>
#include <set>

#include "scim/protocol/error.hpp"
#include "scim/server/admin/faults.hpp"
#include "scim/server/admin/glob.hpp"
#include "scim/server/admin/json_number.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;
using Kind = FaultSpec::Kind;

constexpr std::array<std::pair<std::string_view, Kind>, 6> kKinds = {
    {{"latency", Kind::Latency},
     {"error", Kind::Error},
     {"rateLimit", Kind::RateLimit},
     {"reset", Kind::Reset},
     {"close", Kind::Close},
     {"truncate", Kind::Truncate}}};

// The members each kind takes, besides the common ones.
std::set<std::string> members_of(Kind kind) {
  std::set<std::string> common = {"id", "method", "path", "type", "probability", "times"};
  switch (kind) {
    case Kind::Latency:
      common.insert({"delayMs", "jitterMs"});
      break;
    case Kind::Error:
      common.insert("status");
      break;
    case Kind::RateLimit:
      common.insert("retryAfterSeconds");
      break;
    case Kind::Reset:
    case Kind::Close:
      common.insert("afterProcessing");
      break;
    case Kind::Truncate:
      common.insert("bytes");
      break;
  }
  return common;
}

Result<std::uint64_t> whole(const json& v, const char* name, std::uint64_t min, std::uint64_t max) {
  const auto n = non_negative_integer(v);
  if (!n || *n < min || *n > max) {
    return invalid_value(std::string(name) + " must be an integer from " + std::to_string(min) +
                         " to " + std::to_string(max));
  }
  return *n;
}

Status<> read_common(const json& doc, FaultSpec& f) {
  if (auto it = doc.find("id"); it != doc.end()) {
    if (!it->is_string() || it->get<std::string>().empty() || it->get<std::string>().size() > 64 ||
        it->get<std::string>().find('/') != std::string::npos) {
      return invalid_value("id must be a string of 1 to 64 characters without '/'");
    }
    f.id = it->get<std::string>();
  }
  if (auto it = doc.find("method"); it != doc.end()) {
    static const std::set<std::string> kMethods = {"*",     "GET",    "POST", "PUT",
                                                   "PATCH", "DELETE", "HEAD"};
    if (!it->is_string() || kMethods.count(it->get<std::string>()) == 0) {
      return invalid_value("method must be *, GET, POST, PUT, PATCH, DELETE or HEAD");
    }
    f.method = it->get<std::string>();
  }
  if (auto it = doc.find("path"); it != doc.end()) {
    if (!it->is_string() || it->get<std::string>().empty() ||
        it->get<std::string>().size() > kMaxGlobLength || it->get<std::string>()[0] != '/') {
      return invalid_value("path must be a glob starting with '/' (\"/Users/**\"), at most " +
                           std::to_string(kMaxGlobLength) + " characters");
    }
    f.path = it->get<std::string>();
  }
  if (auto it = doc.find("probability"); it != doc.end()) {
    if (!it->is_number() || !(it->get<double>() >= 0.0 && it->get<double>() <= 1.0)) {
      return invalid_value("probability must be a number from 0 to 1");
    }
    f.probability = it->get<double>();
  }
  if (auto it = doc.find("times"); it != doc.end()) {
    auto n = whole(*it, "times", 1, 1'000'000'000);
    if (!n) return n.error();
    f.times = *n;
  }
  return Ok{};
}

Status<> read_kind_members(const json& doc, FaultSpec& f, const FaultLimits& limits) {
  const auto max_ms = static_cast<std::uint64_t>(limits.max_delay.count());
  for (const auto& [key, value] : doc.items()) {
    Result<std::uint64_t> n = std::uint64_t{0};
    if (key == "delayMs" || key == "jitterMs") {
      n = whole(value, key == "delayMs" ? "delayMs" : "jitterMs", 0, max_ms);
      if (n) (key == "delayMs" ? f.delay : f.jitter) = std::chrono::milliseconds(*n);
    } else if (key == "status") {
      n = whole(value, "status", 500, 504);
      if (n && *n != 500 && *n != 502 && *n != 503 && *n != 504) {
        n = invalid_value("status must be 500, 502, 503 or 504");
      }
      if (n) f.status = static_cast<int>(*n);
    } else if (key == "retryAfterSeconds") {
      n = whole(value, "retryAfterSeconds", 0, 86'400);
      if (n) f.retry_after = std::chrono::seconds(*n);
    } else if (key == "bytes") {
      n = whole(value, "bytes", 0, 1u << 30);
      if (n) f.truncate_at = *n;
    } else if (key == "afterProcessing") {
      if (!value.is_boolean()) return invalid_value("afterProcessing must be true or false");
      f.after_processing = value.get<bool>();
    }
    if (!n) return n.error();
  }
  if (f.delay + f.jitter > limits.max_delay) {
    return invalid_value("delayMs + jitterMs must be at most " + std::to_string(max_ms));
  }
  return Ok{};
}

}  // namespace

std::string_view kind_name(Kind kind) {
  for (const auto& [name, k] : kKinds) {
    if (k == kind) return name;
  }
  return "error";
}

Result<FaultSpec> parse_fault(const json& doc, const FaultLimits& limits) {
  if (!doc.is_object()) return invalid_value("a fault must be a JSON object");
  auto type = doc.find("type");
  if (type == doc.end() || !type->is_string()) {
    return invalid_value("type is required: latency, error, rateLimit, reset, close or truncate");
  }
  FaultSpec f;
  bool known = false;
  for (const auto& [name, kind] : kKinds) {
    if (type->get<std::string>() == name) {
      f.kind = kind;
      known = true;
    }
  }
  if (!known) {
    return invalid_value("unknown fault type \"" + type->get<std::string>() +
                         "\" (latency, error, rateLimit, reset, close, truncate)");
  }
  const auto allowed = members_of(f.kind);
  for (const auto& [key, value] : doc.items()) {
    if (allowed.count(key) == 0) {
      return invalid_value("\"" + key + "\" does not apply to a " + type->get<std::string>() +
                           " fault");
    }
  }
  if (auto st = read_common(doc, f); !st) return st.error();
  if (auto st = read_kind_members(doc, f, limits); !st) return st.error();
  return f;
}

json to_json(const FaultSpec& f) {
  json out = {{"id", f.id},
              {"type", kind_name(f.kind)},
              {"method", f.method},
              {"path", f.path},
              {"probability", f.probability}};
  if (f.times) out["times"] = *f.times;
  switch (f.kind) {
    case Kind::Latency:
      out["delayMs"] = f.delay.count();
      out["jitterMs"] = f.jitter.count();
      break;
    case Kind::Error:
      out["status"] = f.status;
      break;
    case Kind::RateLimit:
      out["retryAfterSeconds"] = f.retry_after.count();
      break;
    case Kind::Reset:
    case Kind::Close:
      out["afterProcessing"] = f.after_processing;
      break;
    case Kind::Truncate:
      if (f.truncate_at) out["bytes"] = *f.truncate_at;
      break;
  }
  return out;
}

}  // namespace scim::admin
