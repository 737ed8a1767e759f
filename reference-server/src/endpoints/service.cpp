// Service routing (RFC 7644 §3.2 endpoints): method + path -> endpoint function, with 404, 405
// (plus Allow) and 501 answered as SCIM errors, and bugs caught here as 500 (developing.md).
#include "scim/server/endpoints/service.hpp"

#include <chrono>
#include <exception>

#include "scim/server/endpoints/discovery.hpp"
#include "scim/server/endpoints/list.hpp"
#include "scim/server/endpoints/me.hpp"
#include "scim/server/endpoints/resources.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/store/timestamp.hpp"

namespace scim::server {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.emplace_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

Response method_not_allowed(const Request& r, std::string allow) {
  Response resp = error_response(http_error(
      405, "method " + r.method + " is not allowed on " + r.path + "; allowed: " + allow));
  resp.set_header("Allow", std::move(allow));
  return resp;
}

Response discovery(const DiscoveryContext& d, const std::vector<std::string>& seg) {
  if (d.request.method != "GET") return method_not_allowed(d.request, "GET");
  std::optional<std::string_view> key;
  if (seg.size() == 2) key = seg[1];
  if (seg.size() > 2) return error_response(not_found("no such endpoint: " + d.request.path));
  if (iequals(seg[0], "ServiceProviderConfig")) {
    if (key) return error_response(not_found("no such endpoint: " + d.request.path));
    return service_provider_config(d);
  }
  if (iequals(seg[0], "ResourceTypes")) return resource_types(d, key);
  return schemas(d, key);
}

bool is_discovery(std::string_view first) {
  return iequals(first, "ServiceProviderConfig") || iequals(first, "ResourceTypes") ||
         iequals(first, "Schemas");
}

}  // namespace

Service::Service(const Registry& registry, ServiceConfig config, store::TenantDirectory& tenants,
                 EventSink* sink)
    : registry_(registry),
      config_(std::move(config)),
      tenants_(tenants),
      sink_(sink),
      started_at_(store::format_timestamp(std::chrono::system_clock::now())),
      documents_(registry) {}

void Service::add_route(std::string segment, RouteHandler handler) {
  extra_routes_.emplace_back(std::move(segment), std::move(handler));
}

Response Service::handle(const Request& request) {
  try {
    return route(request);
  } catch (const std::exception& e) {
    return error_response(http_error(500, std::string("internal error: ") + e.what()));
  }
}

Response Service::route(const Request& request) {
  if (auto e = check_accept(request)) return error_response(*e);
  const auto seg = split_path(request.path);
  if (seg.empty())
    return error_response(not_found("no resource at the base path; see /ResourceTypes"));
  if (seg.size() == 1 && seg[0] == "health") {
    if (request.method != "GET") return method_not_allowed(request, "GET");
    return json_response(200, {{"status", "ok"}});
  }
  for (const auto& [segment, handler] : extra_routes_) {
    if (iequals(segment, seg[0])) return handler(request);
  }
  if (is_discovery(seg[0]))
    return discovery({registry_, config_, request, started_at_, &documents_}, seg);
  return route_resources(request, seg);
}

Response Service::route_resources(const Request& request, const std::vector<std::string>& seg) {
  if (request.principal.tenant.empty()) {
    return error_response(http_error(401, "the request is not authenticated to a tenant"));
  }
  store::ResourceStore* store = tenants_.find(request.principal.tenant);
  if (!store) {
    return error_response(not_found("unknown tenant \"" + request.principal.tenant + "\""));
  }
  Context ctx{registry_, config_, *store, sink_, request};
  if (iequals(seg[0], "Me")) {
    auto me = resolve_me(ctx);
    if (!me) return error_response(me.error());
    Request aliased = request;
    aliased.path = me->type->endpoint + "/" + me->id;
    for (std::size_t i = 1; i < seg.size(); ++i) aliased.path += "/" + seg[i];
    std::vector<std::string> aliased_seg{me->type->endpoint.substr(1), me->id};
    aliased_seg.insert(aliased_seg.end(), seg.begin() + 1, seg.end());
    Response r = route_resources(aliased, aliased_seg);
    // RFC 7644 §3.11: "In any response, the HTTP Location header MUST be the permanent location
    // of the aliased resource".
    r.set_header("Location", ctx.location(*me->type, me->id));
    return r;
  }
  if (seg[0] == ".search" && seg.size() == 1) {
    if (request.method != "POST") return method_not_allowed(request, "POST");
    auto body = parse_body(request, config_.max_json_depth);
    if (!body) return error_response(body.error());
    auto params = list_params_from_search(*body);
    if (!params) return error_response(params.error());
    return list_all_types(ctx, *params);
  }
  const ResourceType* type = registry_.find_by_endpoint("/" + seg[0]);
  if (!type) return error_response(not_found("no such endpoint: /" + seg[0]));
  const std::string& m = request.method;
  if (seg.size() == 1) {
    if (m == "GET") return list_resources(ctx, *type, list_params_from_query(request));
    if (m == "POST") return create_resource(ctx, *type);
    return method_not_allowed(request, "GET, POST");
  }
  if (seg.size() == 2 && seg[1] == ".search") {
    if (m != "POST") return method_not_allowed(request, "POST");
    auto body = parse_body(request, config_.max_json_depth);
    if (!body) return error_response(body.error());
    auto params = list_params_from_search(*body);
    if (!params) return error_response(params.error());
    return list_resources(ctx, *type, *params);
  }
  if (seg.size() != 2) return error_response(not_found("no such endpoint: " + request.path));
  if (m == "GET") return get_resource(ctx, *type, seg[1]);
  if (m == "PUT") return replace_resource(ctx, *type, seg[1]);
  if (m == "PATCH") return patch_resource(ctx, *type, seg[1]);
  if (m == "DELETE") return delete_resource(ctx, *type, seg[1]);
  return method_not_allowed(request, "GET, PUT, PATCH, DELETE");
}

Result<nlohmann::json> Service::seed_resource(std::string_view tenant, const ResourceType& type,
                                              const nlohmann::json& item) {
  if (!tenants_.add(tenant)) return http_error(507, "too many tenants");
  store::ResourceStore* store = tenants_.find(tenant);
  Request request;
  request.method = "POST";
  request.principal.tenant = std::string(tenant);
  Context ctx{registry_, config_, *store, sink_, request};
  std::optional<std::string> id;
  if (item.is_object() && item.contains("id")) {
    const auto& given = item["id"];
    if (!given.is_string() || given.get<std::string>().empty() ||
        given.get<std::string>().size() > 256 ||
        given.get<std::string>().find('/') != std::string::npos) {
      return invalid_value(
          "\"id\" must be a non-empty string of at most 256 characters without '/'");
    }
    id = given.get<std::string>();
  }
  auto outcome = create_validated(ctx, type, item, id);
  if (!outcome) return outcome.error();
  return outcome->resource.resource;
}

}  // namespace scim::server
