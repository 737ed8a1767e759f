// The resource types of RFC 9944 (SCIM device schema extensions): Device (/Devices) with its six
// extensions (BLE, Wi-Fi Easy Connect/DPP, Ethernet MAB, FIDO Device Onboard, Zigbee, endpoint
// applications) and EndpointApp (/EndpointApps). The schemas are this project's own documents in
// reference-server/schemas/rfc9944/, derived from the RFC's prose (docs/decisions.md lists where
// its tables, prose and JSON disagree and what we chose).
#pragma once

#include <string>
#include <string_view>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::server {

inline constexpr std::string_view kDeviceSchema = "urn:ietf:params:scim:schemas:core:2.0:Device";
inline constexpr std::string_view kEndpointAppSchema =
    "urn:ietf:params:scim:schemas:core:2.0:EndpointApp";
inline constexpr std::string_view kBleExtension =
    "urn:ietf:params:scim:schemas:extension:ble:2.0:Device";
inline constexpr std::string_view kDppExtension =
    "urn:ietf:params:scim:schemas:extension:dpp:2.0:Device";
inline constexpr std::string_view kMabExtension =
    "urn:ietf:params:scim:schemas:extension:ethernet-mab:2.0:Device";
inline constexpr std::string_view kFdoExtension =
    "urn:ietf:params:scim:schemas:extension:fido-device-onboard:2.0:Device";
inline constexpr std::string_view kZigbeeExtension =
    "urn:ietf:params:scim:schemas:extension:zigbee:2.0:Device";
inline constexpr std::string_view kEndpointAppsExtension =
    "urn:ietf:params:scim:schemas:extension:endpointAppsExt:2.0:Device";
inline constexpr std::string_view kPairingPassKey =
    "urn:ietf:params:scim:schemas:extension:pairingPassKey:2.0:Device";

// Adds the RFC 9944 schemas and resource types to `registry` (after the RFC 7643 built-ins) and
// lets Group members name them (RFC 9944 §4: members "type" is "Device" or "EndpointApp").
Status<std::string> add_device_types(Registry& registry);

}  // namespace scim::server
