// If-Match handling and optimistic-concurrency retries (see resource_conditional.hpp).
#include "scim/server/endpoints/resource_conditional.hpp"

#include "scim/server/endpoints/etag.hpp"

namespace scim::server {

Result<store::WriteOutcome> conditional_write(const Context& ctx, const ResourceType& type,
                                              std::string_view id, const WriteStep& step) {
  const std::string* if_match = ctx.config.etag ? ctx.request.header("if-match") : nullptr;
  for (std::size_t attempt = 0; attempt < ctx.config.max_write_retries; ++attempt) {
    auto current = ctx.store.get(type.id, id);
    if (!current) return current.error();
    if (if_match && !etag_list_matches(*if_match, current->version)) {
      return http_error(412, "If-Match " + *if_match + " does not match the current version " +
                                 format_etag(current->version));
    }
    auto written = step(*current);
    // A 412 from the store means another writer committed in between. With If-Match that is the
    // client's precondition failing; without it, recompute from the new state.
    if (!written && written.error().status == 412 && !if_match) continue;
    return written;
  }
  return http_error(409, "the resource kept changing during the write; retry the request");
}

}  // namespace scim::server
