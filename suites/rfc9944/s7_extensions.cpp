// RFC 9944 §7 SCIM Device Extensions: a device with each extension the target lists is created
// and read back with the values returned by default (§7.1.1 BLE, §7.2.1 DPP, §7.3.1 Ethernet MAB,
// §7.4 FDO, §7.5.1 Zigbee, §7.6.1 endpoint applications); the BLE MAC address is unique where the
// target's schema says so, the IRK is never returned, and mobility is mutable by PATCH.
#include <cctype>

#include "device_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9944 {
namespace s7_extensions_local {

struct Extension {
  const char* section;
  const char* section_title;
  const char* slug;
  const char* title;
  const char* requirement;
  std::string_view urn;
  json (*body)(conf::Context&);
  const char* returned;  // an attribute returned by default, compared after the round trip
};

json ble(conf::Context& ctx) {
  return ble_extension(unique_mac(ctx, "ble"));
}
json dpp(conf::Context& ctx) {
  return {{"dppVersion", 2},
          {"bootstrappingMethod", {"QR"}},
          {"bootstrapKey",
           "MDkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDIgADVm9pZGtleS1mb3ItYS1jb25mb3JtYW5jZS1ydW4AAAA="},
          {"deviceMacAddress", unique_mac(ctx, "dpp")},
          {"serialNumber", "SN4774"}};
}
json mab(conf::Context& ctx) {
  return {{"deviceMacAddress", unique_mac(ctx, "mab")}};
}
json fdo(conf::Context&) {
  return {
      {"fdoVoucher", "-----BEGIN OWNERSHIP VOUCHER-----\nAAAA\n-----END OWNERSHIP VOUCHER-----"}};
}
json zigbee(conf::Context& ctx) {
  return {{"versionSupport", {"3.0"}}, {"deviceEui64Address", unique_mac(ctx, "zigbee", 8)}};
}
json endpoint_apps(conf::Context&) {
  // An application id in UUID form (RFC 9944 §7.6.2); $ref is readOnly, the server's to set.
  return {{"applications", {{{"value", "6c1d1c5e-4b7e-4f61-9a35-0b5f6f0e2a11"}}}},
          {"deviceControlEnterpriseEndpoint", "https://gateway.example.com/control/"},
          {"telemetryEnterpriseEndpoint", "https://gateway.example.com/telemetry/"}};
}

const Extension kExtensions[] = {
    {"7.1.1", "BLE Extension: Singular Attributes", "ble-device-round-trips",
     "a device with the BLE extension is created and read back",
     "It is required, case insensitive, is mutable, and is returned by default.", kBle, ble,
     "deviceMacAddress"},
    {"7.2.1", "Wi-Fi Easy Connect Extension: Singular Attributes", "dpp-device-round-trips",
     "a device with the DPP extension is created and read back",
     "This attribute is required, case-sensitive, mutable, and returned by default.", kDpp, dpp,
     "bootstrapKey"},
    {"7.3.1", "Ethernet MAB Extension: Single Attribute", "mab-device-round-trips",
     "a device with the Ethernet MAB extension round-trips",
     "This is the Ethernet address to be provisioned onto the network.", kMab, mab,
     "deviceMacAddress"},
    {"7.4", "FIDO Device Onboard Extension", "fdo-voucher-accepted",
     "a device with an FDO voucher is accepted",
     "The SCIM server MUST know how to process the voucher, either directly or by forwarding it "
     "along to an owner process as defined in the FDO specification.",
     kFdo, fdo, nullptr},
    {"7.5.1", "Zigbee Extension: Singular Attribute", "zigbee-device-round-trips",
     "a device with the Zigbee extension round-trips",
     "This attribute is required, case insensitive, mutable, and returned by default. It takes "
     "the same form as the deviceMACaddress in the BLE extension.",
     kZigbee, zigbee, "deviceEui64Address"},
    {"7.6.1", "Endpoint Applications Extension: Singular Attributes",
     "endpoint-apps-device-round-trips",
     "a device with the endpoint applications extension round-trips",
     "This attribute is required, case-sensitive, mutable, and returned by default.",
     kEndpointAppsExt, endpoint_apps, "deviceControlEnterpriseEndpoint"},
};

void round_trip(conf::Context& ctx, const Extension& e) {
  require_extension(ctx, e.urn);
  const json ext = e.body(ctx);
  const json body = device_body(ctx, {{std::string(e.urn), ext}});
  const json read = read_device(ctx, created_device(ctx, body, "POST of the device"));
  if (e.returned == nullptr) return;
  const json* got = member(read, e.urn);
  const json* value = got ? member(*got, e.returned) : nullptr;
  const std::string sent = ext[e.returned].get<std::string>();
  // Case-insensitive attributes (MAC addresses) may come back in another case.
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  ctx.expect(
      value != nullptr && value->is_string() && lower(value->get<std::string>()) == lower(sent),
      std::string(e.returned) + " is returned by default", sent,
      value ? brief(*value) : brief(read));
}

constexpr const char* kUnique = "It is a unique 48-bit value.";
constexpr const char* kIrk = "It is mutable and never returned.";
constexpr const char* kMobility = "It is returned by default and mutable.";

void mac_unique(conf::Context& ctx) {
  require_extension(ctx, kBle);
  const std::string path = std::string(kBle) + ":deviceMacAddress";
  const auto* attr = ctx.caps().attribute(device_type(ctx), path);
  if (attr == nullptr) ctx.skip("the target's BLE schema does not define deviceMacAddress");
  if (attr->uniqueness == Uniqueness::None)
    ctx.skip("the target declares BLE deviceMacAddress uniqueness \"none\"");
  const std::string mac = unique_mac(ctx, "ble-unique");
  created_device(ctx, device_body(ctx, {{std::string(kBle), ble_extension(mac)}}),
                 "POST of the first device");
  ctx.expect_scim_error(
      create_device(ctx, device_body(ctx, {{std::string(kBle), ble_extension(mac)}})), 409,
      "uniqueness");
}

void irk_never_returned(conf::Context& ctx) {
  require_extension(ctx, kBle);
  json ext = ble_extension(unique_mac(ctx, "ble-irk"));
  ext["isRandom"] = true;
  ext["irk"] = "0123456789ABCDEF0123456789ABCDEF";
  const json created = created_device(ctx, device_body(ctx, {{std::string(kBle), ext}}),
                                      "POST of a device with an IRK");
  auto no_irk = [&](const json& document, const char* where) {
    const json* got = member(document, kBle);
    ctx.expect(got == nullptr || !has_member(*got, "irk"),
               std::string("irk is never returned: ") + where, "no irk", brief(document));
  };
  no_irk(created, "the POST response");
  no_irk(read_device(ctx, created), "a GET");
}

void mobility_patch(conf::Context& ctx) {
  require_extension(ctx, kBle);
  const json device = created_device(
      ctx, device_body(ctx, {{std::string(kBle), ble_extension(unique_mac(ctx, "ble-m"))}}),
      "POST of a BLE device");
  const std::string path = path_of(ctx, device_endpoint(ctx), device);
  const json op = {{"op", "replace"}, {"path", std::string(kBle) + ":mobility"}, {"value", false}};
  const auto r = ctx.patch(path, patch_body(json::array({op})));
  ctx.expect(r.status == 200 || r.status == 204, "PATCH replace of mobility succeeds", "200/204",
             brief(r));
  const json read = read_device(ctx, device);
  const json* ble = member(read, kBle);
  const json* mobility = ble ? member(*ble, "mobility") : nullptr;
  ctx.expect(mobility != nullptr && *mobility == false, "mobility reads back false", "false",
             mobility ? brief(*mobility) : "absent");
}

}  // namespace s7_extensions_local

void register_s7(conf::Catalog& catalog) {
  using namespace s7_extensions_local;
  const Needs caps = {cap::kDevices};
  for (const auto& e : kExtensions) {
    SectionBuilder s(catalog, rfc9944_spec(catalog), e.section, e.section_title);
    s.add({.slug = e.slug,
           .title = e.title,
           .level = kMust,
           .requirement = e.requirement,
           .tags = {conf::Tag{"devices"}, tag::kExtensions},
           .needs = caps,
           .run = [&e](conf::Context& ctx) { round_trip(ctx, e); }});
  }
  SectionBuilder ble(catalog, rfc9944_spec(catalog), "7.1.1", kExtensions[0].section_title);
  ble.add({.slug = "ble-mac-unique",
           .title = "a second device with the same BLE MAC address: 409 uniqueness",
           .level = kMust,
           .requirement = kUnique,
           .tags = {conf::Tag{"devices"}, tag::kCreate},
           .needs = caps,
           .run = mac_unique});
  ble.add({.slug = "ble-irk-never-returned",
           .title = "the BLE irk is never returned",
           .level = kMust,
           .requirement = kIrk,
           .tags = {conf::Tag{"devices"}, tag::kAttributes},
           .needs = caps,
           .run = irk_never_returned});
  ble.add({.slug = "ble-mobility-patch",
           .title = "BLE mobility is replaced by PATCH",
           .level = kMust,
           .requirement = kMobility,
           .tags = {conf::Tag{"devices"}, tag::kPatch},
           .needs = {cap::kDevices, cap::kPatch},
           .run = mobility_patch});
}

}  // namespace scim::suites::rfc9944
