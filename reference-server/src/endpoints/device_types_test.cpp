// RFC 9944 Device and EndpointApp resources through the route table: the RFC's example objects as
// our own test vectors (each round-trips through POST and GET), the characteristics (required,
// mutability, returned, uniqueness), the rules beyond them, filters, PATCH, Bulk, events, groups
// and discovery.
#include "scim/server/endpoints/device_types.hpp"

#include "scim/server/bulk/bulk_executor.hpp"
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

Registry device_registry() {
  auto r = Registry::with_builtin();
  auto st = add_device_types(r);
  EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error());
  return r;
}

const std::string kCore(kDeviceSchema);
const std::string kBle(kBleExtension);
const std::string kDpp(kDppExtension);
const std::string kMab(kMabExtension);
const std::string kFdo(kFdoExtension);
const std::string kZigbee(kZigbeeExtension);
const std::string kApps(kEndpointAppsExtension);
const std::string kPassKey(kPairingPassKey);
const std::string kOob = "urn:ietf:params:scim:schemas:extension:pairingOOB:2.0:Device";

// RFC 9944 §3 "Core Device Example Entries", without the server's id and meta.
json core_device() {
  return {{"schemas", {kCore}}, {"displayName", "BLE Heart Monitor"}, {"active", true}};
}

// RFC 9944 §7.1 "BLE Pairing with both passkey and OOB".
json ble_device(const std::string& mac = "2C:54:91:88:C9:E2") {
  return {{"schemas", {kCore, kBle}},
          {"displayName", "BLE Heart Monitor"},
          {"active", true},
          {kBle,
           {{"versionSupport", {"5.3"}},
            {"deviceMacAddress", mac},
            {"isRandom", false},
            {"separateBroadcastAddress", {"AA:BB:88:77:22:11", "AA:BB:88:77:22:12"}},
            {"mobility", true},
            {"pairingMethods", {kPassKey, kOob}},
            {kPassKey, {{"key", 123456}}},
            {kOob, {{"key", "TheKeyvalueRetrievedFromOOB"}, {"randomNumber", 238796813516896}}}}}};
}

class DeviceTest : public ::testing::Test {
 protected:
  DeviceTest() : h(ServiceConfig{}, RouteParts{}, device_registry()) {}
  json create(const std::string& path, const json& body) {
    auto r = h.call_json("POST", path, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return body_of(r);
  }
  // POST then GET: both answers carry every attribute sent, as sent.
  void expect_round_trip(const std::string& path, const json& body) {
    auto created = create(path, body);
    auto read = body_of(h.call("GET", path + "/" + created.value("id", "")));
    for (const auto& doc : {created, read}) {
      for (const auto& [key, value] : body.items()) EXPECT_EQ(doc[key], value) << key;
      EXPECT_EQ(doc["meta"]["resourceType"], path == "/Devices" ? "Device" : "EndpointApp");
    }
  }
  Harness h;
};

TEST_F(DeviceTest, Rfc9944_3_CoreDeviceExampleRoundTrips) {
  expect_round_trip("/Devices", core_device());
}

TEST_F(DeviceTest, Rfc9944_7_1_BleExampleWithTwoPairingMethodsRoundTrips) {
  expect_round_trip("/Devices", ble_device());
}

TEST_F(DeviceTest, Rfc9944_7_2_DppExampleRoundTrips) {
  expect_round_trip(
      "/Devices",
      {{"schemas", {kCore, kDpp}},
       {"displayName", "WiFi Heart Monitor"},
       {"active", true},
       {kDpp,
        {{"dppVersion", 2},
         {"bootstrappingMethod", {"QR"}},
         {"bootstrapKey",
          "MDkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDIgADURzxmttZoIRIPWGoQMV00XHWCAQIhXruVWOz0NjlkIA="},
         {"deviceMacAddress", "2C:54:91:88:C9:F2"},
         {"classChannel", {"81/1", "115/36"}},
         {"serialNumber", "4774LH2b4044"}}}});
}

TEST_F(DeviceTest, Rfc9944_7_3_MabAnd7_5_ZigbeeExamplesRoundTrip) {
  expect_round_trip("/Devices", {{"schemas", {kCore, kMab}},
                                 {"displayName", "Some random Ethernet Device"},
                                 {"active", true},
                                 {kMab, {{"deviceMacAddress", "2C:54:91:88:C9:E2"}}}});
  expect_round_trip(
      "/Devices",
      {{"schemas", {kCore, kZigbee}},
       {"displayName", "Zigbee Heart Monitor"},
       {"active", true},
       {kZigbee,
        {{"versionSupport", {"3.0"}}, {"deviceEui64Address", "50:32:5F:FF:FE:E7:67:28"}}}});
}

// RFC 9944 §7.4: fdoVoucher is writeOnly and returned "never".
TEST_F(DeviceTest, Rfc9944_7_4_FdoVoucherIsNeverReturned) {
  auto created = create("/Devices", {{"schemas", {kCore, kFdo}},
                                     {"displayName", "Some random Ethernet Device"},
                                     {"active", true},
                                     {kFdo, {{"fdoVoucher", "{... voucher ...}"}}}});
  EXPECT_FALSE(created.contains(kFdo)) << created.dump();
  EXPECT_FALSE(
      body_of(h.call("GET", "/Devices/" + created["id"].get<std::string>())).contains(kFdo));
}

// RFC 9944 §7.1: irk "is mutable and never returned".
TEST_F(DeviceTest, Rfc9944_7_1_IrkIsNeverReturned) {
  auto device = ble_device();
  device[kBle].erase("separateBroadcastAddress");
  device[kBle]["irk"] = "0123456789abcdef0123456789abcdef";
  auto created = create("/Devices", device);
  EXPECT_FALSE(created[kBle].contains("irk"));
  EXPECT_EQ(created[kBle]["deviceMacAddress"], "2C:54:91:88:C9:E2");
}

// RFC 9944 §6 example, and clientToken "generated if no certificateInfo object is provisioned".
TEST_F(DeviceTest, Rfc9944_6_EndpointAppExampleAndGeneratedClientToken) {
  const json app = {
      {"schemas", {std::string(kEndpointAppSchema)}},
      {"applicationType", "deviceControl"},
      {"applicationName", "Device Control App 1"},
      {"certificateInfo", {{"rootCA", "MIIBIjAN..."}, {"subjectName", "www.example.com"}}}};
  expect_round_trip("/EndpointApps", app);
  auto with_cert = create("/EndpointApps", app);
  EXPECT_FALSE(with_cert.contains("clientToken"));
  json telemetry = app;
  telemetry.erase("certificateInfo");
  telemetry["applicationType"] = "telemetry";
  telemetry["clientToken"] = "chosen-by-client";  // readOnly: ignored
  auto generated = create("/EndpointApps", telemetry);
  ASSERT_TRUE(generated["clientToken"].is_string());
  EXPECT_NE(generated["clientToken"], "chosen-by-client");
  EXPECT_EQ(generated["clientToken"].get<std::string>().size(), 43u);
}

TEST_F(DeviceTest, Rfc9944_6_ApplicationTypeIsOneOfTwoValuesAndCannotChange) {
  json app = {{"schemas", {std::string(kEndpointAppSchema)}},
              {"applicationType", "printer"},
              {"applicationName", "x"}};
  EXPECT_THAT(h.call_json("POST", "/EndpointApps", app), IsScimError(400, "invalidValue"));
  app["applicationType"] = "telemetry";
  auto created = create("/EndpointApps", app);
  app["applicationType"] = "deviceControl";
  EXPECT_THAT(h.call_json("PUT", "/EndpointApps/" + created["id"].get<std::string>(), app),
              IsScimError(400, "mutability"));
}

// RFC 9944 §7.6 example: applications[].$ref is set by the service provider.
TEST_F(DeviceTest, Rfc9944_7_6_EndpointAppsExtensionExample) {
  auto device = ble_device();
  device["schemas"].push_back(kApps);
  device[kBle]["pairingMethods"] = {kPassKey};
  device[kBle].erase(kOob);
  device[kApps] = {
      {"applications",
       {{{"value", "e9e30dba-f08f-4109-8486-d5c6a3316212"}},
        {{"value", "e9e30dba-f08f-4109-8486-d5c6a3316333"}}}},
      {"deviceControlEnterpriseEndpoint", "https://example.com/device_control_app_endpoint/"},
      {"telemetryEnterpriseEndpoint", "https://example.com/telemetry_app_endpoint/"}};
  auto created = create("/Devices", device);
  const auto& apps = created[kApps]["applications"];
  ASSERT_EQ(apps.size(), 2u);
  EXPECT_EQ(apps[0]["$ref"],
            std::string(testing::kBase) + "/EndpointApps/e9e30dba-f08f-4109-8486-d5c6a3316212");
  EXPECT_EQ(created[kApps]["telemetryEnterpriseEndpoint"],
            "https://example.com/telemetry_app_endpoint/");
}

TEST_F(DeviceTest, RequiredAttributesAreEnforced) {
  json no_active = core_device();
  no_active.erase("active");
  EXPECT_THAT(h.call_json("POST", "/Devices", no_active), IsScimError(400, "invalidValue"));
  json no_mac = ble_device();
  no_mac[kBle].erase("deviceMacAddress");
  EXPECT_THAT(h.call_json("POST", "/Devices", no_mac), IsScimError(400, "invalidValue"));
}

// RFC 9944 §7.1: deviceMacAddress is unique (case-insensitively, caseExact false); §7.3's MAB
// address has no uniqueness.
TEST_F(DeviceTest, Rfc9944_7_1_BleMacAddressIsUnique) {
  create("/Devices", ble_device());
  EXPECT_THAT(h.call_json("POST", "/Devices", ble_device("2c:54:91:88:c9:e2")),
              IsScimError(409, "uniqueness"));
  create("/Devices", ble_device("2C:54:91:88:C9:E3"));
  const json mab = {{"schemas", {kCore, kMab}},
                    {"active", true},
                    {kMab, {{"deviceMacAddress", "2C:54:91:88:C9:E2"}}}};
  create("/Devices", mab);
  create("/Devices", mab);
}

TEST_F(DeviceTest, RulesBeyondTheCharacteristics) {
  EXPECT_THAT(h.call_json("POST", "/Devices", ble_device("2C-54-91-88-C9-E2")),
              IsScimError(400, "invalidValue"));
  auto both = ble_device();
  both[kBle]["irk"] = "0123456789abcdef";
  EXPECT_THAT(h.call_json("POST", "/Devices", both), IsScimError(400, "invalidValue"));
  auto long_key = ble_device();
  long_key[kBle][kPassKey]["key"] = 1234567;
  EXPECT_THAT(h.call_json("POST", "/Devices", long_key), IsScimError(400, "invalidValue"));
}

TEST_F(DeviceTest, FilterOnCoreAndExtensionAttributes) {
  create("/Devices", ble_device());
  create("/Devices", ble_device("2C:54:91:88:C9:E3"));
  auto r = body_of(h.call("GET", "/Devices", "", {},
                          {{"filter", kBle + ":deviceMacAddress eq \"2c:54:91:88:c9:e3\""}}));
  ASSERT_EQ(r["totalResults"], 1);
  EXPECT_EQ(r["Resources"][0][kBle]["deviceMacAddress"], "2C:54:91:88:C9:E3");
  EXPECT_EQ(body_of(h.call("GET", "/Devices", "", {},
                           {{"filter", "displayName co \"heart\""}}))["totalResults"],
            2);
}

TEST_F(DeviceTest, PatchExtensionAttributesAndKeepTheRules) {
  const std::string id = create("/Devices", ble_device())["id"];
  json patch = {
      {"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
      {"Operations", {{{"op", "replace"}, {"path", kBle + ":mobility"}, {"value", false}}}}};
  auto r = h.call_json("PATCH", "/Devices/" + id, patch);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)[kBle]["mobility"], false);
  patch["Operations"][0] = {{"op", "add"}, {"path", kBle + ":irk"}, {"value", "0011"}};
  EXPECT_THAT(h.call_json("PATCH", "/Devices/" + id, patch), IsScimError(400, "invalidValue"));
}

TEST_F(DeviceTest, WritesAreEventsAndBulkWorks) {
  create("/Devices", core_device());
  ASSERT_FALSE(h.sink.events.empty());
  bulk::BulkExecutor bulk(h.routes, bulk::BulkLimits{});
  Request r;
  r.method = "POST";
  r.path = "/Bulk";
  r.base_url = testing::kBase;
  r.principal.tenant = h.tenant;
  r.body =
      json{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:BulkRequest"}},
           {"Operations",
            {{{"method", "POST"}, {"path", "/Devices"}, {"bulkId", "d1"}, {"data", ble_device()}},
             {{"method", "POST"}, {"path", "/Devices"}, {"bulkId", "d2"}, {"data", ble_device()}}}}}
          .dump();
  auto out = body_of(bulk.handle(r));
  ASSERT_EQ(out["Operations"].size(), 2u);
  EXPECT_EQ(out["Operations"][0]["status"], "201");
  EXPECT_EQ(out["Operations"][1]["status"], "409");  // the same MAC address twice
  EXPECT_EQ(h.sink.events.size(), 2u);
}

// RFC 9944 §4: Group members of type "Device"; the device's groups are computed.
TEST_F(DeviceTest, Rfc9944_4_DevicesAreGroupMembers) {
  const std::string id = create("/Devices", core_device())["id"];
  auto g = h.call_json("POST", "/Groups",
                       {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                        {"displayName", "monitors"},
                        {"members", {{{"value", id}, {"type", "Device"}}}}});
  ASSERT_EQ(g.status, 201) << g.body;
  auto device = body_of(h.call("GET", "/Devices/" + id));
  ASSERT_EQ(device["groups"].size(), 1u);
  EXPECT_EQ(device["groups"][0]["display"], "monitors");
}

TEST_F(DeviceTest, DiscoveryShowsTheTypesAndCharacteristics) {
  auto type = body_of(h.call("GET", "/ResourceTypes/Device"));
  EXPECT_EQ(type["endpoint"], "/Devices");
  ASSERT_EQ(type["schemaExtensions"].size(), 6u);
  for (const auto& e : type["schemaExtensions"]) EXPECT_EQ(e["required"], false);
  auto ble = body_of(h.call("GET", "/Schemas/" + kBle));
  std::map<std::string, json> by_name;
  for (const auto& a : ble["attributes"]) by_name[a["name"]] = a;
  EXPECT_EQ(by_name["irk"]["returned"], "never");
  EXPECT_EQ(by_name["irk"]["mutability"], "writeOnly");
  EXPECT_EQ(by_name["deviceMacAddress"]["uniqueness"], "server");
  EXPECT_EQ(by_name[kPassKey]["type"], "complex");
  EXPECT_EQ(body_of(h.call("GET", "/ResourceTypes/EndpointApp"))["endpoint"], "/EndpointApps");
}

TEST(DevicesOff, TheBuiltInRegistryHasNoDevices) {
  Harness h;
  EXPECT_EQ(h.call("GET", "/Devices").status, 404);
}

}  // namespace
}  // namespace scim::server
