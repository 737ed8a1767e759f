// Declarations for the generated source that embeds protocol/schemas/*.json (cmake/Embed.cmake).
#pragma once

#include <span>
#include <string_view>

namespace scim::protocol_data {
std::string_view embedded(std::string_view file_name);
std::span<const std::string_view> embedded_names();
}  // namespace scim::protocol_data
