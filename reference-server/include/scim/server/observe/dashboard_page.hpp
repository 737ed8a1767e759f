// The /admin/ dashboard page (reference-server/dashboard/dashboard.html,
// embedded in the binary) and the Content-Security-Policy it is served with:
// nothing loads from another origin.
#pragma once

#include <string_view>

namespace scim::observe {

inline constexpr std::string_view kDashboardPolicy =
    "default-src 'self'; script-src 'unsafe-inline'; style-src "
    "'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'";

std::string_view dashboard_page();

}  // namespace scim::observe
