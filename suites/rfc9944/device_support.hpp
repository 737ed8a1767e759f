// What the RFC 9944 checks share: the schema URIs the RFC assigns (protocol wire vocabulary),
// the Device endpoint the target advertises, device bodies with a run-unique MAC address, and
// creation with cleanup.
#pragma once

#include <string>
#include <string_view>

#include "scim/protocol/device_urns.hpp"
#include "scim/suites/common/helpers.hpp"

namespace scim::suites::rfc9944 {

// RFC 9944 §3, §6, §7.1-§7.6 (scim/protocol/device_urns.hpp).
inline constexpr std::string_view kDevice = urn::kDevice;
inline constexpr std::string_view kEndpointApp = urn::kEndpointApp;
inline constexpr std::string_view kBle = urn::kBleDevice;
inline constexpr std::string_view kDpp = urn::kDppDevice;
inline constexpr std::string_view kMab = urn::kMabDevice;
inline constexpr std::string_view kFdo = urn::kFdoDevice;
inline constexpr std::string_view kZigbee = urn::kZigbeeDevice;
inline constexpr std::string_view kEndpointAppsExt = urn::kEndpointAppsExtDevice;
inline constexpr std::string_view kPassKey = urn::kPairingPassKey;

// The endpoint ("/Devices") of the resource type whose schema is kDevice; skips when none.
std::string device_endpoint(conf::Context& ctx);
// The name of that resource type ("Device"), for schema lookups.
std::string device_type(conf::Context& ctx);
// Skips unless the Device resource type lists `urn` among its schemaExtensions.
void require_extension(conf::Context& ctx, std::string_view urn);

// A MAC address (six colon-separated octets) unique to this run and `salt`.
std::string unique_mac(conf::Context& ctx, std::string_view salt, int octets = 6);

// {schemas: [Device, extensions...], displayName, active: true} plus `extensions` (URN -> object).
json device_body(conf::Context& ctx, const json& extensions = json::object());
// POSTs the body to the Device endpoint (tracked for cleanup when 201).
conf::HttpResponse create_device(conf::Context& ctx, const json& body);
// The same, expecting 201 and returning the created resource.
json created_device(conf::Context& ctx, const json& body, std::string_view what);
// GET of a created device by its id.
json read_device(conf::Context& ctx, const json& device);

// The BLE extension object of RFC 9944 §7.1 (passkey pairing) for `mac`.
json ble_extension(std::string_view mac);

}  // namespace scim::suites::rfc9944
