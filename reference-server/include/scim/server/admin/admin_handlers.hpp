// The admin API over HTTP: the route table's AdminApi (endpoints/admin_api.hpp) implemented on
// the ControlPlane. Bodies are JSON (application/json or application/scim+json); answers are
// application/json, errors the SCIM error shape of RFC 7644 §3.12 so one client parser reads
// both. docs/mock.md is the reference.
#pragma once

#include "scim/server/admin/control_plane.hpp"
#include "scim/server/endpoints/admin_api.hpp"

namespace scim::admin {

class AdminHandlers final : public server::AdminApi {
 public:
  // `plane` must outlive the handlers.
  explicit AdminHandlers(ControlPlane& plane) : plane_(plane) {}

  server::Response list_tenants(const server::Request& request) override;
  server::Response create_tenant(const server::Request& request) override;
  server::Response get_tenant(const server::Request& request, std::string_view tenant) override;
  server::Response delete_tenant(const server::Request& request, std::string_view tenant) override;
  server::Response add_tokens(const server::Request& request, std::string_view tenant) override;
  server::Response rotate_tokens(const server::Request& request, std::string_view tenant) override;
  server::Response reset_tenant(const server::Request& request, std::string_view tenant) override;
  server::Response export_tenant(const server::Request& request, std::string_view tenant) override;
  server::Response import_tenant(const server::Request& request, std::string_view tenant) override;
  server::Response get_settings(const server::Request& request, std::string_view tenant) override;
  server::Response patch_settings(const server::Request& request, std::string_view tenant) override;
  server::Response put_settings(const server::Request& request, std::string_view tenant) override;
  server::Response get_journal(const server::Request& request, std::string_view tenant) override;
  server::Response clear_journal(const server::Request& request, std::string_view tenant) override;
  server::Response list_receivers(const server::Request& request, std::string_view tenant) override;
  server::Response add_receiver(const server::Request& request, std::string_view tenant) override;
  server::Response remove_receiver(const server::Request& request, std::string_view tenant,
                                   std::string_view id) override;
  server::Response list_faults(const server::Request& request, std::string_view tenant) override;
  server::Response add_fault(const server::Request& request, std::string_view tenant) override;
  server::Response replace_faults(const server::Request& request, std::string_view tenant) override;
  server::Response clear_faults(const server::Request& request, std::string_view tenant) override;
  server::Response get_fault(const server::Request& request, std::string_view tenant,
                             std::string_view id) override;
  server::Response remove_fault(const server::Request& request, std::string_view tenant,
                                std::string_view id) override;
  server::Response server_journal(const server::Request& request) override;
  // session_handlers.cpp
  server::Response start_session(const server::Request& request, std::string_view tenant) override;
  server::Response list_sessions(const server::Request& request, std::string_view tenant) override;
  server::Response get_session(const server::Request& request, std::string_view tenant,
                               std::string_view session) override;
  server::Response end_session(const server::Request& request, std::string_view tenant,
                               std::string_view session) override;
  server::Response delete_session(const server::Request& request, std::string_view tenant,
                                  std::string_view session) override;
  server::Response session_report(const server::Request& request, std::string_view tenant,
                                  std::string_view session) override;

 private:
  ControlPlane& plane_;
};

}  // namespace scim::admin
