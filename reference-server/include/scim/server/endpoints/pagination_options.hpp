// PaginationOptions: how list queries page (RFC 7644 §3.4.2.4 index paging, RFC 9865 cursor
// paging) and what /ServiceProviderConfig "pagination" advertises (RFC 9865 §4). Each default is
// written here once; app/config_standards.cpp fills it from flags and the configuration file.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace scim::server {

enum class PaginationMethod { Index, Cursor };

std::string_view to_string(PaginationMethod method);  // "index" or "cursor"
std::optional<PaginationMethod> parse_pagination_method(std::string_view text);

struct PaginationOptions {
  bool cursor = true;  // RFC 9865 cursors ("cursor" parameter, nextCursor/previousCursor)
  bool index = true;   // RFC 7644 §3.4.2.4 startIndex; false: startIndex is 400 invalidValue
  // Used when a query names neither startIndex nor cursor and both are on. Index by default, as
  // RFC 9865 §2.4 advises for providers that paged by index before ("to avoid incompatibility
  // with clients that expect index-based pagination behaviors").
  PaginationMethod default_method = PaginationMethod::Index;
  // Results per page when the query has no count (RFC 9865 §4 defaultPageSize); unset: the
  // largest page, ServiceConfig::max_results (which is also maxPageSize).
  std::optional<std::size_t> default_page_size;
  // RFC 9865 §4 cursorTimeout: the least time a cursor stays valid; later it is 400
  // expiredCursor. 0: cursors never expire (and none is advertised).
  std::chrono::seconds cursor_timeout{3600};
  // Secret that seals cursors (>= 32 bytes). Empty: the service draws a random one when it
  // starts, so cursors die with the process; configure one to keep them across restarts.
  std::string cursor_key;
  // Source of "now" for cursor expiry; empty: the system clock. Tests inject a clock.
  std::function<std::chrono::system_clock::time_point()> clock;

  // The method in force: the configured default, or the only method on.
  PaginationMethod effective_default() const {
    if (!index) return PaginationMethod::Cursor;
    if (!cursor) return PaginationMethod::Index;
    return default_method;
  }
};

}  // namespace scim::server
