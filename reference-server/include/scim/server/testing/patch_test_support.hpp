// Shared fixtures for the write tests (validate, patch, lenient): the built-in registry, RFC 7643
// §8 style resources, a PatchOp body builder and an assertion on the specific SCIM error (status +
// scimType). Engine-free, so each folder's tests include only the engine headers they test.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::engine::testing_support {

inline constexpr const char* kBabs = "2819c223-7f76-453a-919d-413861904646";
inline constexpr const char* kJames = "08e1d05d-121c-4561-8b96-473d93df9210";
inline constexpr const char* kGroupId = "acbf3ae7-8463-4692-b4fd-9b4da3f908ce";

class WriteTest : public ::testing::Test {
 protected:
  Registry registry = Registry::with_builtin();
  const ResourceType& user() const { return *registry.find_resource_type("User"); }
  const ResourceType& group() const { return *registry.find_resource_type("Group"); }

  // A stored Group with one member (RFC 7644 §3.5.2 examples).
  static nlohmann::json tour_guides() {
    return {{"schemas", {urn::kGroup}},
            {"id", kGroupId},
            {"displayName", "Tour Guides"},
            {"members",
             {{{"value", kBabs},
               {"$ref", std::string("https://example.com/v2/Users/") + kBabs},
               {"display", "Babs Jensen"}}}},
            {"meta", {{"resourceType", "Group"}, {"version", "W/\"a330bc54f0671c9\""}}}};
  }

  // A stored User shaped like RFC 7643 §8.2 (abridged).
  static nlohmann::json bjensen() {
    return {{"schemas", {urn::kUser}},
            {"id", kBabs},
            {"userName", "bjensen"},
            {"externalId", "bjensen"},
            {"active", true},
            {"name", {{"familyName", "Jensen"}, {"givenName", "Barbara"}}},
            {"emails",
             {{{"value", "bjensen@example.com"}, {"type", "work"}, {"primary", true}},
              {{"value", "babs@jensen.org"}, {"type", "home"}}}},
            {"addresses",
             {{{"type", "work"},
               {"streetAddress", "100 Universal City Plaza"},
               {"locality", "Hollywood"},
               {"primary", false}},
              {{"type", "home"}, {"streetAddress", "456 Hollywood Blvd"}, {"primary", true}}}},
            {"meta", {{"resourceType", "User"}, {"lastModified", "2011-08-01T18:29:49.793Z"}}}};
  }

  static nlohmann::json patch(nlohmann::json operations) {
    return {{"schemas", {urn::kPatchOp}}, {"Operations", std::move(operations)}};
  }
};

// A "Device" resource type (not in RFC 7643) with an immutable "serial", a required "label" and a
// required extension "Badge" with a required "label": immutability and required extensions.
class DeviceTest : public WriteTest {
 protected:
  void SetUp() override {
    Schema device{"urn:example:schemas:Device", "Device", "", {}};
    Attribute serial;
    serial.name = "serial";
    serial.mutability = Mutability::Immutable;
    Attribute label;
    label.name = "label";
    label.required = true;
    device.attributes = {serial, label};
    Schema badge{"urn:example:schemas:extension:Badge", "Badge", "", {label}};
    ASSERT_TRUE(registry.add_schema(device).ok());
    ASSERT_TRUE(registry.add_schema(badge).ok());
    ASSERT_TRUE(registry
                    .add_resource_type(ResourceType{
                        "Device", "Device", "", "/Devices", device.id, {{badge.id, true}}})
                    .ok());
  }
  const ResourceType& device() const { return *registry.find_resource_type("Device"); }
  nlohmann::json input(const char* serial) const {
    nlohmann::json j = {
        {"schemas", {"urn:example:schemas:Device", "urn:example:schemas:extension:Badge"}},
        {"label", "l"},
        {"urn:example:schemas:extension:Badge", {{"label", "b"}}}};
    if (serial != nullptr) j["serial"] = serial;
    return j;
  }
};

// Passes when `result` failed with exactly this status and scimType.
template <class R>
::testing::AssertionResult IsScimError(const R& result, int status, ScimType type) {
  if (result.ok()) return ::testing::AssertionFailure() << "expected an error, got success";
  const ScimError& e = result.error();
  if (e.status == status && e.scim_type == type) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected " << status << " " << to_string(type) << ", got " << e.status << " "
         << to_string(e.scim_type) << ": " << e.detail;
}

// The detail of a failed result, or "" (for "names the attribute" checks).
template <class R>
std::string detail_of(const R& result) {
  return result.ok() ? std::string() : result.error().detail;
}

}  // namespace scim::engine::testing_support
