// RFC 9944 rules that schema characteristics cannot express, applied to Device and EndpointApp
// resources after validation and before the store commits them (POST, PUT, PATCH, Bulk alike).
#pragma once

#include <nlohmann/json.hpp>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::server {

// 400 invalidValue for: a deviceMacAddress that is not six colon-separated hexadecimal octets
// (RFC 9944 §7.1 pattern, also §7.2 and §7.3 "identical form"); a deviceEui64Address that is not
// eight (§7.5, an EUI-64); a BLE irk together with separateBroadcastAddress (§7.1 "MUST NOT be
// set when an IRK is provided"); a passkey outside 000000-999999 (§7.1.3 "^[0-9]{6}$"). Other
// resource types pass untouched.
Status<> check_device_rules(const ResourceType& type, const nlohmann::json& resource);

// RFC 9944 §6: clientToken is "generated if no certificateInfo object is provisioned": a new
// EndpointApp without certificateInfo gets a random token (256 bits, base64url).
void complete_new_device_resource(const ResourceType& type, nlohmann::json& resource);

}  // namespace scim::server
