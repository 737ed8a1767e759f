// RFC 9944 rules beyond the schema characteristics (see device_rules.hpp).
#include "scim/server/endpoints/device_rules.hpp"

#include <openssl/rand.h>

#include <cctype>
#include <stdexcept>
#include <string>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/error.hpp"
#include "scim/server/endpoints/device_types.hpp"

namespace scim::server {
namespace {

// `octets` pairs of hexadecimal digits separated by ':' (RFC 9944 §7.1:
// "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$" for six octets).
bool is_hex_octets(const std::string& text, std::size_t octets) {
  if (text.size() != octets * 3 - 1) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool colon = i % 3 == 2;
    if (colon ? text[i] != ':' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

const nlohmann::json* find(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

Status<> check_address(const nlohmann::json& ext, std::string_view attribute, std::size_t octets,
                       std::string_view section) {
  const auto* v = find(ext, attribute);
  if (!v || (v->is_string() && is_hex_octets(v->get<std::string>(), octets))) return Ok{};
  return invalid_value(std::string(attribute) + " must be " + std::to_string(octets) +
                       " colon-separated pairs of hexadecimal digits, e.g. 2C:54:91:88:C9:E2 "
                       "(RFC 9944 " +
                       std::string(section) + ")");
}

Status<> check_ble(const nlohmann::json& ble) {
  if (auto st = check_address(ble, "deviceMacAddress", 6, "§7.1"); !st) return st;
  if (find(ble, "irk") && find(ble, "separateBroadcastAddress")) {
    return invalid_value(
        "separateBroadcastAddress \"MUST NOT be set when an IRK is provided\" (RFC 9944 §7.1)");
  }
  const auto* passkey = find(ble, kPairingPassKey);
  const auto* key = passkey ? find(*passkey, "key") : nullptr;
  if (key &&
      (!key->is_number_integer() || key->get<long long>() < 0 || key->get<long long>() > 999'999)) {
    return invalid_value("the passkey must be six digits, 000000 to 999999 (RFC 9944 §7.1.3)");
  }
  return Ok{};
}

}  // namespace

Status<> check_device_rules(const ResourceType& type, const nlohmann::json& resource) {
  if (type.schema != kDeviceSchema) return Ok{};
  if (const auto* ble = find(resource, kBleExtension)) {
    if (auto st = check_ble(*ble); !st) return st;
  }
  if (const auto* dpp = find(resource, kDppExtension)) {
    if (auto st = check_address(*dpp, "deviceMacAddress", 6, "§7.2"); !st) return st;
  }
  if (const auto* mab = find(resource, kMabExtension)) {
    if (auto st = check_address(*mab, "deviceMacAddress", 6, "§7.3"); !st) return st;
  }
  if (const auto* zigbee = find(resource, kZigbeeExtension)) {
    if (auto st = check_address(*zigbee, "deviceEui64Address", 8, "§7.5"); !st) return st;
  }
  return Ok{};
}

void complete_new_device_resource(const ResourceType& type, nlohmann::json& resource) {
  if (type.schema != kEndpointAppSchema || find(resource, "certificateInfo")) return;
  std::string bytes(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), 32) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  resource["clientToken"] = base64url_encode(bytes);
}

}  // namespace scim::server
