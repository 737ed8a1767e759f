// Former check IDs in a selection (see renames.hpp).
#include "scim/conformance/core/renames.hpp"

#include <algorithm>

#include "scim/conformance/check_id.hpp"

namespace scim::conf {
namespace {

// Extends `patterns` (the --only or --exclude list, named `flag`) with the current IDs of the
// renamed checks its patterns match by their former IDs.
void follow(std::vector<std::string>& patterns, const char* flag,
            const std::vector<Renamed>& renamed, std::vector<std::string>& notes) {
  const std::vector<std::string> given = patterns;
  for (const auto& pattern : given) {
    for (const auto& r : renamed) {
      if (!glob_match(pattern, r.former) || glob_match(pattern, r.current)) continue;
      if (std::find(patterns.begin(), patterns.end(), r.current) == patterns.end())
        patterns.push_back(r.current);
      notes.push_back(std::string(flag) + " '" + pattern + "' matches the former ID " + r.former +
                      ": it now applies to " + r.current);
    }
  }
}

}  // namespace

std::vector<std::string> follow_renames(Selection& selection, const std::vector<Renamed>& renamed) {
  std::vector<std::string> notes;
  follow(selection.only, "--only", renamed, notes);
  follow(selection.exclude, "--exclude", renamed, notes);
  return notes;
}

}  // namespace scim::conf
