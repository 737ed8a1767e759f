// Cursor tokens of cursor-based pagination (RFC 9865 §2): a stateless, sealed description of
// where the next (or previous) page starts, so the server keeps no memory per cursor (RFC 9865
// §5.3, "retain substantial data or metadata for each cursor"). The token is encrypted (nobody can
// read the position inside) and authenticated with HMAC-SHA256 over the token and a binding
// string (the tenant, the endpoint and the query), so a forged, altered or transplanted cursor is
// detected (RFC 9865 §5.2 "easily detect forged cursor values"). It is base64url: only unreserved
// characters (RFC 9865 §2, RFC 3986 §2.3).
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "scim/protocol/result.hpp"

namespace scim::engine {

// A place in a listing's total order: the sort value (sorted queries only), then the resource
// type's position in the registry (root listings mix types), then the store's creation sequence.
// Creation sequences are never reused, so a place stays meaningful while the collection changes.
struct CursorAnchor {
  nlohmann::json sort_value;  // engine::sort_value of the anchor resource; null when unsorted
  std::uint32_t type_index = 0;
  std::uint64_t seq = 0;
};

struct CursorState {
  bool backward = false;   // false: the page after the anchor; true: the page before it
  bool inclusive = false;  // the anchor itself belongs to that page (it was not shown yet)
  CursorAnchor anchor;
  // The count of the query that issued the cursor (negative already read as 0); RFC 9865 §2.1
  // invalidCount: later pages "must value identical count of the initial query".
  std::optional<std::int64_t> count;
  std::int64_t issued_at = 0;  // Unix seconds, for cursorTimeout (RFC 9865 §4)
};

// Longest token accepted; anything longer is invalidCursor without further work.
inline constexpr std::size_t kMaxCursorLength = 8192;

// 32 random bytes (OpenSSL RAND_bytes): the key of one server run when none is configured.
std::string random_cursor_key();

// Encrypts and authenticates `state`, bound to `binding`. `key` is the server's cursor key.
std::string seal_cursor(std::string_view key, std::string_view binding, const CursorState& state);
// The state inside `token`, or 400 invalidCursor (RFC 9865 §2.1) when it is malformed, forged,
// sealed with another key or bound to another tenant, endpoint or query. The same detail for
// every cause, so an error tells nothing about other tenants' data (RFC 9865 §5.2).
Result<CursorState> open_cursor(std::string_view key, std::string_view binding,
                                std::string_view token);

}  // namespace scim::engine
