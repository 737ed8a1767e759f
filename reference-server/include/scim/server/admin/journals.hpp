// Every tenant's journal, the server's audit journal and the optional --journal-file, in one
// place: the journal layer records requests here, the control plane records its changes, and
// the admin API reads both. Tenants' journals exist from the moment the tenant does (start-up
// tenants and those the admin API creates) until it is deleted; an entry for a tenant without a
// journal goes to the file only, so a request finishing after its tenant's deletion leaves no
// ring behind.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scim/server/admin/grading_sessions.hpp"
#include "scim/server/admin/journal.hpp"
#include "scim/server/admin/journal_file.hpp"

namespace scim::admin {

class Journals {
 public:
  // `file` may be null (no --journal-file); it must outlive this object.
  Journals(JournalLimits limits, JournalFile* file);

  void add_tenant(const std::string& tenant);  // idempotent
  void remove_tenant(const std::string& tenant);
  // The tenant's journal; null when the tenant has none.
  std::shared_ptr<Journal> tenant(std::string_view tenant) const;
  // The server's journal: audit entries of every admin change (tenant deletions included).
  Journal& server() { return server_; }

  // Grading sessions (docs/client-conformance.md): every request entry recorded here is also
  // kept by the open sessions of its tenant.
  GradingSessions& sessions() { return sessions_; }
  const GradingSessions& sessions() const { return sessions_; }

  // A request's entry: its tenant's ring, its open grading sessions and the file.
  // Swapped into the tenant's ring: afterwards `entry` holds what the ring evicted for it or
  // null (Journal::append), or, when the tenant has no ring, what it held.
  void record(std::unique_ptr<JournalEntry>& entry);
  void record(JournalEntry&& entry);  // moved into the tenant's ring
  // An admin change: the server's ring, the tenant's ring when `tenant` has one, and the file.
  void audit(const std::string& tenant, const std::string& credential, std::string action,
             nlohmann::json detail);

  const JournalLimits& limits() const { return limits_; }
  JournalFile* file() const { return file_; }

 private:
  JournalLimits limits_;
  JournalFile* file_;
  Journal server_;
  GradingSessions sessions_;
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<Journal>, std::less<>> tenants_;
};

}  // namespace scim::admin
