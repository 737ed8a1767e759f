// GET on a single resource (RFC 7644 §3.4.1) with If-None-Match (RFC 7644 §3.14: 304 when the
// client's version is current) and attributes/excludedAttributes (§3.9).
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/etag.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/endpoints/resources.hpp"

namespace scim::server {

Response get_resource(const Context& ctx, const ResourceType& type, std::string_view id) {
  auto projection = request_projection(ctx, type);
  if (!projection) return error_response(projection.error());
  auto stored = ctx.store.get(type.id, id);
  if (!stored) return error_response(stored.error());
  if (const std::string* inm = ctx.request.header("if-none-match"); inm && ctx.config.etag) {
    if (etag_list_matches(*inm, stored->version)) {
      Response r = no_content(304);
      r.set_header("ETag", format_etag(stored->version));
      return r;
    }
  }
  return resource_response(ctx, type, std::move(*stored), 200, *projection);
}

}  // namespace scim::server
