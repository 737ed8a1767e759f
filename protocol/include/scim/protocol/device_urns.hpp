// URN constants of RFC 9944 (SCIM device schema extensions): the Device and EndpointApp core
// schemas (§3, §6), the six Device extensions (§7.1-§7.6) and the BLE passkey pairing method
// (§7.1.3). Wire vocabulary shared by the reference server and the judge, like urns.hpp.
#pragma once

#include <string_view>

namespace scim::urn {

inline constexpr std::string_view kDevice = "urn:ietf:params:scim:schemas:core:2.0:Device";
inline constexpr std::string_view kEndpointApp =
    "urn:ietf:params:scim:schemas:core:2.0:EndpointApp";
inline constexpr std::string_view kBleDevice =
    "urn:ietf:params:scim:schemas:extension:ble:2.0:Device";
inline constexpr std::string_view kDppDevice =
    "urn:ietf:params:scim:schemas:extension:dpp:2.0:Device";
inline constexpr std::string_view kMabDevice =
    "urn:ietf:params:scim:schemas:extension:ethernet-mab:2.0:Device";
inline constexpr std::string_view kFdoDevice =
    "urn:ietf:params:scim:schemas:extension:fido-device-onboard:2.0:Device";
inline constexpr std::string_view kZigbeeDevice =
    "urn:ietf:params:scim:schemas:extension:zigbee:2.0:Device";
inline constexpr std::string_view kEndpointAppsExtDevice =
    "urn:ietf:params:scim:schemas:extension:endpointAppsExt:2.0:Device";
inline constexpr std::string_view kPairingPassKey =
    "urn:ietf:params:scim:schemas:extension:pairingPassKey:2.0:Device";

}  // namespace scim::urn
