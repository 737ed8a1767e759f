// Entity tags of RFC 7644 §3.14: weak tags W/"<version>" derived from the store's version, and
// the If-Match / If-None-Match preconditions (RFC 7232 §3.1, §3.2) evaluated against them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "scim/server/store/resource_store.hpp"

namespace scim::server {

// The tag text itself comes from the store, which makes versions (store::format_etag).
using store::format_etag;

// True when `header` (a list of entity tags or "*") names `version`. Comparison is weak (the
// W/ prefix is ignored), as SCIM's tags are weak and RFC 7644 §3.14 uses them with If-Match.
bool etag_list_matches(std::string_view header, std::uint64_t version);

}  // namespace scim::server
