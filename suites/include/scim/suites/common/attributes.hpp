// Choosing the attributes a check uses from the target's own schemas (issue 13, classes 1 and 2).
// A provider may support a subset of the optional attributes and ignore the rest: RFC 7643
// §8.7.1 ("service providers MAY ... support a subset"), RFC 7644 §3.3 ("the server is free to
// alter and/or ignore POSTed content"). So a check that needs an optional attribute first asks
// whether the target defines it (/Schemas, conf::Capabilities::attribute), then confirms that a
// fixture came back with it, and otherwise skips with "target does not define/store X" instead of
// failing a requirement about something else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites {

// Skips unless resource type `type` ("User") defines every path ("nickName", "name.givenName",
// "urn:...:enterprise:2.0:User:employeeNumber").
void require_defined(conf::Context& ctx, std::string_view type,
                     const std::vector<std::string>& paths);

// Skips unless `resource` (as the target returned it) holds a value for each path whose
// "returned" characteristic lets it appear ("emails.primary": some email carries "primary").
void require_stored(conf::Context& ctx, const json& resource, std::string_view type,
                    const std::vector<std::string>& paths);

// Whether `resource` holds a non-null value at `path` (sub-attributes of multi-valued attributes
// match when any value has them); attribute names compare case-insensitively (RFC 7643 §2.1).
bool holds(const json& resource, std::string_view path);

// The attribute paths a fixture body sets: "nickName", "name.givenName", "emails.type", and
// "<urn>:employeeNumber" inside extension containers; "schemas" is not one.
std::vector<std::string> paths_in(const json& body);

// create_user/create_group with `overrides`, after require_defined on the paths it sets, and
// followed by require_stored on them: the fixture the check relies on really holds its values.
json create_user_with(conf::Context& ctx, const json& overrides);
json create_group_with(conf::Context& ctx, const json& overrides);

// A singular, writable string attribute of `type` to change through PUT or PATCH when a check
// needs *some* stored value to change, chosen from the target's schema. Preference: the common
// optional attributes (displayName, nickName, title, ...), then, unless `optional_only`, the
// REQUIRED unique name (userName / displayName), which every target stores; `before` and
// `after` are distinct values valid for it (unique where the attribute is unique). Skips when the
// schema offers none. Not confirmed as stored: callers use create_*_with with {name: before}.
struct Writable {
  std::string name;
  json before;
  json after;
};
Writable pick_writable(conf::Context& ctx, std::string_view type, bool optional_only = false);

}  // namespace scim::suites
