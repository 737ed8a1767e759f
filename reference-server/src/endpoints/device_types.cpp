// RFC 9944 resource types (see device_types.hpp): our schema documents are embedded from
// reference-server/schemas/rfc9944/ and registered with two resource types.
#include "scim/server/endpoints/device_types.hpp"

#include "scim/protocol/schema_loader.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/endpoints/device_schema_data.hpp"

namespace scim::server {
namespace {

constexpr std::string_view kPairingPrefix = "urn:ietf:params:scim:schemas:extension:pairing";

Result<std::vector<Schema>, std::string> parse_document(std::string_view file) {
  const auto doc = nlohmann::json::parse(device_data::embedded(file), nullptr, false);
  if (doc.is_discarded()) return Unexpected{std::string(file) + ": not JSON"};
  std::vector<Schema> out;
  for (const auto& item : doc.is_array() ? doc : nlohmann::json::array({doc})) {
    auto schema = parse_schema(item, file);
    if (!schema) return Unexpected{schema.error()};
    out.push_back(std::move(*schema));
  }
  return out;
}

// RFC 9944 §7.1.3: "Pairing method extensions are nested inside the BLE extension", each object
// under its pairing schema URI. They become complex attributes of the BLE schema named by that
// URI (pairingNull has no attributes, so nothing nests for it).
void nest_pairing_methods(std::vector<Schema>& ble) {
  Schema* host = nullptr;
  for (auto& s : ble)
    if (s.id == kBleExtension) host = &s;
  if (!host) return;
  for (const auto& s : ble) {
    if (s.id.rfind(kPairingPrefix, 0) != 0 || s.attributes.empty()) continue;
    Attribute nested;
    nested.name = s.id;
    nested.type = AttributeType::Complex;
    nested.description = s.description;
    nested.sub_attributes = s.attributes;
    host->attributes.push_back(std::move(nested));
  }
}

// RFC 9944 §4: Group members "type" MUST be "Device" for devices and "EndpointApp" for endpoint
// applications, so the Group schema's canonical member types and $ref targets grow by both.
void widen_group_members(Registry& registry) {
  registry.edit_schema(urn::kGroup, [](Schema& group) {
    for (auto& a : group.attributes) {
      if (a.name != "members") continue;
      for (auto& sub : a.sub_attributes) {
        auto& list = sub.name == "type" ? sub.canonical_values : sub.reference_types;
        if (sub.name != "type" && sub.name != "$ref") continue;
        for (const char* t : {"Device", "EndpointApp"}) list.emplace_back(t);
      }
    }
  });
}

}  // namespace

Status<std::string> add_device_types(Registry& registry) {
  for (const char* file :
       {"device.json", "endpoint-app.json", "ble.json", "dpp.json", "ethernet-mab.json", "fdo.json",
        "zigbee.json", "endpoint-apps-ext.json"}) {
    auto schemas = parse_document(file);
    if (!schemas) return Unexpected{schemas.error()};
    nest_pairing_methods(*schemas);
    for (auto& s : *schemas) {
      if (auto st = registry.add_schema(std::move(s)); !st) return st;
    }
  }
  // RFC 9944 §7: "No schemaExtensions list is specified in that definition. Instead, IANA
  // registry entries are created, where all values for "required" are set to false."
  std::vector<SchemaExtension> extensions;
  for (auto urn : {kBleExtension, kDppExtension, kMabExtension, kFdoExtension, kZigbeeExtension,
                   kEndpointAppsExtension}) {
    extensions.push_back({std::string(urn), false});
  }
  if (auto st = registry.add_resource_type({"Device", "Device", "Device Account", "/Devices",
                                            std::string(kDeviceSchema), std::move(extensions)});
      !st) {
    return st;
  }
  // RFC 9944 §5's resource-type representation says "/EndpointApp", its example locations
  // "/EndpointApps"; the plural matches every other SCIM endpoint (docs/decisions.md).
  if (auto st =
          registry.add_resource_type({"EndpointApp",
                                      "EndpointApp",
                                      "Endpoint application such as device control and telemetry.",
                                      "/EndpointApps",
                                      std::string(kEndpointAppSchema),
                                      {}});
      !st) {
    return st;
  }
  widen_group_members(registry);
  return Ok{};
}

}  // namespace scim::server
