// Public API of the PATCH engine (RFC 7644 §3.5.2): a PatchOp request applied atomically to a
// resource. Values are checked as for create and replace (validate/validate.hpp).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/engine/validate/validate.hpp"

namespace scim::engine {

// Every flag defaults to the strict reading. The two `unmatched` flags decide what a value path
// that matches no value means; the RFC leaves both cases open or suggests success, so they are
// choices a caller may make, not rewrites of the request.
struct PatchOptions {
  WriteLimits limits;
  // As ValueOptions::accept_non_canonical_values.
  bool accept_non_canonical_values = false;
  // add/replace on `emails[type eq "work"].value` when no value matches: create the value the
  // filter's `eq` terms describe ({"type": "work", "value": ...}). Otherwise 400 noTarget.
  bool create_unmatched_values = false;
  // remove on `members[value eq "x"]` when no value matches: succeed without change (the RFC 7644
  // §3.5.2.2 example: "no changes should be made ... a success response should be returned").
  // Otherwise 400 noTarget.
  bool ignore_unmatched_removes = false;
  // The SCIM 2.0 Interoperability Profile's narrower readings (path required, undefined
  // attributes are invalidSyntax); off: RFC 7644.
  InteropRules interop;
  // The number error details give operation i ("Operations[n]: ..."): operation_numbers[i] when
  // present, else i. A caller that rewrote the request names the client's operations this way.
  std::vector<std::size_t> operation_numbers;
};

struct PatchResult {
  nlohmann::json resource;  // the resource after all operations (validated)
  bool changed = false;     // false when every operation was a no-op (keep lastModified)
  // Which of the PatchOptions flags this request needed.
  bool accepted_non_canonical_value = false;
  bool created_unmatched_value = false;
  bool ignored_unmatched_remove = false;
};

// Applies a PatchOp request body ({"schemas":[PatchOp URN],"Operations":[...]}) atomically: on any
// error the input resource is untouched and the error is returned. Does not modify `meta`; the
// caller updates meta.lastModified/version when `changed`.
Result<PatchResult> apply_patch(const nlohmann::json& resource, const nlohmann::json& patch_request,
                                const Registry& registry, const ResourceType& type,
                                const PatchOptions& options = {});

}  // namespace scim::engine
