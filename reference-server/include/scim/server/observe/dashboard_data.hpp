// Declarations for the generated source that embeds
// reference-server/dashboard/dashboard.html, the /admin/ page
// (cmake/Embed.cmake).
#pragma once

#include <span>
#include <string_view>

namespace scim::observe::dashboard_data {
std::string_view embedded(std::string_view file_name);
std::span<const std::string_view> embedded_names();
}  // namespace scim::observe::dashboard_data
