// The resource types of RFC 9944 (SCIM device schema extensions): Device (/Devices) with its six
// extensions (BLE, Wi-Fi Easy Connect/DPP, Ethernet MAB, FIDO Device Onboard, Zigbee, endpoint
// applications) and EndpointApp (/EndpointApps). The schemas are this project's own documents in
// reference-server/schemas/rfc9944/, derived from the RFC's prose (docs/decisions.md lists where
// its tables, prose and JSON disagree and what we chose).
#pragma once

#include <string>
#include <string_view>

#include "scim/protocol/device_urns.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::server {

// The RFC 9944 URNs under the names this folder uses (scim/protocol/device_urns.hpp).
inline constexpr std::string_view kDeviceSchema = urn::kDevice;
inline constexpr std::string_view kEndpointAppSchema = urn::kEndpointApp;
inline constexpr std::string_view kBleExtension = urn::kBleDevice;
inline constexpr std::string_view kDppExtension = urn::kDppDevice;
inline constexpr std::string_view kMabExtension = urn::kMabDevice;
inline constexpr std::string_view kFdoExtension = urn::kFdoDevice;
inline constexpr std::string_view kZigbeeExtension = urn::kZigbeeDevice;
inline constexpr std::string_view kEndpointAppsExtension = urn::kEndpointAppsExtDevice;
inline constexpr std::string_view kPairingPassKey = urn::kPairingPassKey;

// Adds the RFC 9944 schemas and resource types to `registry` (after the RFC 7643 built-ins) and
// lets Group members name them (RFC 9944 §4: members "type" is "Device" or "EndpointApp").
Status<std::string> add_device_types(Registry& registry);

}  // namespace scim::server
