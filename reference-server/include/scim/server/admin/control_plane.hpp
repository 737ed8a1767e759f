// The control plane: what the admin API (/admin/v1) does to the running server, in one object.
// Tenants are created with credentials and settings and deleted (their tokens revoked at once);
// tokens are added or rotated; a tenant is reset (data, journal, event queues, async results and
// fault counters emptied, configuration kept), exported and imported (all or nothing); its
// runtime settings, push receivers and journal are read and changed. Every change is recorded
// as an audit entry in the journals.
//
// The operations speak the admin API's JSON (documented in docs/mock.md) and answer SCIM errors
// (RFC 7644 §3.12 shape) for bad input: 400 invalidValue, 404 for an unknown tenant, 409 for a
// name or secret in use. Changes are serialised by one lock; a failed change changes nothing.
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/admin/faults.hpp"
#include "scim/server/admin/journals.hpp"
#include "scim/server/admin/tenant_settings.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/endpoints/service.hpp"
#include "scim/server/events/feed_registry.hpp"
#include "scim/server/http/auth.hpp"
#include "scim/server/store/tenant_directory.hpp"

namespace scim::admin {

struct ControlPlaneLimits {
  std::size_t max_tokens_per_tenant = 32;
  std::size_t max_basic_users_per_tenant = 32;
};

// The parts of the running server the control plane changes; all must outlive it.
struct ControlPlaneParts {
  http::Authenticator& auth;
  store::TenantDirectory& tenants;
  server::Service& service;
  events::FeedRegistry& feeds;
  async::AsyncJobs& jobs;
  Journals& journals;
  Faults& faults;
};

struct ControlPlaneOptions {
  std::string base_path = "/scim/v2";  // tenants' SCIM base: /tenants/{name}{base_path}
  SettingsBounds bounds;
  ControlPlaneLimits limits;
};

class ControlPlane {
 public:
  ControlPlane(ControlPlaneParts parts, ControlPlaneOptions options);

  // Makes the start-up tenants (the configured credentials' and --tenant ones) known to the
  // journals; called once after construction.
  void adopt_startup_tenants();

  // ---- Tenants. `by` labels the admin credential for the audit entries.
  nlohmann::json list_tenants() const;
  Result<nlohmann::json> create_tenant(const nlohmann::json& body, const std::string& by);
  Result<nlohmann::json> get_tenant(const std::string& name) const;
  Status<> delete_tenant(const std::string& name, const std::string& by);
  // {"tokens": [...]} added (`replace` false) or becoming the only bearer tokens (rotation).
  // Without "tokens", one token is generated and returned (the only time it is shown).
  Result<nlohmann::json> set_tokens(const std::string& name, const nlohmann::json& body,
                                    bool replace, const std::string& by);
  Result<nlohmann::json> reset_tenant(const std::string& name, const std::string& by);

  // ---- Data (tenant_data.cpp): the seed-file shape, ids and meta kept.
  Result<nlohmann::json> export_tenant(const std::string& name) const;
  Result<nlohmann::json> import_tenant(const std::string& name, const nlohmann::json& body,
                                       bool merge, const std::string& by);

  // ---- Settings (tenant_settings.hpp): PATCH merges (RFC 7396), PUT replaces.
  Result<nlohmann::json> get_settings(const std::string& name) const;
  Result<nlohmann::json> change_settings(const std::string& name, const nlohmann::json& body,
                                         bool merge, const std::string& by);

  // ---- Push receivers (RFC 8935) of the tenant's feeds.
  Result<nlohmann::json> list_receivers(const std::string& name) const;
  Result<nlohmann::json> add_receiver(const std::string& name, const nlohmann::json& body,
                                      const std::string& by);
  Status<> remove_receiver(const std::string& name, const std::string& id, const std::string& by);

  // ---- Faults (faults.hpp). PUT replaces every fault and the seed: {"seed": 42, "faults": []}.
  Result<nlohmann::json> list_faults(const std::string& name) const;
  Result<nlohmann::json> get_fault(const std::string& name, const std::string& id) const;
  Result<nlohmann::json> add_fault(const std::string& name, const nlohmann::json& body,
                                   const std::string& by);
  Result<nlohmann::json> replace_faults(const std::string& name, const nlohmann::json& body,
                                        const std::string& by);
  Status<> remove_fault(const std::string& name, const std::string& id, const std::string& by);
  Status<> clear_faults(const std::string& name, const std::string& by);

  // ---- Journal.
  Result<nlohmann::json> journal(const std::string& name,
                                 const std::map<std::string, std::string>& query) const;
  Status<> clear_journal(const std::string& name, const std::string& by);
  Result<nlohmann::json> server_journal(const std::map<std::string, std::string>& query);

  // ---- Grading sessions (control_plane_sessions.cpp, docs/client-conformance.md).
  Result<nlohmann::json> start_session(const std::string& name, const nlohmann::json& body,
                                       const std::string& by);
  Result<nlohmann::json> list_sessions(const std::string& name) const;
  // The session; with `entries`, its requests as journal entries.
  Result<nlohmann::json> session(const std::string& name, const std::string& session,
                                 bool entries) const;
  Result<nlohmann::json> end_session(const std::string& name, const std::string& session,
                                     const std::string& by);
  Status<> delete_session(const std::string& name, const std::string& session,
                          const std::string& by);

  const ControlPlaneOptions& options() const { return options_; }

 private:
  Status<> known(const std::string& name) const;
  Result<server::ServiceConfig> configured(const nlohmann::json& settings) const;
  nlohmann::json tenant_json(const std::string& name) const;
  Status<> add_credentials(const std::string& name, const nlohmann::json& body,
                           nlohmann::json& generated);

  ControlPlaneParts parts_;
  ControlPlaneOptions options_;
  mutable std::mutex mu_;                           // one change at a time
  std::map<std::string, nlohmann::json> settings_;  // the overrides each tenant was given
};

}  // namespace scim::admin
