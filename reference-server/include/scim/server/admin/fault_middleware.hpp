// The fault layer: after authentication (it needs the tenant), before everything that processes
// the request. For a SCIM request whose tenant has faults, it asks the tenant's FaultSet what to
// do (faults.hpp) and then answers with the injected error or 429 itself, or lets the request
// through and marks the response for the transport: delayed, the connection reset or closed, or
// the body cut short (api Delivery). The response notes the fault for the journal. Requests of
// tenants without faults pass untouched, as do admin and other requests outside the SCIM base.
#pragma once

#include <string_view>

#include "scim/server/admin/faults.hpp"
#include "scim/server/api/middleware.hpp"

namespace scim::admin {

class FaultMiddleware final : public server::Middleware {
 public:
  // `faults` must outlive the middleware.
  explicit FaultMiddleware(Faults& faults) : faults_(faults) {}
  std::string_view name() const override { return "faults"; }
  server::Response handle(server::Request& request, const server::Next& next) override;

 private:
  Faults& faults_;
};

}  // namespace scim::admin
