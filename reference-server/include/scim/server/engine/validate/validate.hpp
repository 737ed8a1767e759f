// Public API of resource validation for create and replace (RFC 7644 §3.3, §3.5.1; RFC 7643 §2.2,
// §7), and the input limits and value options that PATCH (patch/patch.hpp) shares.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::engine {

// Explicit input limits (hostile clients): exceeding one is a 400 (413 for the PATCH operation
// count) whose detail names the limit.
struct WriteLimits {
  std::size_t max_operations = 1000;              // PATCH Operations per request (413 beyond)
  std::size_t max_values_per_attribute = 100000;  // elements of one multi-valued attribute
  std::size_t max_string_bytes = 1024 * 1024;     // one string value (certificates are large)
  std::size_t max_path_length = 4096;             // one PATCH "path"
};

// Narrower readings the SCIM 2.0 Interoperability Profile asks of a provider
// (draft-zollner-scim-interop-profile-01); off, the default, is RFC 7643/7644 strict mode.
struct InteropRules {
  // §5.3: an attribute or schema URN the resource type does not define is 400 invalidSyntax
  // (strict RFC mode: invalidValue, or invalidPath for a PATCH path).
  bool undefined_is_invalid_syntax = false;
  // §6.5.1.1: a PATCH operation without "path" is 400 invalidSyntax (RFC 7644 §3.5.2.1 and
  // §3.5.2.3 allow path-less add and replace).
  bool patch_requires_path = false;
  // §6.5.2.1: PATCH replace of a whole singular complex attribute ("name") replaces it entirely
  // (RFC 7644 §3.5.2.3 merges: "Sub-attributes that are not specified ... are left unchanged").
  bool replace_complex_whole = false;
};

// How values are checked. Every flag defaults to the strict reading.
struct ValueOptions {
  WriteLimits limits;
  // RFC 7643 §2.3.1: "service providers MAY restrict accepted values to the specified values".
  // This engine does for attributes whose schema lists canonicalValues (400 invalidValue), unless
  // told to accept other strings.
  bool accept_non_canonical_values = false;
  InteropRules interop;
};

enum class WriteMode { Create, Replace };

struct ValidatedResource {
  nlohmann::json resource;  // normalised: readOnly input dropped, schemas fixed
  // True when a value outside canonicalValues was accepted (accept_non_canonical_values).
  bool accepted_non_canonical_value = false;
};

// Validates client input for POST (Create) or PUT (Replace). For Replace, `existing` is the stored
// resource: immutable attributes must match it and readOnly attributes are carried over by the
// caller. Errors: 400 invalidValue / invalidSyntax naming the attribute; 400 mutability.
Result<ValidatedResource> validate_resource(const nlohmann::json& input, const Registry& registry,
                                            const ResourceType& type, WriteMode mode,
                                            const nlohmann::json* existing,
                                            const ValueOptions& options = {});
// The same for an input the caller gives up (a parsed request body): its values are moved into
// the result instead of copied, so a string keeps its buffer. Afterwards `input` holds what was
// not moved (unspecified: destroy or assign it), on success and on an error alike; the result and
// every error are those of the overload above.
Result<ValidatedResource> validate_resource(nlohmann::json&& input, const Registry& registry,
                                            const ResourceType& type, WriteMode mode,
                                            const nlohmann::json* existing,
                                            const ValueOptions& options = {});

}  // namespace scim::engine
