// Profile names (profile.hpp).
#include "scim/protocol/profile.hpp"

#include <cstddef>

namespace scim {

std::string_view to_string(Profile profile) {
  return kProfileNames[static_cast<std::size_t>(profile)];
}

std::optional<Profile> parse_profile(std::string_view name) {
  for (std::size_t i = 0; i < kProfileNames.size(); ++i) {
    if (kProfileNames[i] == name) return static_cast<Profile>(i);
  }
  return std::nullopt;
}

}  // namespace scim
