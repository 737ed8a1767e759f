// SectionBuilder: turns a CheckDef into the catalog's CheckInfo, tags and capabilities by name.
#include "scim/conformance/section_builder.hpp"

#include <utility>

namespace scim::conf {

SectionBuilder::SectionBuilder(Catalog& catalog, Spec& spec, std::string section_id,
                               std::string section_title)
    : catalog_(catalog),
      spec_id_(spec.id),
      section_(catalog.section(spec, std::move(section_id), std::move(section_title))) {}

void SectionBuilder::add(CheckDef check) {
  CheckInfo info;
  info.id = spec_id_ + "/" + section_.id + "/" + check.slug;
  info.title = std::move(check.title);
  info.level = check.level;
  info.requirement = std::move(check.requirement);
  for (const Tag& tag : check.tags) info.tags.emplace_back(tag.name());
  for (Capability capability : check.needs) info.capabilities.emplace_back(to_string(capability));
  info.depends_on = std::move(check.depends_on);
  catalog_.add(section_, std::move(info), std::move(check.run));
}

}  // namespace scim::conf
