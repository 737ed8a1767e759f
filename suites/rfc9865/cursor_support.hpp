// What the RFC 9865 checks share: a handful of the check's own users under one unique prefix,
// cursor-paged queries scoped to them (GET and POST .search), the cursors of a page, and a walk
// that follows nextCursor to the end. The expected pages are the check's own fixtures.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::rfc9865 {

struct Fixture {
  std::string prefix;            // every userName starts with it
  std::vector<std::string> ids;  // in creation order
};

// Creates `n` users named "<prefix><i>" (i from 1) under a fresh prefix.
Fixture make_users(conf::Context& ctx, int n);

// GET /Users?filter=userName sw "<prefix>"<params>, raw (for error checks).
conf::HttpResponse scoped_get(conf::Context& ctx, const Fixture& f, std::string_view params);
// The same as a ListResponse (skips when the target declines the sw filter).
json scoped_page(conf::Context& ctx, const Fixture& f, std::string_view params);
// "&cursor=<cursor>&count=<count>": the paging parameters of RFC 9865 §2 (an empty cursor asks
// for the first page).
std::string cursor_params(std::string_view cursor, int count);

// The string value of `name` ("nextCursor", "previousCursor") in a ListResponse; nullopt when
// absent or not a string.
std::optional<std::string> cursor_of(const json& list, std::string_view name);

// Follows nextCursor from the first cursor page of `count` until a page has none or
// `max_pages` pages were read. `between` runs after each page (to change the collection).
struct Walk {
  std::vector<std::string> ids;  // every id returned, in order, repeats kept
  int pages = 0;
  bool ended = false;  // the last page read carried no nextCursor
};
Walk walk(conf::Context& ctx, const Fixture& f, int count, int max_pages,
          const std::function<void(int page)>& between = {});

// "a, b, c" for expected/actual texts.
std::string joined(const std::vector<std::string>& ids);

}  // namespace scim::suites::rfc9865
