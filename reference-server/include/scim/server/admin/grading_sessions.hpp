// Grading sessions (docs/client-conformance.md): a named window over one tenant's requests. A
// test harness starts a session over the admin API, runs its client, ends the session and asks
// for the verdict; the verdict covers the requests recorded in that window only. Sessions keep
// their own copy of each request's journal entry, so the journal's ring evicting old entries
// never changes a verdict. Every session is bounded in requests and in time: requests beyond
// its bound are counted, not kept; requests after its deadline are not recorded.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/admin/journal.hpp"

namespace scim::admin {

struct SessionLimits {
  std::size_t default_requests = 1000;         // "maxRequests" when the start request names none
  std::size_t max_requests = 10000;            // the largest "maxRequests" allowed
  std::chrono::seconds default_duration{600};  // "maxSeconds" when none is named
  std::chrono::seconds max_duration{3600};
  std::size_t max_sessions = 16;  // per tenant, open and ended together
};

class GradingSessions {
 public:
  explicit GradingSessions(SessionLimits limits = {});

  // {"name", "maxRequests"?, "maxSeconds"?, "profiles"?}: a new open session of `tenant`;
  // "profiles" (["interop", "ipsie-al1"]) adds those profiles' client checks to its verdict.
  Result<nlohmann::json> start(const std::string& tenant, const nlohmann::json& body);
  Result<nlohmann::json> end(const std::string& tenant, const std::string& name);
  // The session's description, and with `entries` its requests as journal JSON.
  Result<nlohmann::json> get(const std::string& tenant, const std::string& name,
                             bool entries) const;
  nlohmann::json list(const std::string& tenant) const;
  Status<> remove(const std::string& tenant, const std::string& name);
  void remove_tenant(const std::string& tenant);

  // "profiles" of a start or of a report's override: an array of client_profiles() names,
  // duplicates dropped; 400 invalidValue naming the known profiles otherwise.
  static Result<std::vector<std::string>> profiles_of(const nlohmann::json& names);

  // A request's entry: kept by every open session of its tenant.
  void record(const JournalEntry& entry);

 private:
  struct Session {
    std::string name;
    std::chrono::system_clock::time_point started, deadline;
    std::optional<std::chrono::system_clock::time_point> ended;
    std::size_t max_requests = 0;
    std::vector<std::string> profiles;  // graded besides the RFC checks
    std::vector<JournalEntry> entries;
    std::uint64_t dropped = 0;
    bool open(std::chrono::system_clock::time_point now) const { return !ended && now < deadline; }
  };
  static nlohmann::json describe(const Session& s);

  SessionLimits limits_;
  mutable std::mutex mu_;
  std::map<std::string, std::map<std::string, Session>, std::less<>> sessions_;
  // sessions_.size(), stored under mu_ after each change of it and read by record() without
  // mu_: a request of a server without sessions skips the lock.
  std::atomic<std::size_t> tenants_{0};
};

}  // namespace scim::admin
