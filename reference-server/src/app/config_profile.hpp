// The --profile flag and its bundle (docs/server.md "Profiles"): the flags of the profile
// options, and apply_profile, which hands the chosen profile to each component's own apply().
#pragma once

#include <string>

#include "scim/server/app/config.hpp"

namespace CLI {
class App;
}

namespace scim::app {

// What the profile flags set before they are applied.
struct ProfileFlags {
  std::string profile;  // "rfc", "interop", "ipsie-al1"; empty: the file's or rfc
  bool tls13_only = false;
};

void register_profile_flags(CLI::App& app, ServerConfig& c, ProfileFlags& f);

// Applies the flags, then the profile bundle: ServiceConfig::apply, HttpOptions::apply,
// RateLimitOptions::apply and the registry's declared type values. A profile only tightens: sizes
// it raises keep a larger configured value.
Status<std::string> apply_profile(const ProfileFlags& f, ServerConfig& c);

// RFC 7643 §2.3 canonicalValues for every "type" sub-attribute of a multi-valued attribute that
// declares none (interop profile §5.4): "work", "home", "other", the values RFC 7643 gives emails
// and addresses.
void declare_type_values(Schema& schema);

}  // namespace scim::app
