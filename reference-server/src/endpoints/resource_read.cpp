// GET on a single resource (RFC 7644 §3.4.1) with If-None-Match (RFC 7644 §3.14: 304 when the
// client's version is current) and attributes/excludedAttributes (§3.9).
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/etag.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/endpoints/resources.hpp"

namespace scim::server {
namespace {

// RFC 7644 §3.14: 304 when one of the client's If-None-Match tags is the current version.
std::optional<Response> not_modified(const Context& ctx, std::uint64_t version) {
  const std::string* inm = ctx.request.header("if-none-match");
  if (!inm || !ctx.config.etag || !etag_list_matches(*inm, version)) return std::nullopt;
  Response r = no_content(304);
  r.set_header("ETag", format_etag(version));
  return r;
}

}  // namespace

Response get_resource(const Context& ctx, const ResourceType& type, std::string_view id) {
  auto projection = request_projection(ctx, type);
  if (!projection) return error_response(projection.error());
  // The default view is written from the stored bytes (resource_view.hpp), without a tree.
  if (engine::is_default_view(*projection)) {
    if (auto record = ctx.store.get_record(type.id, id)) {
      if (auto r = not_modified(ctx, record->version)) return std::move(*r);
      if (auto text = default_view_text(ctx, type, *record)) {
        Response r = json_text_response(200, std::move(*text));
        if (ctx.config.etag) r.set_header("ETag", format_etag(record->version));
        return r;
      }
      // Declined: the tree path, from the same read of the store (not a second one that a write
      // in between could make answer another version than the 304 check saw).
      store::StoredResource stored{decoded_record(*record), record->version};
      return resource_response(ctx, type, std::move(stored), 200, *projection);
    }
  }
  auto stored = ctx.store.get(type.id, id);
  if (!stored) return error_response(stored.error());
  if (auto r = not_modified(ctx, stored->version)) return std::move(*r);
  return resource_response(ctx, type, std::move(*stored), 200, *projection);
}

}  // namespace scim::server
