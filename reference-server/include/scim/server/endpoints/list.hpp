// Query endpoints: GET on a resource type's endpoint with filter, sortBy/sortOrder,
// startIndex/count and attributes/excludedAttributes (RFC 7644 §3.4.2), and the same query sent
// as a SearchRequest body to ".search" (§3.4.3), per type or across every type at the root.
// Answers a ListResponse (§3.4.2, Figure 3).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "scim/server/endpoints/context.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/query/query.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

struct ListParams {
  std::optional<std::string> filter;
  std::optional<std::string> sort_by;
  std::optional<std::string> sort_order;
  std::optional<std::string> start_index;
  std::optional<std::string> count;
  std::optional<std::string> attributes;  // comma-separated, as in the query string
  std::optional<std::string> excluded_attributes;
  // RFC 9865 §2: present (even empty) asks for cursor paging; the value of a nextCursor or
  // previousCursor continues it.
  std::optional<std::string> cursor;
};

ListParams list_params_from_query(const Request& request);
// RFC 7644 §3.4.3 SearchRequest: "schemas" must name the SearchRequest URN; startIndex/count are
// integers; attributes/excludedAttributes are arrays of strings; cursor (RFC 9865 §3) a string.
// Errors: 400 invalidSyntax or invalidValue naming the attribute.
Result<ListParams> list_params_from_search(const nlohmann::json& body);

Response list_resources(const Context& ctx, const ResourceType& type, const ListParams& params);
// Root-level query across all resource types (RFC 7644 §3.4.3: "/.search" at the root).
Response list_all_types(const Context& ctx, const ListParams& params);
// The filter's necessary substrings (engine::scan_hints) as the store's scan pre-check.
std::vector<store::ScanNeedle> scan_needles(const engine::Filter& filter);
// The filter's index probes: `q.lookup` (engine::index_hint) or, for an `or` of indexed terms,
// `q.lookup_any` (engine::index_hints_any: empty when no resource can match); neither when the
// filter needs a scan.
void set_index_lookups(const engine::Filter& filter, store::Query& q);
// An unsorted offset page in the default view (no attributes/excludedAttributes), its resources
// written from their stored bytes (list_text.cpp): unfiltered, or filtered by a single `eq` on an
// indexed attribute. nullopt for any other query, or when the store lists no stored forms: the
// caller then answers from the tree path, which gives the same answer.
std::optional<Response> list_page_text(const Context& ctx, const ResourceType& type,
                                       const engine::Filter* filter, std::size_t start_index,
                                       const engine::PageWindow& window);

}  // namespace scim::server
