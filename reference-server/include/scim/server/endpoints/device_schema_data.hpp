// Declarations for the generated source that embeds reference-server/schemas/rfc9944/*.json, our
// RFC 9944 schema documents (cmake/Embed.cmake).
#pragma once

#include <span>
#include <string_view>

namespace scim::server::device_data {
std::string_view embedded(std::string_view file_name);
std::span<const std::string_view> embedded_names();
}  // namespace scim::server::device_data
