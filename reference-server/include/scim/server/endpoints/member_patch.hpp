// The PATCH of a group's members applied to the store's member set (issue 19, scenario 6): a
// request whose every operation adds members by value or removes one by
// `members[value eq "..."]` (RFC 7644 §3.5.2.1, §3.5.2.2) costs the same whatever the group's
// size, instead of decoding, patching, validating and re-encoding the whole group. Any other
// request, and lenient mode, take the general path; the answers are the same either way
// (member_patch_test.cpp compares them).
#pragma once

#include <optional>
#include <string_view>

#include "scim/server/endpoints/context.hpp"
#include "scim/server/engine/query/query.hpp"

namespace scim::server {

struct MemberPatched {
  store::WriteOutcome outcome;
  bool changed = false;
};

// Nullopt when `body` is not such a request (the caller runs the general PATCH); else the
// outcome, or the error the general path would answer. `show_members`: the answer will show
// "members" (then the outcome's resource carries them).
std::optional<Result<MemberPatched>> patch_members_directly(const Context& ctx,
                                                            const ResourceType& type,
                                                            std::string_view id,
                                                            const nlohmann::json& body,
                                                            bool show_members);

// Whether an answer projected with `projection` shows the resource's "members".
bool projection_shows_members(const engine::Projection& projection);

}  // namespace scim::server
