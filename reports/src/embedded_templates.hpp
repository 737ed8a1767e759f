// Declarations for the sources cmake/Embed.cmake generates from reports/templates/.
#pragma once

#include <span>
#include <string_view>

namespace scim::reports::templates {

std::string_view embedded(std::string_view file_name);
std::span<const std::string_view> embedded_names();

}  // namespace scim::reports::templates
