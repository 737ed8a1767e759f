// The control plane's handlers (/admin/v1, docs/mock.md), as the route table sees them. They are
// implemented in the admin folder, which sits above this one; declaring them here keeps every
// route one row of endpoints/routes.cpp. Each handler gets the request (admin principal set by
// the authentication layer) and the {tenant}/{id} segments of its route.
#pragma once

#include <string_view>

#include "scim/server/api/request.hpp"

namespace scim::server {

class AdminApi {
 public:
  virtual ~AdminApi() = default;

  virtual Response list_tenants(const Request& request) = 0;
  virtual Response create_tenant(const Request& request) = 0;
  virtual Response get_tenant(const Request& request, std::string_view tenant) = 0;
  virtual Response delete_tenant(const Request& request, std::string_view tenant) = 0;
  virtual Response add_tokens(const Request& request, std::string_view tenant) = 0;
  virtual Response rotate_tokens(const Request& request, std::string_view tenant) = 0;
  virtual Response reset_tenant(const Request& request, std::string_view tenant) = 0;
  virtual Response export_tenant(const Request& request, std::string_view tenant) = 0;
  virtual Response import_tenant(const Request& request, std::string_view tenant) = 0;
  virtual Response get_settings(const Request& request, std::string_view tenant) = 0;
  virtual Response patch_settings(const Request& request, std::string_view tenant) = 0;
  virtual Response put_settings(const Request& request, std::string_view tenant) = 0;
  virtual Response get_journal(const Request& request, std::string_view tenant) = 0;
  virtual Response clear_journal(const Request& request, std::string_view tenant) = 0;
  virtual Response list_receivers(const Request& request, std::string_view tenant) = 0;
  virtual Response add_receiver(const Request& request, std::string_view tenant) = 0;
  virtual Response remove_receiver(const Request& request, std::string_view tenant,
                                   std::string_view id) = 0;
  virtual Response list_faults(const Request& request, std::string_view tenant) = 0;
  virtual Response add_fault(const Request& request, std::string_view tenant) = 0;
  virtual Response replace_faults(const Request& request, std::string_view tenant) = 0;
  virtual Response clear_faults(const Request& request, std::string_view tenant) = 0;
  virtual Response get_fault(const Request& request, std::string_view tenant,
                             std::string_view id) = 0;
  virtual Response remove_fault(const Request& request, std::string_view tenant,
                                std::string_view id) = 0;
  virtual Response server_journal(const Request& request) = 0;
  // Grading sessions (docs/client-conformance.md).
  virtual Response start_session(const Request& request, std::string_view tenant) = 0;
  virtual Response list_sessions(const Request& request, std::string_view tenant) = 0;
  virtual Response get_session(const Request& request, std::string_view tenant,
                               std::string_view session) = 0;
  virtual Response end_session(const Request& request, std::string_view tenant,
                               std::string_view session) = 0;
  virtual Response delete_session(const Request& request, std::string_view tenant,
                                  std::string_view session) = 0;
  virtual Response session_report(const Request& request, std::string_view tenant,
                                  std::string_view session) = 0;
};

}  // namespace scim::server
