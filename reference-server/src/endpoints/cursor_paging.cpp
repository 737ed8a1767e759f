// Cursor-based pagination (RFC 9865) for list queries; see cursor_paging.hpp.
#include "scim/server/endpoints/cursor_paging.hpp"

#include <algorithm>
#include <chrono>

#include "scim/protocol/urns.hpp"

namespace scim::server {
namespace {

using engine::CursorAnchor;
using engine::CursorState;

// RFC 9865 §2: the client repeats "all query parameters and values being identical to the
// initial query with the exception of the cursor value"; count is checked on its own so that a
// change of count is invalidCount rather than invalidCursor.
std::string binding_of(const Context& ctx, std::string_view scope, const ListParams& p) {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  return nlohmann::json::array({ctx.request.principal.tenant, scope, opt(p.filter), opt(p.sort_by),
                                opt(p.sort_order), opt(p.attributes), opt(p.excluded_attributes)})
      .dump();
}

std::int64_t now_seconds(const PaginationOptions& o) {
  const auto now = o.clock ? o.clock() : std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
}

// RFC 9865 §2 count: "A negative value SHALL be interpreted as "0""; §2.1 invalidCount: "Count
// value must be between 0 and service provider's maxPageSize".
Result<std::optional<std::int64_t>> count_of(const Context& ctx, const ListParams& p) {
  if (!p.count) return std::optional<std::int64_t>{};
  auto v = engine::parse_query_integer("count", *p.count);
  if (!v) return invalid_count(v.error().detail);
  const std::int64_t count = std::max<std::int64_t>(*v, 0);
  if (static_cast<std::uint64_t>(count) > ctx.config.max_results) {
    return invalid_count("count " + std::to_string(count) + " is above maxPageSize " +
                         std::to_string(ctx.config.max_results) + " (RFC 9865 §2.1)");
  }
  return std::optional<std::int64_t>{count};
}

// Whether this request pages by cursor (RFC 9865 §2.3, §2.4).
Result<bool> uses_cursor(const PaginationOptions& o, const ListParams& p) {
  // A server without cursors ignores the parameter, as an RFC 7644-only provider would.
  const bool cursor = p.cursor.has_value() && o.cursor;
  if (cursor && p.start_index) {
    return invalid_value(
        "startIndex and cursor ask for different pagination methods; send one of them");
  }
  if (p.start_index && !o.index) {
    return invalid_value(
        "this service provider pages with cursors only (ServiceProviderConfig pagination.index "
        "is false): send cursor instead of startIndex (RFC 9865 §2.3)");
  }
  if (cursor || p.start_index) return cursor;
  return o.effective_default() == PaginationMethod::Cursor;
}

Result<CursorState> open_checked(const Context& ctx, const std::string& binding,
                                 const std::string& token) {
  const auto& o = ctx.config.pagination;
  auto state = engine::open_cursor(o.cursor_key, binding, token);
  if (!state) return state.error();
  const auto timeout = o.cursor_timeout.count();
  if (timeout > 0 && now_seconds(o) - state->issued_at > timeout) {
    return expired_cursor("the cursor is older than cursorTimeout (" + std::to_string(timeout) +
                          " seconds); start again with an empty cursor (RFC 9865 §2.1)");
  }
  return *state;
}

int compare_anchor(const CursorAnchor& x, const CursorAnchor& a, const engine::SortSpec* sort) {
  if (sort) {
    if (int c = engine::compare_sort_values(x.sort_value, a.sort_value, *sort); c != 0) return c;
  }
  if (x.type_index != a.type_index) return x.type_index < a.type_index ? -1 : 1;
  if (x.seq != a.seq) return x.seq < a.seq ? -1 : 1;
  return 0;
}

std::string seal(const Context& ctx, const CursorPlan& plan, bool backward, bool inclusive,
                 const CursorAnchor& anchor) {
  CursorState s{backward, inclusive, anchor, plan.count, now_seconds(ctx.config.pagination)};
  return engine::seal_cursor(ctx.config.pagination.cursor_key, plan.binding, s);
}

}  // namespace

Result<std::optional<CursorPlan>> plan_cursor(const Context& ctx, std::string_view scope,
                                              const ListParams& params) {
  auto cursor = uses_cursor(ctx.config.pagination, params);
  if (!cursor) return cursor.error();
  if (!*cursor) return std::optional<CursorPlan>{};
  CursorPlan plan;
  plan.binding = binding_of(ctx, scope, params);
  // RFC 9865 §2: "The cursor value MUST be empty or omitted for the first request".
  if (params.cursor && !params.cursor->empty()) {
    auto state = open_checked(ctx, plan.binding, *params.cursor);
    if (!state) return state.error();
    plan.state = std::move(*state);
  }
  auto count = count_of(ctx, params);
  if (!count) return count.error();
  plan.count = *count;
  if (plan.state && plan.state->count != plan.count) {
    return invalid_count(
        "count must be identical to the count of the query that issued the "
        "cursor (RFC 9865 §2.1)");
  }
  const std::size_t page_default =
      ctx.config.pagination.default_page_size.value_or(ctx.config.max_results);
  plan.page_size = plan.count ? static_cast<std::size_t>(*plan.count) : page_default;
  plan.page_size = std::min(plan.page_size, ctx.config.max_results);
  return std::optional<CursorPlan>{std::move(plan)};
}

store::Keyset keyset_of(const CursorPlan& plan) {
  if (!plan.state) return {false, 0};
  const CursorState& s = *plan.state;
  const std::uint64_t seq = s.anchor.seq;
  if (!s.backward) return {false, s.inclusive && seq > 0 ? seq - 1 : seq};
  return {true, s.inclusive ? seq + 1 : seq};
}

CursorWindow cursor_window(const std::vector<CursorAnchor>& ordered, const CursorPlan& plan,
                           const engine::SortSpec* sort) {
  const std::size_t n = ordered.size();
  CursorWindow w;
  if (!plan.state) {
    w.end = std::min(plan.page_size, n);
    w.more_ahead = w.end < n;
    return w;
  }
  const CursorState& s = *plan.state;
  // Entries before the anchor's place: strictly before, or up to and including it.
  const bool take_anchor = s.backward ? s.inclusive : !s.inclusive;
  auto split = std::partition_point(ordered.begin(), ordered.end(), [&](const CursorAnchor& x) {
    const int c = compare_anchor(x, s.anchor, sort);
    return take_anchor ? c <= 0 : c < 0;
  });
  const auto at = static_cast<std::size_t>(split - ordered.begin());
  if (!s.backward) {
    w.begin = at;
    w.end = std::min(at + plan.page_size, n);
    w.more_ahead = w.end < n;
    w.more_behind = at > 0;
  } else {
    w.end = at;
    w.begin = at - std::min(plan.page_size, at);
    w.more_ahead = w.begin > 0;
    w.more_behind = at < n;
  }
  return w;
}

nlohmann::json cursor_list_body(const Context& ctx, const CursorPlan& plan,
                                const CursorWindow& found, const std::vector<CursorAnchor>& anchors,
                                std::size_t total, nlohmann::json resources) {
  nlohmann::json body = {{"schemas", {urn::kListResponse}},
                         {"totalResults", total},
                         {"itemsPerPage", resources.size()}};
  // count=0 asks for totalResults only (RFC 9865 §2): no page, so no cursor to move on with.
  if (plan.page_size > 0 && (plan.state || !anchors.empty())) {
    const bool backward = plan.state && plan.state->backward;
    const bool has_next = backward ? found.more_behind : found.more_ahead;
    const bool has_previous = backward ? found.more_ahead : found.more_behind;
    // An empty page turns round at the request's own anchor, on its other side.
    const bool turn = plan.state && !plan.state->inclusive;
    // RFC 9865 §2: nextCursor "MUST be omitted from a response only to indicate that there are
    // no more result pages"; previousCursor "MUST NOT be returned with the first page".
    if (has_next) {
      body["nextCursor"] = anchors.empty() ? seal(ctx, plan, false, turn, plan.state->anchor)
                                           : seal(ctx, plan, false, false, anchors.back());
    }
    if (has_previous) {
      body["previousCursor"] = anchors.empty() ? seal(ctx, plan, true, turn, plan.state->anchor)
                                               : seal(ctx, plan, true, false, anchors.front());
    }
  }
  body["Resources"] = std::move(resources);
  return body;
}

}  // namespace scim::server
