// Public API of the write half of the engine: PATCH (RFC 7644 §3.5.2) and resource validation for
// create and replace (RFC 7644 §3.3, §3.5.1; RFC 7643 §2.2, §7).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::engine {

// Lenient mode: the documented deviations of real identity providers (see docs/lenient.md).
// Off by default; each leniency used on a request is reported in `leniencies_used`.
// Explicit input limits (hostile clients): exceeding one is a 400 (413 for the operation count)
// whose detail names the limit.
struct WriteLimits {
  std::size_t max_operations = 1000;              // PATCH Operations per request (413 beyond)
  std::size_t max_values_per_attribute = 100000;  // elements of one multi-valued attribute
  std::size_t max_string_bytes = 1024 * 1024;     // one string value (certificates are large)
  std::size_t max_path_length = 4096;             // one PATCH "path"
};

struct WriteOptions {
  bool lenient = false;
  WriteLimits limits;
};

enum class WriteMode { Create, Replace };

struct ValidatedResource {
  nlohmann::json resource;                   // normalised: readOnly input dropped, schemas fixed
  std::vector<std::string> leniencies_used;  // names of leniencies applied (lenient mode only)
};

// Validates client input for POST (Create) or PUT (Replace). For Replace, `existing` is the stored
// resource: immutable attributes must match it and readOnly attributes are carried over by the
// caller. Errors: 400 invalidValue / invalidSyntax naming the attribute; 400 mutability.
Result<ValidatedResource> validate_resource(const nlohmann::json& input, const Registry& registry,
                                            const ResourceType& type, WriteMode mode,
                                            const nlohmann::json* existing,
                                            const WriteOptions& options = {});

struct PatchResult {
  nlohmann::json resource;  // the resource after all operations (validated)
  bool changed = false;     // false when every operation was a no-op (keep lastModified)
  std::vector<std::string> leniencies_used;
};

// Applies a PatchOp request body ({"schemas":[PatchOp URN],"Operations":[...]}) atomically: on any
// error the input resource is untouched and the error is returned. Does not modify `meta`; the
// caller updates meta.lastModified/version when `changed`.
Result<PatchResult> apply_patch(const nlohmann::json& resource, const nlohmann::json& patch_request,
                                const Registry& registry, const ResourceType& type,
                                const WriteOptions& options = {});

}  // namespace scim::engine
