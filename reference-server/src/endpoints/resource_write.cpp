// POST (RFC 7644 §3.3), PUT (§3.5.1) and DELETE (§3.6) on a resource type's endpoint.
#include "scim/protocol/uuid.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/device_rules.hpp"
#include "scim/server/endpoints/etag.hpp"
#include "scim/server/endpoints/feature_rules.hpp"
#include "scim/server/endpoints/lenient_call.hpp"
#include "scim/server/endpoints/resource_conditional.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/endpoints/resources.hpp"
#include "scim/server/endpoints/write_notify.hpp"
#include "scim/server/engine/lenient/lenient.hpp"

namespace scim::server {
namespace {

// RFC 7644 §3.5.1: readOnly values are not replaced by PUT. The engine drops them from input, so
// the stored ones are carried over (computed "groups" excepted: the store derives it).
void carry_read_only(const Context& ctx, const ResourceType& type, const nlohmann::json& existing,
                     nlohmann::json& resource) {
  auto carry = [](const Schema& schema, const nlohmann::json& from, nlohmann::json& to) {
    if (!from.is_object()) return;
    for (const auto& attr : schema.attributes) {
      if (attr.mutability != Mutability::ReadOnly || attr.name == "groups") continue;
      if (auto it = from.find(attr.name); it != from.end() && !to.contains(attr.name)) {
        to[attr.name] = *it;
      }
    }
  };
  if (const Schema* core = ctx.registry.find_schema(type.schema)) carry(*core, existing, resource);
  for (const auto& ext : type.extensions) {
    const Schema* schema = ctx.registry.find_schema(ext.schema);
    auto it = existing.find(ext.schema);
    if (!schema || it == existing.end()) continue;
    nlohmann::json target = resource.value(ext.schema, nlohmann::json::object());
    carry(*schema, *it, target);
    if (!target.empty()) resource[ext.schema] = std::move(target);
  }
}

// RFC 7644 §3.3: the 201 of a create asking for the default view is written from the record the
// store now holds, as a GET's 200 is (resource_read.cpp), instead of presenting, projecting and
// dumping the tree: the same members with the same values (resource_view.hpp). nullopt, and the
// tree path, for any other projection, a record the writer declines, or a record already at
// another version than `created` (a write between the two, on another I/O thread).
std::optional<Response> created_text(const Context& ctx, const ResourceType& type,
                                     const store::StoredResource& created,
                                     const engine::Projection& projection) {
  if (!engine::is_default_view(projection)) return std::nullopt;
  const auto id = created.resource.find("id");
  if (id == created.resource.end() || !id->is_string()) return std::nullopt;
  const auto& id_text = id->get_ref<const std::string&>();
  auto record = ctx.store.get_record(type.id, id_text);
  if (!record || record->version != created.version) return std::nullopt;
  auto text = default_view_text(ctx, type, *record);
  if (!text) return std::nullopt;
  Response r = json_text_response(201, std::move(*text));
  if (ctx.config.etag) r.set_header("ETag", format_etag(created.version));
  r.set_header("Location", ctx.location(type, id_text));
  return r;
}

// POST's validation of `input`, kept (`const nlohmann::json&`: its values are copied) or given up
// (`nlohmann::json&&`: moved). The lenient front door leaves a given-up input as it was in the
// lenient modes, so lenient_call's strict retry, the only second call, still reads it as sent.
template <class Input>
Result<nlohmann::json> checked_for_create(const Context& ctx, const ResourceType& type,
                                          Input&& input, std::optional<std::string> id) {
  // Lenient requests go through the provider-quirk pre-pass first (docs/lenient.md).
  auto validated = lenient_call(ctx.config, [&](engine::lenient::Mode mode) {
    return engine::lenient::validate_resource(std::forward<Input>(input), ctx.registry, type,
                                              engine::WriteMode::Create, nullptr, mode, {},
                                              ctx.config.interop);
  });
  if (!validated) return validated.error();
  if (auto refused = refused_nesting(ctx, type, validated->resource)) return *refused;
  ctx.used(validated->leniencies_used);
  nlohmann::json resource = std::move(validated->resource);
  if (auto st = check_device_rules(type, resource); !st) return st.error();
  complete_new_device_resource(type, resource);
  resource["id"] = id ? *id : ctx.new_id();
  return resource;
}

template <class Input>
Result<store::WriteOutcome> store_new(const Context& ctx, const ResourceType& type, Input&& input,
                                      std::optional<std::string> id) {
  auto resource = checked_for_create(ctx, type, std::forward<Input>(input), std::move(id));
  if (!resource) return resource.error();
  auto outcome = ctx.store.create(type.id, std::move(*resource));
  if (!outcome) return outcome.error();
  notify_write(ctx, type, *outcome, {WriteEvent::Kind::Create, nullptr, std::nullopt});
  return outcome;
}

}  // namespace

Result<nlohmann::json> validated_for_create(const Context& ctx, const ResourceType& type,
                                            const nlohmann::json& input,
                                            std::optional<std::string> id) {
  return checked_for_create(ctx, type, input, std::move(id));
}

Result<store::WriteOutcome> create_validated(const Context& ctx, const ResourceType& type,
                                             const nlohmann::json& input,
                                             std::optional<std::string> id) {
  return store_new(ctx, type, input, std::move(id));
}

Result<store::WriteOutcome> create_validated(const Context& ctx, const ResourceType& type,
                                             nlohmann::json&& input,
                                             std::optional<std::string> id) {
  return store_new(ctx, type, std::move(input), std::move(id));
}

Response create_resource(const Context& ctx, const ResourceType& type) {
  auto projection = request_projection(ctx, type);
  if (!projection) return error_response(projection.error());
  auto body = parse_body(ctx.request, ctx.config.max_json_depth, ctx.parsers);
  if (!body) return error_response(body.error());
  // The body, parsed here or taken from a /Bulk operation (Request::json_body), is this
  // request's alone: validation moves its values instead of copying them.
  auto outcome = create_validated(ctx, type, std::move(*body), std::nullopt);
  if (!outcome) return error_response(outcome.error());
  if (auto r = created_text(ctx, type, outcome->resource, *projection)) return std::move(*r);
  return resource_response(ctx, type, std::move(outcome->resource), 201, *projection);
}

Response replace_resource(const Context& ctx, const ResourceType& type, std::string_view id) {
  auto projection = request_projection(ctx, type);
  if (!projection) return error_response(projection.error());
  auto body = parse_body(ctx.request, ctx.config.max_json_depth, ctx.parsers);
  if (!body) return error_response(body.error());
  std::optional<bool> active_before;
  auto outcome = conditional_write(
      ctx, type, id, [&](const store::StoredResource& current) -> Result<store::WriteOutcome> {
        auto validated = lenient_call(ctx.config, [&](engine::lenient::Mode mode) {
          return engine::lenient::validate_resource(*body, ctx.registry, type,
                                                    engine::WriteMode::Replace, &current.resource,
                                                    mode, {}, ctx.config.interop);
        });
        if (!validated) return validated.error();
        if (auto refused = refused_nesting(ctx, type, validated->resource)) return *refused;
        if (auto refused = refused_password_change(ctx, current.resource, validated->resource))
          return *refused;
        ctx.used(validated->leniencies_used);
        carry_read_only(ctx, type, current.resource, validated->resource);
        if (auto st = check_device_rules(type, validated->resource); !st) return st.error();
        active_before = active_of(current.resource);
        return ctx.store.replace(type.id, id, std::move(validated->resource), current.version);
      });
  if (!outcome) return error_response(outcome.error());
  notify_write(ctx, type, *outcome, {WriteEvent::Kind::Put, nullptr, active_before});
  return resource_response(ctx, type, std::move(outcome->resource), 200, *projection);
}

Response delete_resource(const Context& ctx, const ResourceType& type, std::string_view id) {
  std::optional<bool> active_before;
  auto outcome = conditional_write(ctx, type, id, [&](const store::StoredResource& current) {
    active_before = active_of(current.resource);
    return ctx.store.remove(type.id, id, current.version);
  });
  if (!outcome) return error_response(outcome.error());
  notify_write(ctx, type, *outcome, {WriteEvent::Kind::Delete, nullptr, active_before});
  return no_content(204);
}

}  // namespace scim::server
