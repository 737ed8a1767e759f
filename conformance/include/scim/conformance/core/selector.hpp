// Which checks a run includes: --only/--exclude globs on IDs, --tags, --level (minimum) and
// --profile. Profile specs ("profile-<name>", "interop", "ipsie-al1") never run unless their
// profile is selected.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/catalog.hpp"

namespace scim::conf {

struct Selection {
  std::vector<std::string> only;     // globs; empty = everything
  std::vector<std::string> exclude;  // globs
  std::vector<std::string> tags;     // a check needs at least one of them; empty = any
  Level min_level = Level::May;      // MUST > SHOULD > MAY
  std::string profile;  // "entra" selects spec "profile-entra", "interop" spec "interop"
};

// True when `level` is at least as strong as `minimum` (MUST passes a SHOULD minimum).
bool meets_level(Level level, Level minimum);

// Why `check` of `spec` is not selected; nullopt when it is.
std::optional<std::string> rejection(const Spec& spec, const Check& check, const Selection& sel);

// The selected checks in catalog order.
std::vector<const Check*> select(const Catalog& catalog, const Selection& selection);

}  // namespace scim::conf
