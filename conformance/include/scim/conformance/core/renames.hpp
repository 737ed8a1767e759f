// Check IDs are API: users name them in --only and --exclude in their CI. When a check moves to
// another section (issue 13: a check cites a sentence of the section its ID names) or is replaced,
// its former ID keeps selecting it: a selection pattern that matched the former ID also selects
// the current one, and the user is told once so the pipeline can be updated.
#pragma once

#include <string>
#include <vector>

#include "scim/conformance/core/selector.hpp"
#include "scim/conformance/renamed.hpp"

namespace scim::conf {

// Adds to selection.only and selection.exclude the current ID of every renamed check whose former
// ID a pattern there matches (glob_match), and returns one note per such pattern and check,
// "--only 'X' matches the former ID of Y (renamed from X): selecting Y".
std::vector<std::string> follow_renames(Selection& selection, const std::vector<Renamed>& renamed);

}  // namespace scim::conf
