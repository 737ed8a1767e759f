// --profile: the published profiles as named bundles of the components' options.
#include "config_profile.hpp"

#include <CLI/CLI.hpp>
#include <string_view>
#include <vector>

#include "scim/protocol/strings.hpp"

namespace scim::app {

void register_profile_flags(CLI::App& app, ServerConfig& c, ProfileFlags& f) {
  app.add_option("--profile", f.profile,
                 "rfc (default) | interop (SCIM 2.0 Interoperability Profile) | ipsie-al1 "
                 "(IPSIE AL1, which includes interop): see docs/server.md \"Profiles\"");
  app.add_option("--rate-limit", c.rate_limit.list_per_second,
                 "List requests (GET of a collection, .search) per second per tenant; beyond: "
                 "429 + Retry-After (0 = off; ipsie-al1 default 50)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--rate-limit-burst", c.rate_limit.burst, "List requests a tenant may burst")
      ->check(CLI::PositiveNumber);
  app.add_flag("--tls13-only", f.tls13_only, "Serve TLS 1.3 only (the profiles' default)");
}

Status<std::string> apply_profile(const ProfileFlags& f, ServerConfig& c) {
  if (!f.profile.empty()) {
    auto profile = parse_profile(f.profile);
    if (!profile) {
      return Unexpected{"--profile must be rfc, interop or ipsie-al1, got \"" + f.profile + "\""};
    }
    c.profile = *profile;
  }
  if (f.tls13_only) c.http.tls.tls13_only = true;
  // The profiles make what --no-patch and --no-filter switch off mandatory (interop §6.3 "The
  // filter query parameter MUST be supported", §6.5 "Service Providers MUST support the PATCH
  // operation").
  if (c.profile != Profile::Rfc && (!c.service.features.patch || !c.service.features.filter)) {
    return Unexpected{"--profile " + std::string(to_string(c.profile)) +
                      " requires PATCH and filtering: drop --no-patch and --no-filter"};
  }
  c.service.apply(c.profile);
  c.http.apply(c.profile);
  c.rate_limit.apply(c.profile);
  if (c.profile != Profile::Rfc) c.registry.declare_type_values = true;
  return Ok{};
}

namespace {

// The values a "type" gets when its schema declares none. RFC 7643 §5 names the authentication
// scheme types ("This specification defines the values ..."); for the User attributes without
// values (entitlements, roles, x509Certificates) the choice is the one RFC 7643 §8.7.1 makes for
// emails and addresses.
std::vector<std::string> type_values_for(std::string_view attribute) {
  if (iequals(attribute, "authenticationSchemes"))
    return {"oauth", "oauth2", "oauthbearertoken", "httpbasic", "httpdigest"};
  return {"work", "home", "other"};
}

}  // namespace

void declare_type_values(Schema& schema) {
  for (auto& attribute : schema.attributes) {
    if (!attribute.multi_valued || !attribute.is_complex()) continue;
    for (auto& sub : attribute.sub_attributes) {
      if (iequals(sub.name, "type") && sub.canonical_values.empty())
        sub.canonical_values = type_values_for(attribute.name);
    }
  }
}

}  // namespace scim::app
