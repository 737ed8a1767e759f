// Deliberate RFC deviations for testing conformance tools only (issue 8, "self-test of the
// judge"; docs/server.md "--deviate"). DeviatingHandler wraps the real handler and breaks the
// protocol in one named, isolated way per deviation, mostly by post-processing responses, so
// the strict service itself stays untouched. suites/tests/deviations.json lists the checks each
// deviation must make fail; suites/tests/deviations.sh verifies it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/api/request.hpp"
#include "scim/protocol/resource_type.hpp"

namespace scim::server {

struct Deviations {
  bool no_etag = false;                // no ETag / meta.version; If-Match, If-None-Match ignored
  bool filter_case_sensitive = false;  // filters compare every string case-exactly
  bool patch_not_atomic = false;       // a failing PATCH keeps the operations before it
  bool wrong_error_shape = false;      // error "status" as a number, no Error schema URN

  bool any() const {
    return no_etag || filter_case_sensitive || patch_not_atomic || wrong_error_shape;
  }
  // Turns on the named deviation; false for an unknown name.
  bool enable(std::string_view name);
  static const std::vector<std::string_view>& names();
};

class DeviatingHandler final : public Handler {
 public:
  // `inner` and `registry` must outlive the handler.
  DeviatingHandler(Handler& inner, const Registry& registry, Deviations deviations);
  Response handle(const Request& request) override;

 private:
  void reapply_patch_prefix(const Request& request);
  void filter_case_exactly(const Request& request, Response& response) const;

  Handler& inner_;
  const Registry& registry_;
  Deviations deviations_;
};

}  // namespace scim::server
