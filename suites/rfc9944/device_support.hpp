// What the RFC 9944 checks share: the schema URIs the RFC assigns (written here from the RFC, not
// taken from any server), the Device endpoint the target advertises, device bodies with a
// run-unique MAC address, and creation with cleanup.
#pragma once

#include <string>
#include <string_view>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::rfc9944 {

// RFC 9944 §3, §6, §7.1-§7.6.
inline constexpr std::string_view kDevice = "urn:ietf:params:scim:schemas:core:2.0:Device";
inline constexpr std::string_view kEndpointApp =
    "urn:ietf:params:scim:schemas:core:2.0:EndpointApp";
inline constexpr std::string_view kBle = "urn:ietf:params:scim:schemas:extension:ble:2.0:Device";
inline constexpr std::string_view kDpp = "urn:ietf:params:scim:schemas:extension:dpp:2.0:Device";
inline constexpr std::string_view kMab =
    "urn:ietf:params:scim:schemas:extension:ethernet-mab:2.0:Device";
inline constexpr std::string_view kFdo =
    "urn:ietf:params:scim:schemas:extension:fido-device-onboard:2.0:Device";
inline constexpr std::string_view kZigbee =
    "urn:ietf:params:scim:schemas:extension:zigbee:2.0:Device";
inline constexpr std::string_view kEndpointAppsExt =
    "urn:ietf:params:scim:schemas:extension:endpointAppsExt:2.0:Device";
inline constexpr std::string_view kPassKey =
    "urn:ietf:params:scim:schemas:extension:pairingPassKey:2.0:Device";

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
