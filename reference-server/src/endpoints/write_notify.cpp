// WriteEvent construction for the events subsystem (RFC 9967 §2.4).
#include "scim/server/endpoints/write_notify.hpp"

#include "scim/protocol/uuid.hpp"
#include "scim/server/endpoints/etag.hpp"
#include "scim/server/endpoints/resource_view.hpp"

namespace scim::server {
namespace {

WriteEvent make_event(const Context& ctx, const ResourceType& type,
                      const store::StoredResource& stored, WriteEvent::Kind kind) {
  WriteEvent e;
  e.kind = kind;
  e.tenant = ctx.request.principal.tenant;
  e.resource_type = type.id;
  e.id = stored.resource.value("id", "");
  if (auto it = stored.resource.find("externalId");
      it != stored.resource.end() && it->is_string()) {
    e.external_id = it->get<std::string>();
  }
  e.location = ctx.location(type, e.id);
  e.txn = ctx.request.txn.empty() ? ctx.new_id() : ctx.request.txn;
  if (kind != WriteEvent::Kind::Delete) {
    e.version = format_etag(stored.version);
    e.stored = &stored.resource;
    if (ctx.sink->wants_resource()) e.resource = present(ctx, type, stored.resource);
  }
  return e;
}

}  // namespace

std::optional<bool> active_of(const nlohmann::json& resource) {
  auto it = resource.find("active");
  if (it == resource.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

void notify_write(const Context& ctx, const ResourceType& type, const store::WriteOutcome& outcome,
                  const WriteFacts& facts) {
  if (!ctx.sink) return;
  WriteEvent e = make_event(ctx, type, outcome.resource, facts.kind);
  if (facts.kind == WriteEvent::Kind::Patch && facts.patch_ops) e.patch_ops = *facts.patch_ops;
  e.active_before = facts.active_before;
  if (facts.kind != WriteEvent::Kind::Delete) e.active_after = active_of(outcome.resource.resource);
  ctx.sink->on_write(e);
  // Groups that lost a deleted member changed too: report them as the PATCH they amount to.
  for (const auto& changed : outcome.side_effects) {
    const auto* group_type =
        ctx.registry.find_resource_type(changed.resource["meta"].value("resourceType", ""));
    if (!group_type) continue;
    WriteEvent side = make_event(ctx, *group_type, changed, WriteEvent::Kind::Patch);
    side.patch_ops =
        nlohmann::json::array({{{"op", "remove"}, {"path", "members[value eq \"" + e.id + "\"]"}}});
    ctx.sink->on_write(side);
  }
}

}  // namespace scim::server
