// /Feeds routing and handlers (see feed_endpoints.hpp for the surface).
#include "scim/server/events/feed_endpoints.hpp"

#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/events/poll_endpoint.hpp"

namespace scim::events {

using server::error_response;
using server::json_response;
using server::no_content;
using server::parse_body;

namespace {

Result<nlohmann::json> object_body(const Request& request) {
  auto body = parse_body(request, 16);
  if (!body) return body.error();
  if (!body->is_object()) return invalid_syntax("the body must be a JSON object");
  return body;
}

Result<std::shared_ptr<Feed>> find_feed(FeedEndpointsContext& ctx, const Request& request,
                                        std::string_view id) {
  auto feed = ctx.hub.feeds().find(request.principal.tenant, std::string(id));
  if (!feed) return not_found("feed \"" + std::string(id) + "\" not found");
  return feed;
}

}  // namespace

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
  FeedInfo info;
  info.id = body->value("id", std::string());
  info.tenant = request.principal.tenant;
  info.description = body->value("description", std::string());
  const auto membership = body->value("membership", std::string("all"));
  if (membership != "all" && membership != "explicit") {
    return error_response(invalid_value("\"membership\" must be \"all\" or \"explicit\""));
  }
  info.membership = membership == "all" ? Membership::All : Membership::Explicit;
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

Response get_feed(FeedEndpointsContext& ctx, const Request& request, std::string_view id) {
  auto feed = find_feed(ctx, request, id);
  if (!feed) return error_response(feed.error());
  return json_response(200,
                       (*feed)->to_json(ctx.hub.issuer_for(request.base_url), request.base_url));
}

Response poll_feed(FeedEndpointsContext& ctx, const Request& request, std::string_view id) {
  auto feed = find_feed(ctx, request, id);
  if (!feed) return error_response(feed.error());
  const bool may_wait = ctx.long_polls.fetch_add(1) < ctx.long_poll.max_waiting;
  auto r = poll_endpoint(**feed, request,
                         may_wait ? ctx.long_poll.max_wait : std::chrono::milliseconds(0));
  ctx.long_polls.fetch_sub(1);
  return r;
}

Response add_feed_member(FeedEndpointsContext& ctx, const Request& request, std::string_view id) {
  auto feed = find_feed(ctx, request, id);
  if (!feed) return error_response(feed.error());
  auto body = object_body(request);
  if (!body) return error_response(body.error());
  const auto uri = body->value("uri", std::string());
  if (uri.size() < 3 || uri[0] != '/' || uri.find('/', 1) == std::string::npos) {
    return error_response(invalid_value("\"uri\" must be a resource path like /Users/{id}"));
  }
  SubjectRef subject{uri, uri.substr(uri.rfind('/') + 1), std::nullopt};
  if (auto ext = body->find("externalId"); ext != body->end() && ext->is_string()) {
    subject.external_id = ext->get<std::string>();
  }
  const auto& feed_id = (*feed)->info().id;
  auto added = ctx.hub.add_member(request.principal.tenant, feed_id, subject, request.base_url);
  if (!added) return error_response(added.error());
  return json_response(*added ? 201 : 200, {{"uri", uri}, {"feed", feed_id}});
}

Response remove_feed_member(FeedEndpointsContext& ctx, const Request& request, std::string_view id,
                            std::string_view endpoint, std::string_view resource_id) {
  auto feed = find_feed(ctx, request, id);
  if (!feed) return error_response(feed.error());
  const std::string uri = "/" + std::string(endpoint) + "/" + std::string(resource_id);
  const auto& feed_id = (*feed)->info().id;
  auto removed =
      ctx.hub.remove_member(request.principal.tenant, feed_id,
                            {uri, std::string(resource_id), std::nullopt}, request.base_url);
  if (!removed) return error_response(removed.error());
  if (!*removed) return error_response(not_found(uri + " is not a member of " + feed_id));
  return no_content(204);
}

Response list_feed_receivers(FeedEndpointsContext& ctx, const Request& request,
                             std::string_view id) {
  auto feed = find_feed(ctx, request, id);
  if (!feed) return error_response(feed.error());
  return json_response(200, {{"receivers", (*feed)->receivers_json()}});
}

Response add_feed_receiver(FeedEndpointsContext& ctx, const Request& request, std::string_view id) {
  auto feed = find_feed(ctx, request, id);
  if (!feed) return error_response(feed.error());
  auto body = object_body(request);
  if (!body) return error_response(body.error());
  const auto& feed_id = (*feed)->info().id;
  PushTarget target{body->value("url", std::string()), body->value("token", "")};
  auto rid = ctx.hub.feeds().add_receiver(request.principal.tenant, feed_id, std::move(target));
  if (!rid) return error_response(rid.error());
  Response r =
      json_response(201, {{"id", *rid}, {"feed", feed_id}, {"url", body->value("url", "")}});
  r.set_header("Location", request.base_url + "/Feeds/" + feed_id + "/receivers/" + *rid);
  return r;
}

Response remove_feed_receiver(FeedEndpointsContext& ctx, const Request& request,
                              std::string_view id, std::string_view receiver_id) {
  auto feed = find_feed(ctx, request, id);
  if (!feed) return error_response(feed.error());
  auto st = ctx.hub.feeds().remove_receiver(request.principal.tenant, std::string(receiver_id));
  if (!st) return error_response(st.error());
  return no_content(204);
}

}  // namespace scim::events
