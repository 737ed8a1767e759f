// RFC 9944 device fixtures of the checks.
#include "device_support.hpp"

#include <cstdio>
#include <functional>

namespace scim::suites::rfc9944 {
namespace device_support_local {

const conf::ResourceTypeInfo* device_info(conf::Context& ctx) {
  for (const auto& type : ctx.caps().resource_types) {
    if (type.schema == kDevice) return &type;
  }
  return nullptr;
}

}  // namespace device_support_local

std::string device_endpoint(conf::Context& ctx) {
  using namespace device_support_local;
  const auto* info = device_info(ctx);
  if (info == nullptr)
    ctx.skip("the target advertises no resource type with schema " + std::string(kDevice));
  return info->endpoint.empty() ? "/Devices" : info->endpoint;
}

std::string device_type(conf::Context& ctx) {
  using namespace device_support_local;
  const auto* info = device_info(ctx);
  if (info == nullptr) ctx.skip("the target advertises no Device resource type");
  return info->name;
}

void require_extension(conf::Context& ctx, std::string_view urn) {
  using namespace device_support_local;
  const auto* info = device_info(ctx);
  if (info != nullptr) {
    for (const auto& [schema, required] : info->extensions) {
      if (schema == urn) return;
    }
  }
  ctx.skip("the Device resource type does not list the extension " + std::string(urn));
}

std::string unique_mac(conf::Context& ctx, std::string_view salt, int octets) {
  // Locally administered (second bit of the first octet set), the rest from a hash of the run's
  // unique name, so parallel runs against one target do not collide.
  std::size_t h = std::hash<std::string>{}(ctx.unique_name(salt));
  std::string mac = "02";
  for (int i = 1; i < octets; ++i) {
    char octet[4];
    std::snprintf(octet, sizeof octet, ":%02X", static_cast<unsigned>(h & 0xFF));
    mac += octet;
    h = (h >> 8) | (h << 56);
  }
  return mac;
}

json device_body(conf::Context& ctx, const json& extensions) {
  json body = {{"schemas", {std::string(kDevice)}},
               {"displayName", ctx.unique_name("device")},
               {"active", true}};
  for (const auto& [urn, value] : extensions.items()) {
    body["schemas"].push_back(urn);
    body[urn] = value;
  }
  return body;
}

conf::HttpResponse create_device(conf::Context& ctx, const json& body) {
  return ctx.create_raw(device_endpoint(ctx), body);
}

json created_device(conf::Context& ctx, const json& body, std::string_view what) {
  return expect_json(ctx, create_device(ctx, body), 201, what);
}

json read_device(conf::Context& ctx, const json& device) {
  return expect_json(ctx, ctx.get(path_of(ctx, device_endpoint(ctx), device)), 200,
                     "GET of the created device");
}

json ble_extension(std::string_view mac) {
  return {{"versionSupport", {"5.3"}},
          {"deviceMacAddress", mac},
          {"isRandom", false},
          {"mobility", true},
          {"pairingMethods", {std::string(kPassKey)}},
          {std::string(kPassKey), {{"key", 123456}}}};
}

}  // namespace scim::suites::rfc9944
