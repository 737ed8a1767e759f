// The capabilities a check can need, as typed constants so that a misspelt one fails to compile.
// A check needing a capability the target does not advertise is skipped with the reason
// (Capabilities::has: RFC 7643 §5 ServiceProviderConfig, §6 ResourceType, RFC 9967 §4
// securityEvents, RFC 9865 §4 pagination, RFC 9944 §2 the Device resource type). The names are what
// `scim-conformance list`, CheckInfo::capabilities and the JSON report show.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace scim::conf {

enum class Capability {
  Patch,
  Bulk,
  Filter,
  Sort,
  Etag,
  ChangePassword,
  Me,  // not advertised by SCIM: decided by probing /Me
  Events,
  Async,
  Users,
  Groups,
  EnterpriseUser,
  Cursor,   // RFC 9865 §4: ServiceProviderConfig pagination.cursor is true
  Devices,  // RFC 9944 §2: a resource type whose schema is the core Device schema
};

// Every capability, in the order the console lists what a target advertises.
inline constexpr std::array kAllCapabilities = {
    Capability::Patch,  Capability::Bulk,           Capability::Filter, Capability::Sort,
    Capability::Etag,   Capability::ChangePassword, Capability::Me,     Capability::Events,
    Capability::Async,  Capability::Users,          Capability::Groups, Capability::EnterpriseUser,
    Capability::Cursor, Capability::Devices};

constexpr std::string_view to_string(Capability capability) {
  switch (capability) {
    case Capability::Patch:
      return "patch";
    case Capability::Bulk:
      return "bulk";
    case Capability::Filter:
      return "filter";
    case Capability::Sort:
      return "sort";
    case Capability::Etag:
      return "etag";
    case Capability::ChangePassword:
      return "changePassword";
    case Capability::Me:
      return "me";
    case Capability::Events:
      return "events";
    case Capability::Async:
      return "async";
    case Capability::Users:
      return "users";
    case Capability::Groups:
      return "groups";
    case Capability::EnterpriseUser:
      return "enterpriseUser";
    case Capability::Cursor:
      return "cursor";
    case Capability::Devices:
      return "devices";
  }
  return {};
}

// The capability named `name` exactly as to_string() spells it; nullopt for any other text.
constexpr std::optional<Capability> parse_capability(std::string_view name) {
  for (Capability capability : kAllCapabilities) {
    if (to_string(capability) == name) return capability;
  }
  return std::nullopt;
}

// The names checks use: `.needs = {cap::kUsers, cap::kPatch}`.
namespace cap {
inline constexpr Capability kPatch = Capability::Patch;
inline constexpr Capability kBulk = Capability::Bulk;
inline constexpr Capability kFilter = Capability::Filter;
inline constexpr Capability kSort = Capability::Sort;
inline constexpr Capability kEtag = Capability::Etag;
inline constexpr Capability kChangePassword = Capability::ChangePassword;
inline constexpr Capability kMe = Capability::Me;
inline constexpr Capability kEvents = Capability::Events;
inline constexpr Capability kAsync = Capability::Async;
inline constexpr Capability kUsers = Capability::Users;
inline constexpr Capability kGroups = Capability::Groups;
inline constexpr Capability kEnterpriseUser = Capability::EnterpriseUser;
inline constexpr Capability kCursor = Capability::Cursor;
inline constexpr Capability kDevices = Capability::Devices;
}  // namespace cap

}  // namespace scim::conf
