// The leniency vocabulary (docs/lenient.md): every name a lenient request can report, declared
// once. The names are stable: they appear in leniencies_used, tests and metrics.
#pragma once

#include <array>
#include <string_view>

namespace scim::engine::lenient {

// Pure rewrites: the pre-pass turns the request into RFC form.
inline constexpr std::string_view kOpCase = "op-case";                         // "Replace", "Add"
inline constexpr std::string_view kBooleanString = "boolean-string";           // "True"/"False"
inline constexpr std::string_view kAttributeNameCase = "attribute-name-case";  // observed only
inline constexpr std::string_view kNullAsUnassigned = "null-as-unassigned";    // PATCH null / []
inline constexpr std::string_view kReadOnlyInInput = "readonly-in-input";      // groups, meta
inline constexpr std::string_view kPathlessReplaceId = "pathless-replace-id";  // Okta rename
inline constexpr std::string_view kRemoveWithValue = "remove-with-value";      // Entra members
inline constexpr std::string_view kComplexValueShorthand = "complex-value-shorthand";  // manager
inline constexpr std::string_view kPathlessValuePaths = "pathless-value-paths";        // Entra 2020
inline constexpr std::string_view kValuePathSubAttribute = "value-path-sub-attribute";  // filter
inline constexpr std::string_view kUnknownAttribute = "unknown-attribute";  // dropped, not refused

// Engine options: granted to lenient requests, reported when the strict engine needed them.
inline constexpr std::string_view kFilterCreatesValue = "filter-creates-value";  // emails[...]
inline constexpr std::string_view kRemoveUnmatchedFilter = "remove-unmatched-filter";  // no-op
inline constexpr std::string_view kNonCanonicalValue = "non-canonical-value";  // type "Work2"

inline constexpr std::array<std::string_view, 14> kAllNames = {kOpCase,
                                                               kBooleanString,
                                                               kAttributeNameCase,
                                                               kNullAsUnassigned,
                                                               kReadOnlyInInput,
                                                               kPathlessReplaceId,
                                                               kRemoveWithValue,
                                                               kComplexValueShorthand,
                                                               kPathlessValuePaths,
                                                               kValuePathSubAttribute,
                                                               kUnknownAttribute,
                                                               kFilterCreatesValue,
                                                               kRemoveUnmatchedFilter,
                                                               kNonCanonicalValue};

}  // namespace scim::engine::lenient
