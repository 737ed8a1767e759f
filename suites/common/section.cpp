// Spec titles and the SectionBuilder that turns slugs into stable check IDs.
#include "scim/suites/common/section.hpp"

#include <utility>

namespace scim::suites {

conf::Spec& rfc7643_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc7643", "RFC 7643: SCIM Core Schema");
}

conf::Spec& rfc7644_spec(conf::Catalog& catalog) {
  return catalog.spec("rfc7644", "RFC 7644: SCIM Protocol");
}

conf::Spec& events_spec(conf::Catalog& catalog) {
  return catalog.spec("events",
                      "SCIM Profile for Security Event Tokens (draft-ietf-scim-events-16)");
}

SectionBuilder::SectionBuilder(conf::Catalog& catalog, conf::Spec& spec, std::string section_id,
                               std::string section_title)
    : catalog_(catalog),
      spec_id_(spec.id),
      section_(catalog.section(spec, std::move(section_id), std::move(section_title))) {}

void SectionBuilder::add(std::string slug, std::string title, conf::Level level,
                         std::string requirement, Strings tags, Strings capabilities,
                         conf::CheckFn run) {
  conf::CheckInfo info;
  info.id = spec_id_ + "/" + section_.id + "/" + slug;
  info.title = std::move(title);
  info.level = level;
  info.requirement = std::move(requirement);
  info.tags = std::move(tags);
  info.capabilities = std::move(capabilities);
  catalog_.add(section_, std::move(info), std::move(run));
}

}  // namespace scim::suites
