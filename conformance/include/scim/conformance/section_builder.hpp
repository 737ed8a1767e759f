// Registering checks by named fields. A suite binds a SectionBuilder to one section of a spec and
// adds each check as a CheckDef written with designated initializers:
//
//   SectionBuilder s(catalog, spec, "3.4.2.2", "Filtering");
//   s.add({.slug = "eq-is-case-insensitive",
//          .title = "eq on userName (caseExact false) ignores case",
//          .level = kMust,
//          .requirement = "...the sentence quoted from the spec...",
//          .tags = {tag::kFilter, tag::kUsers},
//          .needs = {cap::kUsers, cap::kFilter},
//          .run = eq_case});
//
// The builder derives the stable ID "<spec>/<section>/<slug>" in one place.
#pragma once

#include <string>
#include <vector>

#include "scim/conformance/capability.hpp"
#include "scim/conformance/catalog.hpp"
#include "scim/conformance/model.hpp"
#include "scim/conformance/tag.hpp"

namespace scim::conf {

inline constexpr Level kMust = Level::Must;
inline constexpr Level kShould = Level::Should;
inline constexpr Level kMay = Level::May;

using Tags = std::vector<Tag>;
using Needs = std::vector<Capability>;
using DependsOn = std::vector<std::string>;

// Every field but `needs` and `depends_on` is required: leaving one out is a
// -Wmissing-field-initializers warning (an error in the ci preset), and the catalog rejects an
// empty title, requirement or body.
struct CheckDef {
  std::string slug;         // lower-case and hyphenated; the last part of the ID
  std::string title;        // one line, shown in listings and reports
  Level level;              // the RFC 2119 word of the requirement
  std::string requirement;  // the sentence quoted verbatim from the spec text
  Tags tags;                // labels for --tags and reports
  Needs needs{};            // skipped, with the reason, unless the target advertises all of them
  // Full IDs of checks that judge what this one builds on; the runner runs them first and skips
  // this one ("depends on <id>") when one of them did not pass, so one cause is reported once.
  DependsOn depends_on{};
  CheckFn run;
};

class SectionBuilder {
 public:
  SectionBuilder(Catalog& catalog, Spec& spec, std::string section_id, std::string section_title);

  // Adds "<spec>/<section>/<slug>"; Catalog::add rejects malformed or duplicate IDs.
  void add(CheckDef check);

 private:
  Catalog& catalog_;
  std::string spec_id_;
  Section& section_;
};

}  // namespace scim::conf
