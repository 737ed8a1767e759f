// The check catalog tree. Registration errors (malformed or duplicate IDs, empty requirement) are
// programming errors in a suite, so they throw std::invalid_argument at startup rather than
// producing a catalog that reports can't trust.
#include <map>
#include <stdexcept>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/check_id.hpp"

namespace scim::conf {

Spec& Catalog::spec(const std::string& id, const std::string& title, bool is_profile) {
  for (auto& s : specs_) {
    if (s.id == id) return s;
  }
  auto& s = specs_.emplace_back();
  s.id = id;
  s.title = title;
  s.is_profile = is_profile;
  if (is_profile) s.profile = profile_name_of(id);
  return s;
}

std::string profile_name_of(const std::string& id) {
  return id.starts_with("profile-") ? id.substr(8) : id;
}

Section& Catalog::section(Spec& spec, const std::string& id, const std::string& title) {
  for (auto& s : spec.sections) {
    if (s.id == id) return s;
  }
  auto& s = spec.sections.emplace_back();
  s.id = id;
  s.title = title;
  return s;
}

void Catalog::add(Section& section, CheckInfo info, CheckFn run) {
  if (auto problem = check_id_problem(info.id); !problem.empty()) {
    throw std::invalid_argument("check '" + info.id + "': " + problem);
  }
  const Spec* owner = nullptr;
  for (const auto& s : specs_) {
    for (const auto& sec : s.sections) {
      if (&sec == &section) owner = &s;
    }
  }
  if (owner == nullptr) throw std::invalid_argument("section does not belong to this catalog");
  if (info.id.rfind(owner->id + "/" + section.id + "/", 0) != 0) {
    throw std::invalid_argument("check '" + info.id + "' must start with '" + owner->id + "/" +
                                section.id + "/'");
  }
  if (info.requirement.empty() || info.title.empty()) {
    throw std::invalid_argument("check '" + info.id + "' needs a title and a requirement");
  }
  if (!run) throw std::invalid_argument("check '" + info.id + "' has no body");
  for (const auto& prerequisite : info.depends_on) {
    if (auto problem = check_id_problem(prerequisite); !problem.empty() || prerequisite == info.id)
      throw std::invalid_argument("check '" + info.id + "' depends on an invalid ID '" +
                                  prerequisite + "'");
  }
  if (!ids_.insert(info.id).second) {
    throw std::invalid_argument("duplicate check ID '" + info.id + "'");
  }
  section.checks.push_back(Check{std::move(info), std::move(run)});
}

std::vector<std::string> Catalog::dependency_problems() const {
  std::vector<std::string> problems;
  std::map<std::string, const Check*> by_id;
  for (const auto* c : all()) by_id[c->info.id] = c;
  for (const auto& [id, check] : by_id) {
    for (const auto& dep : check->info.depends_on) {
      if (!by_id.contains(dep)) problems.push_back(id + " depends on unknown check " + dep);
    }
  }
  // A cycle: some check reaches itself by following depends_on (depth-first, bounded).
  for (const auto& [id, check] : by_id) {
    std::vector<const Check*> stack = {check};
    std::set<std::string> seen;
    while (!stack.empty()) {
      const Check* c = stack.back();
      stack.pop_back();
      for (const auto& dep : c->info.depends_on) {
        if (dep == id) {
          problems.push_back(id + " depends on itself through " + c->info.id);
          stack.clear();
          break;
        }
        const auto it = by_id.find(dep);
        if (it != by_id.end() && seen.insert(dep).second) stack.push_back(it->second);
      }
    }
  }
  return problems;
}

std::vector<const Check*> Catalog::all() const {
  std::vector<const Check*> out;
  for (const auto& s : specs_) {
    for (const auto& sec : s.sections) {
      for (const auto& c : sec.checks) out.push_back(&c);
    }
  }
  return out;
}

}  // namespace scim::conf
