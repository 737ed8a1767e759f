// Shared fixtures for the write-engine tests: the built-in registry, RFC 7643 §8 style resources,
// a PatchOp body builder and an assertion on the specific SCIM error (status + scimType).
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/engine/patch/patch.hpp"

namespace scim::engine::testing_support {

inline constexpr const char* kBabs = "2819c223-7f76-453a-919d-413861904646";
inline constexpr const char* kJames = "08e1d05d-121c-4561-8b96-473d93df9210";
inline constexpr const char* kGroupId = "acbf3ae7-8463-4692-b4fd-9b4da3f908ce";

inline WriteOptions lenient_mode() {
  WriteOptions options;
  options.lenient = true;
  return options;
}

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
