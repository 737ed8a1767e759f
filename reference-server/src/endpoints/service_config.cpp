// ServiceConfig::apply: what the published profiles ask of the endpoints (docs/server.md
// "Profiles"), written once here beside the defaults in service_config.hpp.
#include "scim/server/endpoints/service_config.hpp"

#include <algorithm>

namespace scim::server {

void ServiceConfig::apply(Profile profile) {
  if (profile == Profile::Rfc) return;
  // draft-zollner-scim-interop-profile-01. IPSIE AL1 asks for less on these points, and a server
  // conforming to both is what an IPSIE deployment meets in practice, so it gets them too.
  interop.undefined_is_invalid_syntax = true;             // §5.3
  interop.patch_requires_path = true;                     // §6.5.1.1
  interop.replace_complex_whole = true;                   // §6.5.2.1
  reject_unknown_filter_attributes = true;                // §6.3
  interop_conformant = true;                              // §4
  max_results = std::max<std::size_t>(max_results, 100);  // §6.4: a count of 100 is honoured
  if (pagination.default_page_size && *pagination.default_page_size < 100)
    pagination.default_page_size = 100;  // §6.4: at least 100 results without count
}

}  // namespace scim::server
