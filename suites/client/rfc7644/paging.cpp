// Client check of paging (RFC 7644 §3.4.2.4, RFC 9865 cursors): a client that asked for a whole
// list and was given a part of it goes on to the next page, instead of reading the part as the
// whole list. A page is partial when startIndex - 1 + itemsPerPage < totalResults, or when it
// carries a nextCursor. Only pages the client did not choose to be partial count: it sent no
// "count", or the server returned fewer than the count it asked for (the server's own maximum).
// A client that asks for "count=1" to test whether a user exists has what it asked for.
#include <algorithm>
#include <charconv>

#include "../client_check.hpp"

namespace scim::suites::client {
namespace {

using conf::Level;

std::optional<std::int64_t> int_param(const Observed& o, const char* name) {
  auto it = o.query.find(name);
  if (it == o.query.end()) return std::nullopt;
  std::int64_t v = 0;
  const auto& s = it->second;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool is_list_query(const Observed& o) {
  return o.status == 200 && o.page.has_value() && !o.endpoint().empty() &&
         (o.method == "GET" || o.method == "POST");
}

// A cursor page has more behind it only when it names a nextCursor (RFC 9865 §2: omitted "only
// to indicate that there are no more result pages"); an index page when it ends before the total.
bool more_to_read(const Observed& o) {
  const Page& p = *o.page;
  if (!p.next_cursor.empty()) return true;
  return o.query.count("cursor") == 0 && p.start_index - 1 + p.items < p.total;
}

// A partial page the client did not ask for: no count, or fewer results than the count asked.
bool unasked_partial(const Observed& o) {
  if (!is_list_query(o) || !more_to_read(o)) return false;
  const auto count = int_param(o, "count");
  return !count || (*count > 0 && o.page->items < *count);
}

std::string filter_or_empty(const Observed& o) {
  return filter_of(o).value_or("");
}

// A later request for the same list that reads on: a higher startIndex, or the nextCursor.
bool read_on(const std::vector<Observed>& all, const Observed& o) {
  for (std::size_t i = o.index + 1; i < all.size(); ++i) {
    const Observed& later = all[i];
    if (later.path != o.path || filter_or_empty(later) != filter_or_empty(o)) continue;
    const auto start = int_param(later, "startIndex");
    if (start && *start > o.page->start_index) return true;
    auto cursor = later.query.find("cursor");
    if (!o.page->next_cursor.empty() && cursor != later.query.end() &&
        cursor->second == o.page->next_cursor) {
      return true;
    }
  }
  return false;
}

void pages_on(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (!unasked_partial(o) || read_on(all, o)) continue;
    const Page& p = *o.page;
    out.push_back({o.index,
                   "read " + std::to_string(p.items) + " of " + std::to_string(p.total) +
                       " results of " + o.method + " " + o.path +
                       " and never asked for the next page",
                   p.next_cursor.empty()
                       ? "the next page: startIndex=" + std::to_string(p.start_index + p.items)
                       : "the next page: cursor=" + p.next_cursor,
                   "no further request for the list"});
  }
}

}  // namespace

void add_paging_checks(ClientChecks& out) {
  out.push_back({client_check_info(
                     "client-rfc7644/3.4.2.4/paging", "partial lists are paged through", Level::May,
                     "Pagination parameters can be used together to \"page through\" large "
                     "numbers of resources so as not to overwhelm the client or service "
                     "provider.",
                     {"paging"}),
                 unasked_partial,
                 pages_on,
                 {},
                 {},
                 "no list in this session came back partial without the client asking for a page"});
}

}  // namespace scim::suites::client
