// Deliberate RFC deviations for testing conformance tools only (issue 8, "self-test of the
// judge"; docs/server.md "--deviate"). DeviatingMiddleware sits in the chain and breaks the
// protocol in one named, isolated way per deviation, mostly by post-processing responses, so
// the strict service itself stays untouched. suites/tests/deviations.json lists the checks each
// deviation must make fail; suites/tests/deviations.sh verifies it. patch-unadvertised and
// filter-unadvertised are judged by SHOULD-level checks (warnings, not failures), so
// conformance/tests/gate_e2e.sh tests them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/api/middleware.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::deviate {

struct Deviations {
  bool no_etag = false;                // no ETag / meta.version; If-Match, If-None-Match ignored
  bool filter_case_sensitive = false;  // filters compare every string case-exactly
  bool patch_not_atomic = false;       // a failing PATCH keeps the operations before it
  bool wrong_error_shape = false;      // error "status" as a number, no Error schema URN
  bool cursor_ignores_count = false;   // cursor pages (RFC 9865) are served at the default size
  bool device_uniqueness_off = false;  // RFC 9944 device extension attributes are not unique
  bool patch_unadvertised = false;     // PATCH served, /ServiceProviderConfig says unsupported
  bool filter_unadvertised = false;    // filters served, /ServiceProviderConfig says unsupported
  bool patch_add_replaces = false;     // PATCH "add" with a path is applied as "replace"
  bool delete_deactivates = false;     // DELETE of a User sets active false; the user stays

  bool any() const {
    return no_etag || filter_case_sensitive || patch_not_atomic || wrong_error_shape ||
           cursor_ignores_count || device_uniqueness_off || patch_unadvertised ||
           filter_unadvertised || patch_add_replaces || delete_deactivates;
  }
  // Turns on the named deviation; false for an unknown name.
  bool enable(std::string_view name);
  static const std::vector<std::string_view>& names();
};

// device-uniqueness-off acts on the store, not on responses: the uniqueness indexes of the Device
// type's extension attributes (RFC 9944 §7.1 deviceMacAddress, ...) are left out, while /Schemas
// still says "server". Returns `specs` with that applied (unchanged without the deviation).
std::vector<store::TypeSpec> deviate_store_specs(const Deviations& deviations,
                                                 std::vector<store::TypeSpec> specs);

// A layer of the middleware chain, added only when --deviate names a deviation.
class DeviatingMiddleware final : public server::Middleware {
 public:
  // `registry` must outlive the middleware.
  DeviatingMiddleware(const Registry& registry, Deviations deviations);
  std::string_view name() const override { return "deviate"; }
  server::Response handle(server::Request& request, const server::Next& next) override;

 private:
  void reapply_patch_prefix(const server::Request& request, const server::Next& next);
  void filter_case_exactly(const server::Request& request, server::Response& response) const;

  const Registry& registry_;
  Deviations deviations_;
};

}  // namespace scim::deviate
