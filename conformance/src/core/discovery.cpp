// Discovery of the target's capabilities.
#include "scim/conformance/core/discovery.hpp"

#include "scim/conformance/json_limits.hpp"

namespace scim::conf {
namespace {

const nlohmann::json& member(const nlohmann::json& doc, const char* name) {
  static const nlohmann::json kNull;  // immutable sentinel
  if (!doc.is_object()) return kNull;
  const auto it = doc.find(name);
  return it == doc.end() ? kNull : *it;
}

bool supported(const nlohmann::json& spc, const char* feature) {
  const auto& s = member(member(spc, feature), "supported");
  return s.is_boolean() && s.get<bool>();
}

template <class T>
T number(const nlohmann::json& value) {
  return value.is_number_integer() ? value.get<T>() : T{};
}

std::string text(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// RFC 7644 §4: a ListResponse with "Resources"; a bare array is read too (lenient).
const nlohmann::json& resources_of(const nlohmann::json& doc) {
  if (doc.is_array()) return doc;
  return member(doc, "Resources");
}

ResourceTypeInfo type_from(const nlohmann::json& rt) {
  ResourceTypeInfo info{text(member(rt, "id")),
                        text(member(rt, "name")),
                        text(member(rt, "endpoint")),
                        text(member(rt, "schema")),
                        {}};
  if (info.id.empty()) info.id = info.name;
  const auto& ext = member(rt, "schemaExtensions");
  if (ext.is_array()) {
    for (const auto& e : ext) {
      const auto& req = member(e, "required");
      info.extensions.emplace_back(text(member(e, "schema")), req.is_boolean() && req.get<bool>());
    }
  }
  return info;
}

void read_events(const nlohmann::json& spc, Capabilities& caps) {
  // draft-ietf-scim-events §4: "securityEvents" present = events supported.
  const auto& events = member(spc, "securityEvents");
  caps.events = events.is_object();
  const auto& async = member(events, "asyncRequest");
  if (async.is_string()) caps.async_modes.push_back(async.get<std::string>());
  caps.poll_endpoint = text(member(events, "pollEndpoint"));
  const auto& uris = member(events, "eventUris");
  if (uris.is_array()) {
    for (const auto& u : uris) {
      if (u.is_string()) caps.event_uris.push_back(u.get<std::string>());
    }
  }
}

}  // namespace

Capabilities capabilities_from(const nlohmann::json& spc, const nlohmann::json& resource_types,
                               const nlohmann::json& schemas) {
  Capabilities caps;
  caps.patch = supported(spc, "patch");
  caps.bulk = supported(spc, "bulk");
  caps.bulk_max_operations = number<int>(member(member(spc, "bulk"), "maxOperations"));
  caps.bulk_max_payload_size = number<long long>(member(member(spc, "bulk"), "maxPayloadSize"));
  caps.filter = supported(spc, "filter");
  caps.filter_max_results = number<int>(member(member(spc, "filter"), "maxResults"));
  caps.change_password = supported(spc, "changePassword");
  caps.sort = supported(spc, "sort");
  caps.etag = supported(spc, "etag");
  const auto& schemes = member(spc, "authenticationSchemes");
  if (schemes.is_array()) {
    for (const auto& s : schemes) caps.authentication_schemes.push_back(text(member(s, "type")));
  }
  read_events(spc, caps);
  caps.interop_claimed = member(spc, "interopProfileConformant") == nlohmann::json(true);
  const auto& types = resources_of(resource_types);
  if (types.is_array()) {
    for (const auto& rt : types) caps.resource_types.push_back(type_from(rt));
  }
  caps.service_provider_config = spc;
  caps.resource_types_json = resource_types;
  caps.schemas_json = schemas;
  // Without a readable /Schemas the RFC 7643 schemas stand in, as before schemas were read; the
  // runner says so once (RunResult::notes) and the rfc7644/4 checks judge the endpoint itself.
  caps.schemas = TargetSchemas::from_json(schemas);
  if (caps.schemas.empty()) caps.schemas = TargetSchemas::rfc7643();
  return caps;
}

Result<Capabilities, DiscoveryFailure> discover(ScimClient& client,
                                                std::chrono::milliseconds timeout,
                                                std::vector<Exchange>* transcript) {
  nlohmann::json docs[3];
  const char* paths[3] = {"/ServiceProviderConfig", "/ResourceTypes", "/Schemas"};
  for (int i = 0; i < 3; ++i) {
    auto sent = client.send("GET", paths[i], std::nullopt, {}, true, timeout);
    if (transcript != nullptr) transcript->push_back(sent.exchange);
    const auto& r = sent.response;
    if (r.status == 0) {
      return DiscoveryFailure{"cannot reach " + client.resolve(paths[i]) + ": " +
                              r.transport_error};
    }
    if (r.status == 401 || r.status == 403) {
      return DiscoveryFailure{"the target refused our credentials: GET " +
                              client.resolve(paths[i]) + " answered HTTP " +
                              std::to_string(r.status)};
    }
    if (r.status == 200) docs[i] = parse_json_limited(r.body).value_or(nlohmann::json());
  }
  auto caps = capabilities_from(docs[0], docs[1], docs[2]);
  // RFC 7644 §3.11: /Me is optional and not advertised; a 2xx (or a 501/404 for absent) decides.
  auto me = client.send("GET", "/Me", std::nullopt, {}, true, timeout);
  if (transcript != nullptr) transcript->push_back(me.exchange);
  caps.me = me.response.status >= 200 && me.response.status < 300;
  return caps;
}

}  // namespace scim::conf
