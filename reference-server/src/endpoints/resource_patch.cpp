// PATCH (RFC 7644 §3.5.2): the engine applies the operations atomically to the current state and
// the store commits them with a compare-and-set; a no-op PATCH writes nothing (version and
// lastModified stay). Answers 200 with the resource; a deployment or tenant may choose 204, as
// the RFC allows (ServiceConfig::patch_no_content), or switch PATCH off (Features::patch).
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/device_rules.hpp"
#include "scim/server/endpoints/etag.hpp"
#include "scim/server/endpoints/feature_rules.hpp"
#include "scim/server/endpoints/lenient_call.hpp"
#include "scim/server/endpoints/member_patch.hpp"
#include "scim/server/endpoints/resource_conditional.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/endpoints/resources.hpp"
#include "scim/server/endpoints/write_notify.hpp"
#include "scim/server/engine/lenient/lenient.hpp"

namespace scim::server {
namespace {

// Computed attributes are not patch targets' state: "groups" is rebuilt by the store on read.
nlohmann::json patch_input(const Context& ctx, const ResourceType& type, nlohmann::json r) {
  const Schema* core = ctx.registry.find_schema(type.schema);
  const Attribute* groups = core ? core->find("groups") : nullptr;
  if (groups && groups->mutability == Mutability::ReadOnly) r.erase("groups");
  return r;
}

// RFC 7644 §3.5.2: "MAY return HTTP status code 204 (No Content) and the appropriate response
// headers" (the ETag of the new version), but "MUST return a 200 OK if the "attributes"
// parameter is specified"; a request naming excludedAttributes also asked for a representation.
bool answers_with_body(const Context& ctx) {
  const bool wants_body = ctx.request.query_param("attributes") != nullptr ||
                          ctx.request.query_param("excludedAttributes") != nullptr;
  return !ctx.config.patch_no_content || wants_body;
}

Response patched_response(const Context& ctx, const ResourceType& type,
                          const store::StoredResource& stored,
                          const engine::Projection& projection) {
  if (answers_with_body(ctx)) {
    return resource_response(ctx, type, stored, 200, projection);
  }
  ctx.variant("patch-204");
  Response r = no_content(204);
  if (ctx.config.etag) r.set_header("ETag", format_etag(stored.version));
  return r;
}

}  // namespace

Response patch_resource(const Context& ctx, const ResourceType& type, std::string_view id) {
  if (auto refused = refused_patch(ctx)) return error_response(*refused);
  auto projection = request_projection(ctx, type);
  if (!projection) return error_response(projection.error());
  auto body = parse_body(ctx.request, ctx.config.max_json_depth, ctx.parsers);
  if (!body) return error_response(body.error());
  // Operations on members alone are applied to the group's member set (member_patch.hpp).
  const bool show_members = answers_with_body(ctx) && projection_shows_members(*projection);
  if (auto direct = patch_members_directly(ctx, type, id, *body, show_members)) {
    if (!*direct) return error_response((*direct).error());
    if ((*direct)->changed) {
      notify_write(ctx, type, (*direct)->outcome,
                   {WriteEvent::Kind::Patch, &(*body)["Operations"], std::nullopt});
    }
    return patched_response(ctx, type, (*direct)->outcome.resource, *projection);
  }
  std::optional<bool> active_before;
  bool changed = false;
  auto outcome = conditional_write(
      ctx, type, id, [&](const store::StoredResource& current) -> Result<store::WriteOutcome> {
        // Lenient requests go through the provider-quirk pre-pass first (docs/lenient.md).
        const auto input = patch_input(ctx, type, current.resource);
        auto patched = lenient_call(ctx.config, [&](engine::lenient::Mode mode) {
          return engine::lenient::apply_patch(input, *body, ctx.registry, type, mode, {},
                                              ctx.config.interop);
        });
        if (!patched) return patched.error();
        if (auto refused = refused_nesting(ctx, type, patched->resource)) return *refused;
        if (auto refused = refused_password_change(ctx, input, patched->resource)) return *refused;
        ctx.used(patched->leniencies_used);
        changed = patched->changed;
        if (!changed) return store::WriteOutcome{current, {}};
        if (auto st = check_device_rules(type, patched->resource); !st) return st.error();
        if (auto it = current.resource.find("active");
            it != current.resource.end() && it->is_boolean())
          active_before = it->get<bool>();
        return ctx.store.replace(type.id, id, std::move(patched->resource), current.version);
      });
  if (!outcome) return error_response(outcome.error());
  if (changed) {
    const nlohmann::json* ops = body->contains("Operations") ? &(*body)["Operations"] : nullptr;
    notify_write(ctx, type, *outcome, {WriteEvent::Kind::Patch, ops, active_before});
  }
  return patched_response(ctx, type, outcome->resource, *projection);
}

}  // namespace scim::server
