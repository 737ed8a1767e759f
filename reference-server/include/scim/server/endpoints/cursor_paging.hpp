// Cursor-based pagination of list queries (RFC 9865): deciding between index and cursor paging
// (§2.3, §2.4), checking the cursor and count of a request (§2.1 invalidCursor, expiredCursor,
// invalidCount), finding a page around a cursor's anchor in an ordered listing, and writing
// nextCursor/previousCursor (§2). A cursor is bound to the tenant, the endpoint and the query, so
// authorisation is decided afresh on every page (§5.2): another tenant's cursor is invalid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/endpoints/context.hpp"
#include "scim/server/endpoints/list.hpp"
#include "scim/server/engine/query/cursor.hpp"
#include "scim/server/engine/query/query.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

// A cursor-paged request, checked.
struct CursorPlan {
  std::optional<engine::CursorState> state;  // nullopt: the first page
  std::optional<std::int64_t> count;         // as the query gave it (negative read as 0)
  std::size_t page_size = 0;
  std::string binding;  // tenant, endpoint and query: what the cursors are sealed to
};

// nullopt when the request pages by index (RFC 7644 §3.4.2.4). `scope` names the listing (the
// resource type id, or "/" for the root). Errors, all 400: invalidValue for startIndex on a
// cursor-only server or startIndex with cursor; invalidCursor, expiredCursor, invalidCount.
Result<std::optional<CursorPlan>> plan_cursor(const Context& ctx, std::string_view scope,
                                              const ListParams& params);

// The store's keyset for an unsorted single-type page.
store::Keyset keyset_of(const CursorPlan& plan);

// A page found around the plan's anchor, relative to the direction of travel.
struct CursorWindow {
  std::size_t begin = 0;  // [begin, end) of the ordered listing
  std::size_t end = 0;
  bool more_ahead = false;   // matches beyond the page in the direction of travel
  bool more_behind = false;  // matches on the other side of the anchor
};
// `ordered` is the whole listing's anchors in listing order: by sort value when `sort` is set,
// then type index, then creation sequence.
CursorWindow cursor_window(const std::vector<engine::CursorAnchor>& ordered, const CursorPlan& plan,
                           const engine::SortSpec* sort);

// A cursor ListResponse: totalResults, itemsPerPage, Resources and the cursors (no startIndex,
// as in RFC 9865's examples). `anchors` are the page's resources' places, in page order.
nlohmann::json cursor_list_body(const Context& ctx, const CursorPlan& plan,
                                const CursorWindow& found,
                                const std::vector<engine::CursorAnchor>& anchors, std::size_t total,
                                nlohmann::json resources);

}  // namespace scim::server
