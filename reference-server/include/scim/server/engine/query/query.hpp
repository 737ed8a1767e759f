// Public API of sorting, paging and projection (RFC 7644 §3.4.2.3, §3.4.2.4, §3.4.2.5, §3.9).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::engine {

// ---- Sorting (RFC 7644 §3.4.2.3).
struct SortSpec {
  ResolvedAttribute attribute;
  bool descending = false;
};
// sortBy must name a known attribute (else 400 invalidPath... see implementation notes);
// sortOrder is "ascending" (default) or "descending", case-insensitive; nullopt when no sortBy.
Result<std::optional<SortSpec>> parse_sort(const std::optional<std::string>& sort_by,
                                           const std::optional<std::string>& sort_order,
                                           const Registry& registry, const ResourceType& type);
// Stable sort; multi-valued attributes sort by the primary (or first) value; missing values last
// ascending and first descending; caseExact decides string comparison.
void sort_resources(std::vector<const nlohmann::json*>& resources, const SortSpec& spec);
// The value a resource sorts by (the primary or first element, typed as the attribute says);
// null when it has none. Cursors (RFC 9865) carry it to find their place again.
nlohmann::json sort_value(const nlohmann::json& resource, const SortSpec& spec);
// Three-way comparison of two sort_value results in sort_resources' order (sortOrder and the
// missing-last rule included): negative when `a` sorts first, 0 when they tie.
int compare_sort_values(const nlohmann::json& a, const nlohmann::json& b, const SortSpec& spec);

// ---- Paging (RFC 7644 §3.4.2.4).
// An integer query parameter: an optional sign and digits, saturating beyond 64 bits; anything
// else is 400 invalidValue naming `name`.
Result<std::int64_t> parse_query_integer(std::string_view name, std::string_view text);
struct PageRequest {
  std::size_t start_index = 1;       // 1-based; values < 1 mean 1
  std::optional<std::size_t> count;  // negative means 0; capped by max_results
};
// Parses the query-parameter strings; non-integers are 400 invalidValue.
Result<PageRequest> parse_page(const std::optional<std::string>& start_index,
                               const std::optional<std::string>& count, std::size_t max_results);
struct PageWindow {
  std::size_t offset = 0;  // 0-based index of the first returned resource
  std::size_t length = 0;  // number of resources returned
};
PageWindow page_window(std::size_t total, const PageRequest& page, std::size_t max_results);

// ---- Projection (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7 "returned").
struct Projection {
  std::vector<ResolvedAttribute> attributes;  // non-empty: only these (+ returned:always)
  std::vector<ResolvedAttribute> excluded;    // non-empty: all default attributes except these
  // True when an `attributes` parameter was given, even if every name in it was unknown (the
  // response then holds only the returned:always attributes and "schemas").
  bool attributes_given = false;
};
// Upper bound on names in one attributes/excludedAttributes parameter (400 invalidValue above).
inline constexpr std::size_t kMaxProjectionNames = 256;
// Both parameters at once is 400 invalidSyntax; unknown names are ignored (the RFC does not make
// them an error) unless they are malformed paths (400 invalidPath).
Result<Projection> parse_projection(const std::optional<std::string>& attributes,
                                    const std::optional<std::string>& excluded_attributes,
                                    const Registry& registry, const ResourceType& type);
// Whether a projection is the default view: neither `attributes` nor `excludedAttributes` was
// given (RFC 7644 §3.9), so every attribute returned by default is (`project`'s default mode).
bool is_default_view(const Projection& projection);
// Applies `returned` (always/never/default/request) and the projection to a stored resource.
// Output: "schemas" always; returned:always attributes (id) always; returned:never never;
// returned:request only when named in `attributes`; default ones unless excluded or not named
// in `attributes`. meta is an ordinary default attribute (RFC 7644 §3.9's example shows
// attributes=userName answered without meta). Members the schemas do not define are dropped;
// complex values keep only the selected sub-attributes and vanish when nothing is left.
// Taken by value: pass an rvalue (std::move) and the kept values are moved, not copied.
nlohmann::json project(nlohmann::json resource, const Projection& projection,
                       const Registry& registry, const ResourceType& type);
// The rules `project` applies when no attributes/excludedAttributes were given (RFC 7643 §7
// "returned"), for writers that present a resource without a tree: whether an attribute of a
// schema (or a common one) is returned, and whether a sub-attribute of a returned complex
// attribute is. A null value is never returned; complex values that lose every sub-attribute
// vanish, as in `project`.
bool returned_by_default(const Attribute& attribute);
bool sub_returned_by_default(const Attribute& parent, const Attribute& sub);

}  // namespace scim::engine
