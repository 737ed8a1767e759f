// The front doors of lenient mode: the pre-pass, then the strict engine, and one list of the
// leniencies a request used (what the rewrite applied plus the engine options it needed).
#include <utility>

#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/rules.hpp"

namespace scim::engine::lenient {

namespace {

std::vector<std::string> with(std::vector<std::string> used,
                              std::initializer_list<std::pair<bool, std::string_view>> options) {
  LeniencyLog log;
  for (const auto& name : used) log.record(name);
  for (const auto& [needed, name] : options) {
    if (needed) log.record(name);
  }
  return log.names();
}

std::optional<std::string> id_of(const nlohmann::json& resource) {
  const auto* id = lookup_member(resource, "id");
  if (id == nullptr || !id->is_string()) return std::nullopt;
  return id->get<std::string>();
}

}  // namespace

Result<Patched> apply_patch(const nlohmann::json& resource, const nlohmann::json& body,
                            const Registry& registry, const ResourceType& type, Mode mode,
                            const WriteLimits& limits, const InteropRules& interop) {
  PatchRewrite rewrite = rewrite_patch(body, registry, type, id_of(resource), mode, limits);
  rewrite.options.interop = interop;
  if (rewrite.nothing_left) {
    // What the engine would conclude after operations that change nothing.
    if (auto st = check_required(resource, registry, type); !st) return st.error();
    return Patched{resource, false, std::move(rewrite.used)};
  }
  auto patched = engine::apply_patch(resource, rewrite.body, registry, type, rewrite.options);
  if (!patched) return patched.error();
  auto used =
      with(std::move(rewrite.used), {{patched->accepted_non_canonical_value, kNonCanonicalValue},
                                     {patched->created_unmatched_value, kFilterCreatesValue},
                                     {patched->ignored_unmatched_remove, kRemoveUnmatchedFilter}});
  return Patched{std::move(patched->resource), patched->changed, std::move(used)};
}

namespace {

// Strict mode: no pre-pass, the engine reads the body as sent (kept or given up, `Input`),
// without the copy a rewrite starts from.
template <class Input>
Result<Validated> validate_strict(Input&& input, const Registry& registry, const ResourceType& type,
                                  WriteMode write_mode, const nlohmann::json* existing,
                                  const WriteLimits& limits, const InteropRules& interop) {
  ValueOptions options;
  options.limits = limits;
  options.interop = interop;
  auto validated = engine::validate_resource(std::forward<Input>(input), registry, type, write_mode,
                                             existing, options);
  if (!validated) return validated.error();
  auto used = with({}, {{validated->accepted_non_canonical_value, kNonCanonicalValue}});
  return Validated{std::move(validated->resource), std::move(used)};
}

// The lenient modes: the pre-pass rewrites a copy of `input`, which the engine then moves from.
Result<Validated> validate_lenient(const nlohmann::json& input, const Registry& registry,
                                   const ResourceType& type, WriteMode write_mode,
                                   const nlohmann::json* existing, Mode mode,
                                   const WriteLimits& limits, const InteropRules& interop) {
  ResourceRewrite rewrite = rewrite_resource(input, registry, type, mode, limits);
  rewrite.options.interop = interop;
  auto validated = engine::validate_resource(std::move(rewrite.body), registry, type, write_mode,
                                             existing, rewrite.options);
  if (!validated) return validated.error();
  auto used = with(std::move(rewrite.used),
                   {{validated->accepted_non_canonical_value, kNonCanonicalValue}});
  return Validated{std::move(validated->resource), std::move(used)};
}

}  // namespace

Result<Validated> validate_resource(const nlohmann::json& input, const Registry& registry,
                                    const ResourceType& type, WriteMode write_mode,
                                    const nlohmann::json* existing, Mode mode,
                                    const WriteLimits& limits, const InteropRules& interop) {
  if (mode == Mode::Strict) {
    return validate_strict(input, registry, type, write_mode, existing, limits, interop);
  }
  return validate_lenient(input, registry, type, write_mode, existing, mode, limits, interop);
}

Result<Validated> validate_resource(nlohmann::json&& input, const Registry& registry,
                                    const ResourceType& type, WriteMode write_mode,
                                    const nlohmann::json* existing, Mode mode,
                                    const WriteLimits& limits, const InteropRules& interop) {
  if (mode == Mode::Strict) {
    return validate_strict(std::move(input), registry, type, write_mode, existing, limits, interop);
  }
  return validate_lenient(input, registry, type, write_mode, existing, mode, limits, interop);
}

Result<Filtered> parse_filter(std::string_view text, const Registry& registry,
                              const ResourceType& type, Mode mode, const FilterOptions& options) {
  FilterRewrite rewrite = rewrite_filter(text, mode, options.limits);
  auto filter = engine::parse_filter(rewrite.text, registry, type, options);
  if (!filter) return filter.error();
  return Filtered{std::move(*filter), std::move(rewrite.used)};
}

}  // namespace scim::engine::lenient
