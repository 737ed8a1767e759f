// Check selection.
#include "scim/conformance/core/selector.hpp"

#include <algorithm>

#include "scim/conformance/check_id.hpp"

namespace scim::conf {
namespace {

int strength(Level level) {
  switch (level) {
    case Level::Must:
      return 3;
    case Level::Should:
      return 2;
    case Level::May:
      return 1;
  }
  return 3;
}

bool any_glob(const std::vector<std::string>& globs, const std::string& id) {
  return std::any_of(globs.begin(), globs.end(), [&](const auto& g) { return glob_match(g, id); });
}

}  // namespace

bool meets_level(Level level, Level minimum) {
  return strength(level) >= strength(minimum);
}

std::optional<std::string> rejection(const Spec& spec, const Check& check, const Selection& sel) {
  const auto& info = check.info;
  if (spec.is_profile && spec.profile != sel.profile) {
    return "profile checks run only with --profile";
  }
  if (!sel.only.empty() && !any_glob(sel.only, info.id)) return "not matched by --only";
  if (any_glob(sel.exclude, info.id)) return "matched by --exclude";
  if (!sel.tags.empty()) {
    const bool tagged = std::any_of(sel.tags.begin(), sel.tags.end(), [&](const auto& t) {
      return std::find(info.tags.begin(), info.tags.end(), t) != info.tags.end();
    });
    if (!tagged) return "none of the --tags";
  }
  if (!meets_level(info.level, sel.min_level)) {
    return "below --level " + std::string(to_string(sel.min_level));
  }
  return std::nullopt;
}

std::vector<const Check*> select(const Catalog& catalog, const Selection& selection) {
  std::vector<const Check*> out;
  for (const auto& spec : catalog.specs()) {
    for (const auto& section : spec.sections) {
      for (const auto& check : section.checks) {
        if (!rejection(spec, check, selection)) out.push_back(&check);
      }
    }
  }
  return out;
}

}  // namespace scim::conf
