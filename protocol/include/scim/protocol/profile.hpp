// The published SCIM profiles a deployment can be configured to conform to, by name: plain RFC
// 7643/7644 ("rfc"), the SCIM 2.0 Interoperability Profile (draft-zollner-scim-interop-profile,
// "interop") and the IPSIE AL1 SCIM 2.0 Profile ("ipsie-al1"). Each server component maps a
// profile to its own options (ServiceConfig::apply, HttpOptions::apply, ...).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace scim {

enum class Profile { Rfc, Interop, IpsieAl1 };

inline constexpr std::array<std::string_view, 3> kProfileNames = {"rfc", "interop", "ipsie-al1"};

std::string_view to_string(Profile profile);
std::optional<Profile> parse_profile(std::string_view name);

}  // namespace scim
