// The named leniencies of the write engine (docs/lenient.md) and the per-request log that decides
// whether one may be applied and records which ones were. Strict mode (the default) grants none.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace scim::engine {

namespace leniency {
// Stable names: they appear in PatchResult/ValidatedResource.leniencies_used and in metrics.
inline constexpr std::string_view kOpCase = "op-case";                         // "Replace", "Add"
inline constexpr std::string_view kBooleanString = "boolean-string";           // "True"/"False"
inline constexpr std::string_view kAttributeNameCase = "attribute-name-case";  // observed only
inline constexpr std::string_view kNullAsUnassigned = "null-as-unassigned";    // PATCH null / []
inline constexpr std::string_view kReadOnlyInInput = "readonly-in-input";      // groups, meta
inline constexpr std::string_view kPathlessReplaceId = "pathless-replace-id";  // Okta rename
inline constexpr std::string_view kRemoveWithValue = "remove-with-value";      // Entra members
inline constexpr std::string_view kComplexValueShorthand = "complex-value-shorthand";  // manager
inline constexpr std::string_view kFilterCreatesValue = "filter-creates-value";  // emails[...]
inline constexpr std::string_view kRemoveUnmatchedFilter = "remove-unmatched-filter";  // no-op
inline constexpr std::string_view kNonCanonicalValue = "non-canonical-value";    // type "Work2"
inline constexpr std::string_view kPathlessValuePaths = "pathless-value-paths";  // Entra 2020
}  // namespace leniency

class LeniencyLog {
 public:
  explicit LeniencyLog(bool lenient) : lenient_(lenient) {}

  bool lenient() const { return lenient_; }
  // In lenient mode records `name` and returns true; in strict mode returns false so the caller
  // reports the error it would otherwise have forgiven.
  bool allow(std::string_view name);
  // Records a deviation that both modes accept (only reported in lenient mode, for metrics).
  void observe(std::string_view name);
  std::vector<std::string> names() const { return {used_.begin(), used_.end()}; }

 private:
  bool lenient_;
  std::set<std::string, std::less<>> used_;
};

}  // namespace scim::engine
