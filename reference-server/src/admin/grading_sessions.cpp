// Grading sessions (see grading_sessions.hpp).
#include "scim/server/admin/grading_sessions.hpp"

#include <algorithm>

#include "scim/server/admin/journal_json.hpp"
#include "scim/server/store/timestamp.hpp"
#include "scim/suites/client/grading.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::system_clock;

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// A positive integer member no larger than `max`; `fallback` when absent.
Result<std::size_t> bounded(const json& body, const char* key, std::size_t fallback,
                            std::size_t max) {
  auto it = body.find(key);
  if (it == body.end()) return fallback;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 1 ||
      it->get<std::int64_t>() > static_cast<std::int64_t>(max)) {
    return invalid_value(std::string(key) + " must be an integer from 1 to " + std::to_string(max));
  }
  return it->get<std::size_t>();
}

}  // namespace

GradingSessions::GradingSessions(SessionLimits limits) : limits_(limits) {}

Result<std::vector<std::string>> GradingSessions::profiles_of(const json& names) {
  const auto& known = suites::client::client_profiles();
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  std::vector<std::string> out;
  for (const auto& p : names.is_array() ? names : json::array({json()})) {
    // Compared as strings: string == json is ambiguous under clang's C++20 rewritten operators.
    const std::string name = p.is_string() ? p.get<std::string>() : std::string();
    if (!p.is_string() || std::find(known.begin(), known.end(), name) == known.end()) {
      return invalid_value("profiles must be an array of profile names (" + list + "), got " +
                           names.dump());
    }
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

Result<json> GradingSessions::start(const std::string& tenant, const json& body) {
  if (!body.is_object()) return invalid_value("a session is a JSON object: {\"name\": ...}");
  for (const auto& [key, unused] : body.items()) {
    if (key != "name" && key != "maxRequests" && key != "maxSeconds" && key != "profiles") {
      return invalid_value("unknown session member \"" + key +
                           "\" (name, maxRequests, maxSeconds, profiles)");
    }
  }
  const std::string name =
      body.value("name", json()).is_string() ? body["name"].get<std::string>() : std::string();
  if (!valid_name(name)) {
    return invalid_value("name must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
  }
  auto requests = bounded(body, "maxRequests", limits_.default_requests, limits_.max_requests);
  if (!requests) return requests.error();
  auto seconds =
      bounded(body, "maxSeconds", limits_.default_duration.count(), limits_.max_duration.count());
  if (!seconds) return seconds.error();
  auto profiles = profiles_of(body.value("profiles", json::array()));
  if (!profiles) return profiles.error();
  std::lock_guard lock(mu_);
  auto& mine = sessions_[tenant];
  tenants_.store(sessions_.size(), std::memory_order_release);
  if (mine.count(name) > 0) {
    return uniqueness("session \"" + name + "\" exists; delete it first");
  }
  if (mine.size() >= limits_.max_sessions) {
    return http_error(409, "the tenant has " + std::to_string(mine.size()) +
                               " sessions, the most allowed; delete one first");
  }
  Session s;
  s.name = name;
  s.started = Clock::now();
  s.deadline = s.started + std::chrono::seconds(*seconds);
  s.max_requests = *requests;
  s.profiles = std::move(*profiles);
  auto& stored = mine.emplace(name, std::move(s)).first->second;
  return describe(stored);
}

Result<json> GradingSessions::end(const std::string& tenant, const std::string& name) {
  std::lock_guard lock(mu_);
  auto t = sessions_.find(tenant);
  if (t == sessions_.end() || t->second.count(name) == 0) {
    return not_found("session \"" + name + "\" not found");
  }
  Session& s = t->second.at(name);
  if (!s.ended) s.ended = std::min(Clock::now(), s.deadline);
  return describe(s);
}

Result<json> GradingSessions::get(const std::string& tenant, const std::string& name,
                                  bool entries) const {
  std::lock_guard lock(mu_);
  auto t = sessions_.find(tenant);
  if (t == sessions_.end() || t->second.count(name) == 0) {
    return not_found("session \"" + name + "\" not found");
  }
  const Session& s = t->second.at(name);
  json out = describe(s);
  if (entries) {
    out["entries"] = json::array();
    for (const auto& e : s.entries) out["entries"].push_back(to_json(e));
  }
  return out;
}

json GradingSessions::list(const std::string& tenant) const {
  std::lock_guard lock(mu_);
  json out = json::array();
  if (auto t = sessions_.find(tenant); t != sessions_.end()) {
    for (const auto& [name, s] : t->second) out.push_back(describe(s));
  }
  return {{"sessions", out}};
}

Status<> GradingSessions::remove(const std::string& tenant, const std::string& name) {
  std::lock_guard lock(mu_);
  auto t = sessions_.find(tenant);
  if (t == sessions_.end() || t->second.erase(name) == 0) {
    return not_found("session \"" + name + "\" not found");
  }
  return Ok{};
}

void GradingSessions::remove_tenant(const std::string& tenant) {
  std::lock_guard lock(mu_);
  sessions_.erase(tenant);
  tenants_.store(sessions_.size(), std::memory_order_release);
}

void GradingSessions::record(const JournalEntry& entry) {
  if (entry.kind != JournalEntry::Kind::Request) return;
  // No tenant holds sessions (none was started, or their tenants are gone: the usual case): no
  // lock and no lookup per request.
  if (tenants_.load(std::memory_order_acquire) == 0) return;
  std::lock_guard lock(mu_);
  auto t = sessions_.find(entry.tenant);
  if (t == sessions_.end()) return;
  for (auto& [name, s] : t->second) {
    if (!s.open(entry.time)) continue;
    if (s.entries.size() >= s.max_requests) {
      ++s.dropped;
      continue;
    }
    JournalEntry copy = entry;
    copy.seq = s.entries.size() + 1;
    s.entries.push_back(std::move(copy));
  }
}

json GradingSessions::describe(const Session& s) {
  const auto now = Clock::now();
  const char* state = s.ended ? "ended" : (now < s.deadline ? "open" : "expired");
  json out = {{"name", s.name},
              {"state", state},
              {"startedAt", store::format_timestamp(s.started)},
              {"deadline", store::format_timestamp(s.deadline)},
              {"maxRequests", s.max_requests},
              {"profiles", s.profiles},
              {"requests", s.entries.size()},
              {"dropped", s.dropped}};
  out["endedAt"] = s.ended ? json(store::format_timestamp(*s.ended)) : json(nullptr);
  return out;
}

}  // namespace scim::admin
