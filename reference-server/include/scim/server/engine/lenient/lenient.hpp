// Lenient mode (docs/lenient.md): the documented deviations of real identity providers, handled
// in one place on top of the strict engine. A lenient request goes through a pre-pass that
// rewrites it into RFC form and records each named leniency it applied; the strict engine then
// sees only RFC requests, plus the few named options (PatchOptions, ValueOptions) that depend on
// the stored resource or relax a value check. Strict mode passes requests through untouched.
//
// Callers use the front doors (apply_patch, validate_resource, parse_filter); the rewrites are
// public so that tests and tools can see what a request becomes.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/lenient/names.hpp"
#include "scim/server/engine/patch/patch.hpp"
#include "scim/server/engine/validate/validate.hpp"

namespace scim::engine::lenient {

// Strict (the reference behaviour, the default) or lenient (ServiceConfig::lenient).
enum class Mode { Strict, Lenient };
constexpr Mode mode_for(bool lenient) {
  return lenient ? Mode::Lenient : Mode::Strict;
}

// ---- The pre-pass.

struct PatchRewrite {
  nlohmann::json body;            // RFC form (strict: the request as sent)
  PatchOptions options;           // what the strict engine is granted (strict: limits only)
  std::vector<std::string> used;  // leniencies the rewrite applied, sorted, no duplicates
  // True when every operation was dropped as a no-op (the request changes nothing; "Operations"
  // is then empty, which the strict engine would refuse).
  bool nothing_left = false;
};
// PATCH (RFC 7644 §3.5.2). `resource_id` is the id of the resource being patched (Okta repeats
// it in path-less values). Operations may be dropped or split; options.operation_numbers keeps
// the client's numbering for error details. A request the pre-pass does not understand (a
// malformed envelope, an unknown op, a path that does not parse, ...) reaches the strict engine
// unchanged, so errors stay the strict engine's.
PatchRewrite rewrite_patch(const nlohmann::json& body, const Registry& registry,
                           const ResourceType& type, const std::optional<std::string>& resource_id,
                           Mode mode, const WriteLimits& limits = {});

struct ResourceRewrite {
  nlohmann::json body;  // RFC form (strict: the request as sent)
  ValueOptions options;
  std::vector<std::string> used;
};
// POST and PUT bodies (RFC 7644 §3.3, §3.5.1).
ResourceRewrite rewrite_resource(const nlohmann::json& body, const Registry& registry,
                                 const ResourceType& type, Mode mode,
                                 const WriteLimits& limits = {});

struct FilterRewrite {
  std::string text;  // RFC 7644 §3.4.2.2 form (strict: the filter as sent)
  std::vector<std::string> used;
};
// Filters: Entra ID's `emails[type eq "work"].value eq "x"` becomes
// `emails[type eq "work" and value eq "x"]` (value-path-sub-attribute).
FilterRewrite rewrite_filter(std::string_view text, Mode mode, const FilterLimits& limits = {});

// ---- Front doors: the pre-pass, then the strict engine; leniencies_used lists what the rewrite
// applied and the engine options the request needed (sorted, no duplicates; empty when strict).

struct Patched {
  nlohmann::json resource;
  bool changed = false;
  std::vector<std::string> leniencies_used;
};
// `interop`: the SCIM 2.0 Interoperability Profile's narrower rules, applied by the strict engine
// after the pre-pass (ServiceConfig::interop).
Result<Patched> apply_patch(const nlohmann::json& resource, const nlohmann::json& body,
                            const Registry& registry, const ResourceType& type, Mode mode,
                            const WriteLimits& limits = {}, const InteropRules& interop = {});

struct Validated {
  nlohmann::json resource;
  std::vector<std::string> leniencies_used;
};
Result<Validated> validate_resource(const nlohmann::json& input, const Registry& registry,
                                    const ResourceType& type, WriteMode write_mode,
                                    const nlohmann::json* existing, Mode mode,
                                    const WriteLimits& limits = {},
                                    const InteropRules& interop = {});
// The same for an input the caller gives up (a parsed request body). In strict mode the engine
// moves its values into the result (engine::validate_resource's `&&` form: afterwards `input` is
// unspecified); in the lenient modes the pre-pass rewrites a copy and `input` is left as it was,
// so a strict retry (endpoints' lenient_call) still reads the body as sent.
Result<Validated> validate_resource(nlohmann::json&& input, const Registry& registry,
                                    const ResourceType& type, WriteMode write_mode,
                                    const nlohmann::json* existing, Mode mode,
                                    const WriteLimits& limits = {},
                                    const InteropRules& interop = {});

struct Filtered {
  Filter filter;
  std::vector<std::string> leniencies_used;
};
Result<Filtered> parse_filter(std::string_view text, const Registry& registry,
                              const ResourceType& type, Mode mode,
                              const FilterOptions& options = {});

}  // namespace scim::engine::lenient
