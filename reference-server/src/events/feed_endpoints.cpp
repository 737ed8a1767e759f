// /Feeds routing and handlers (see feed_endpoints.hpp for the surface).
#include "scim/server/events/feed_endpoints.hpp"

#include "scim/server/events/poll_endpoint.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::server {
namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? slash : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

Response not_allowed(const char* allow) {
  Response r = error_response(http_error(405, std::string("allowed: ") + allow));
  r.set_header("Allow", allow);
  return r;
}

Result<nlohmann::json> object_body(const Request& request) {
  auto body = parse_body(request, 16);
  if (!body) return body.error();
  if (!body->is_object()) return invalid_syntax("the body must be a JSON object");
  return body;
}

Response list_feeds(FeedEndpointsContext& ctx, const Request& request) {
  const auto issuer = ctx.hub.issuer_for(request.base_url);
  nlohmann::json resources = nlohmann::json::array();
  for (const auto& f : ctx.hub.feeds().feeds(request.principal.tenant)) {
    resources.push_back(f->to_json(issuer, request.base_url));
  }
  return json_response(200, {{"schemas", {urn::kListResponse}},
                             {"totalResults", resources.size()},
                             {"itemsPerPage", resources.size()},
                             {"startIndex", 1},
                             {"Resources", resources}});
}

Response create_feed(FeedEndpointsContext& ctx, const Request& request) {
  auto body = object_body(request);
  if (!body) return error_response(body.error());
  events::FeedInfo info;
  info.id = body->value("id", std::string());
  info.tenant = request.principal.tenant;
  info.description = body->value("description", std::string());
  const auto membership = body->value("membership", std::string("all"));
  if (membership != "all" && membership != "explicit") {
    return error_response(invalid_value("\"membership\" must be \"all\" or \"explicit\""));
  }
  info.membership = membership == "all" ? events::Membership::All : events::Membership::Explicit;
  if (auto types = body->find("resourceTypes"); types != body->end() && types->is_array()) {
    for (const auto& t : *types) {
      if (t.is_string()) info.resource_types.push_back(t.get<std::string>());
    }
  }
  auto feed = ctx.hub.feeds().add_feed(std::move(info));
  if (!feed) return error_response(feed.error());
  Response r =
      json_response(201, (*feed)->to_json(ctx.hub.issuer_for(request.base_url), request.base_url));
  r.set_header("Location", request.base_url + "/Feeds/" + (*feed)->info().id);
  return r;
}

Response members(FeedEndpointsContext& ctx, const Request& request, const std::string& feed_id,
                 const std::vector<std::string>& seg) {
  const auto& tenant = request.principal.tenant;
  if (request.method == "POST" && seg.size() == 3) {
    auto body = object_body(request);
    if (!body) return error_response(body.error());
    const auto uri = body->value("uri", std::string());
    if (uri.size() < 3 || uri[0] != '/' || uri.find('/', 1) == std::string::npos) {
      return error_response(invalid_value("\"uri\" must be a resource path like /Users/{id}"));
    }
    events::SubjectRef subject{uri, uri.substr(uri.rfind('/') + 1), std::nullopt};
    if (auto ext = body->find("externalId"); ext != body->end() && ext->is_string()) {
      subject.external_id = ext->get<std::string>();
    }
    auto added = ctx.hub.add_member(tenant, feed_id, subject, request.base_url);
    if (!added) return error_response(added.error());
    return json_response(*added ? 201 : 200, {{"uri", uri}, {"feed", feed_id}});
  }
  if (request.method == "DELETE" && seg.size() == 5) {
    const std::string uri = "/" + seg[3] + "/" + seg[4];
    auto removed =
        ctx.hub.remove_member(tenant, feed_id, {uri, seg[4], std::nullopt}, request.base_url);
    if (!removed) return error_response(removed.error());
    if (!*removed) return error_response(not_found(uri + " is not a member of " + feed_id));
    return no_content(204);
  }
  return not_allowed("POST, DELETE");
}

Response receivers(FeedEndpointsContext& ctx, const Request& request, const std::string& feed_id,
                   const std::vector<std::string>& seg) {
  auto& registry = ctx.hub.feeds();
  const auto& tenant = request.principal.tenant;
  if (seg.size() == 3 && request.method == "GET") {
    auto feed = registry.find(tenant, feed_id);
    if (!feed) return error_response(not_found("feed \"" + feed_id + "\" not found"));
    return json_response(200, {{"receivers", feed->receivers_json()}});
  }
  if (seg.size() == 3 && request.method == "POST") {
    auto body = object_body(request);
    if (!body) return error_response(body.error());
    events::PushTarget target{body->value("url", std::string()), body->value("token", "")};
    auto id = registry.add_receiver(tenant, feed_id, std::move(target));
    if (!id) return error_response(id.error());
    Response r =
        json_response(201, {{"id", *id}, {"feed", feed_id}, {"url", body->value("url", "")}});
    r.set_header("Location", request.base_url + "/Feeds/" + feed_id + "/receivers/" + *id);
    return r;
  }
  if (seg.size() == 4 && request.method == "DELETE") {
    if (auto st = registry.remove_receiver(tenant, seg[3]); !st) return error_response(st.error());
    return no_content(204);
  }
  return not_allowed(seg.size() == 3 ? "GET, POST" : "DELETE");
}

}  // namespace

Response feeds_endpoint(FeedEndpointsContext& ctx, const Request& request) {
  if (request.principal.tenant.empty()) {
    return error_response(http_error(401, "the request is not authenticated to a tenant"));
  }
  const auto seg = segments(request.path);
  if (seg.size() == 1) {
    if (request.method == "GET") return list_feeds(ctx, request);
    if (request.method == "POST") return create_feed(ctx, request);
    return not_allowed("GET, POST");
  }
  auto feed = ctx.hub.feeds().find(request.principal.tenant, seg[1]);
  if (!feed) return error_response(not_found("feed \"" + seg[1] + "\" not found"));
  if (seg.size() == 2) {
    if (request.method != "GET") return not_allowed("GET");
    return json_response(200,
                         feed->to_json(ctx.hub.issuer_for(request.base_url), request.base_url));
  }
  if (seg[2] == "poll" && seg.size() == 3) {
    const bool may_wait = ctx.long_polls.fetch_add(1) < ctx.max_long_polls;
    auto r =
        poll_endpoint(*feed, request, may_wait ? ctx.poll_max_wait : std::chrono::milliseconds(0));
    ctx.long_polls.fetch_sub(1);
    return r;
  }
  if (seg[2] == "members") return members(ctx, request, feed->info().id, seg);
  if (seg[2] == "receivers") return receivers(ctx, request, feed->info().id, seg);
  return error_response(not_found("no resource at " + request.path));
}

}  // namespace scim::server
