// The published profiles' client requirements as data (grading.hpp, ClientRequirement): each
// sentence that binds the client and that a server can observe in the requests it receives, with
// the profile's own level. Quotes are verified against the drafts by suites/tests/quotes_test.cpp.
// Not here, because a server cannot see them: interop §6.1 (a client "MUST use /{id} when
// retrieving a known resource": the server cannot tell a known resource from a lookup), IPSIE
// §3.1's JWT client authentication and scope (exchanged with the authorization server, not the
// application) and IPSIE's 5-minute deactivation propagation (needs the identity service's clock).
#include "scim/suites/client/grading.hpp"

namespace scim::suites::client {

const std::vector<std::string>& client_profiles() {
  static const std::vector<std::string> kProfiles = {"interop", "ipsie-al1"};
  return kProfiles;
}

const std::vector<ClientRequirement>& profile_client_requirements() {
  using conf::Level;
  static const std::vector<ClientRequirement> kRequirements = {
      {"client-interop/5.4/canonical-type-values", "interop", "5.4", Level::Must,
       "Clients MUST only use type values listed in the canonicalValues property for that "
       "attribute."},
      {"client-interop/6.2/user-agent", "interop", "6.2", Level::Must,
       "To aid in troubleshooting and client identification, Clients MUST include a User-Agent "
       "header in all HTTP requests."},
      {"client-interop/6.2/content-type", "interop", "6.2", Level::Must,
       "All requests and responses containing SCIM data MUST include a Content-Type header with "
       "the value application/scim+json"},
      {"client-interop/6.3/eq-and-only", "interop", "6.3", Level::Must,
       "To promote interoperability, Clients MUST NOT use operators other than eq and and."},
      {"client-interop/6.3/filter-get-only", "interop", "6.3", Level::Must,
       "The use of filters in the URI for any HTTP method other than GET (e.g., PATCH "
       "/Users?filter=...) *MUST NOT* be used."},
      {"client-interop/6.5/no-put", "interop", "6.5", Level::Must,
       "Clients MUST use the PATCH operation for updates and SHALL NOT use the PUT operation."},
      {"client-interop/6.5.1.1/path-always", "interop", "6.5.1.1", Level::Must,
       "Clients *MUST NOT* issue \"path-less\" PATCH operations where the target attribute is "
       "implied by the keys within the value object."},
      {"client-interop/6.5.2.2/filter-sub-attribute", "interop", "6.5.2.2", Level::Must,
       "The path *MUST* target a specific sub-attribute of the matched element"},
      {"client-interop/6.7/no-conditional-headers", "interop", "6.7", Level::Must,
       "Clients *MUST NOT* include HTTP headers related to conditional requests or entity tags "
       "(ETags), such as If-Match, If-None-Match"},  // the draft breaks "If-Modified-Since"
      {"client-ipsie-al1/3.1/bearer-token", "ipsie-al1", "3.1", Level::Must,
       "The token SHALL exchange a signed JWT for an access token and present that token in the "
       "{Authorization: Bearer} header on all subsequent SCIM requests."},
      {"client-ipsie-al1/3.2.3.5/member-op", "ipsie-al1", "3.2.3.5", Level::Must,
       "The op attribute MUST contain either \"add\" or \"remove\"."},
      {"client-ipsie-al1/3.2.3.5/add-members-path", "ipsie-al1", "3.2.3.5", Level::Must,
       "The path attribute MUST be \"members\"."},
      {"client-ipsie-al1/3.2.3.5/add-members-value", "ipsie-al1", "3.2.3.5", Level::Must,
       "Each member MUST contain a value subattribute with the id of the resource being added to "
       "the group."},
      {"client-ipsie-al1/3.2.3.5/remove-members-path", "ipsie-al1", "3.2.3.5", Level::Must,
       "The path attribute MUST be either:"},
      {"client-ipsie-al1/3.2.3.5/remove-members-no-value", "ipsie-al1", "3.2.3.5", Level::Must,
       "The value attribute MUST be unspecified."},
  };
  return kRequirements;
}

}  // namespace scim::suites::client
