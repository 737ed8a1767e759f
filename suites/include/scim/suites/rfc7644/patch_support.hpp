// Helpers for the RFC 7644 §3.5.2 PATCH checks: apply operations and read back the result (a
// server may answer 200 with the resource or 204, so the state is always re-read with GET).
#pragma once

#include <string>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::rfc7644 {

// PATCHes `path` with `operations`, expects 200 or 204, and returns the resource read back.
json apply_patch(conf::Context& ctx, const std::string& path, json operations);
// The SCIM 2.0 Interoperability Profile §6.5.1.1 requires refusing the path-less operations that
// RFC 7644 §3.5.2.1-3 allow. apply_patch for a path-less operation: when the run judges the target
// by the interop profile and it refuses with 400 invalidSyntax, the check skips, naming the
// profile rule (judged by interop/6.5.1.1/path-less-invalid-syntax).
json apply_path_less_patch(conf::Context& ctx, const std::string& path, json operations);
// The same for a raw response: skips when `response` is the refusal the interop profile requires.
void skip_if_interop_refused(conf::Context& ctx, const conf::HttpResponse& response);

// PATCHes and returns the raw response (for error checks).
conf::HttpResponse send_patch(conf::Context& ctx, const std::string& path, json operations);
// Values of a multi-valued attribute's sub-attribute, e.g. values(user, "emails", "value").
std::set<std::string> values(const json& resource, std::string_view attribute,
                             std::string_view sub = "value");

}  // namespace scim::suites::rfc7644
