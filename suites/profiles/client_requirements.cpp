// The published profiles' client requirements as data (suites.hpp, ClientRequirement): the
// extension point for the client grading. Quotes are verified by suites/tests/quotes_test.cpp.
#include "scim/suites/suites.hpp"

namespace scim::suites {

const std::vector<ClientRequirement>& profile_client_requirements() {
  using conf::Level;
  static const std::vector<ClientRequirement> kRequirements = {
      {"interop-client/5.4/canonical-type-values", "interop", "5.4", Level::Must,
       "Clients MUST only use type values listed in the canonicalValues property for that "
       "attribute."},
      {"interop-client/6.2/user-agent", "interop", "6.2", Level::Must,
       "To aid in troubleshooting and client identification, Clients MUST include a User-Agent "
       "header in all HTTP requests."},
      {"interop-client/6.3/eq-and-only", "interop", "6.3", Level::Must,
       "To promote interoperability, Clients MUST NOT use operators other than eq and and."},
      {"interop-client/6.5/no-put", "interop", "6.5", Level::Must,
       "Clients MUST use the PATCH operation for updates and SHALL NOT use the PUT operation."},
      {"interop-client/6.5.1.1/path-always", "interop", "6.5.1.1", Level::Must,
       "Clients *MUST NOT* issue \"path-less\" PATCH operations where the target attribute is "
       "implied by the keys within the value object."},
      {"interop-client/6.7/no-conditional-headers", "interop", "6.7", Level::Must,
       "Clients *MUST NOT* include HTTP headers related to conditional requests or entity tags "
       "(ETags), such as If-Match, If-None-Match"},  // the draft breaks "If-Modified-Since"
      {"ipsie-al1-client/3.2.3.5/member-op", "ipsie-al1", "3.2.3.5", Level::Must,
       "The op attribute MUST contain either \"add\" or \"remove\"."},
      {"ipsie-al1-client/3.2.3.5/add-members-path", "ipsie-al1", "3.2.3.5", Level::Must,
       "The path attribute MUST be \"members\"."},
  };
  return kRequirements;
}

}  // namespace scim::suites
