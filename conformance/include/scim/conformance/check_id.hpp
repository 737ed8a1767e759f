// Validation of check IDs: "spec/section/slug" with a lower-case spec ("rfc7644",
// "profile-entra"), a dotted-digit section ("3.4.2.2") and a lower-case hyphenated slug. IDs are
// stable names that CI configurations refer to, so malformed ones are rejected at registration.
#pragma once

#include <string>
#include <string_view>

namespace scim::conf {

// Empty when `id` is well formed; otherwise why not.
std::string check_id_problem(std::string_view id);

// Glob match on IDs: '*' matches any run of characters (including '/'), '?' one character.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace scim::conf
