// Registration helper shared by every suite file: binds a catalog section to its spec so a suite
// file adds checks by slug, and builds the stable ID "<spec>/<section>/<slug>" in one place.
#pragma once

#include <string>
#include <vector>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/context.hpp"
#include "scim/conformance/model.hpp"

namespace scim::suites {

inline constexpr conf::Level kMust = conf::Level::Must;
inline constexpr conf::Level kShould = conf::Level::Should;
inline constexpr conf::Level kMay = conf::Level::May;

using Strings = std::vector<std::string>;

// The specs known to the suites, with their display titles.
conf::Spec& rfc7643_spec(conf::Catalog& catalog);
conf::Spec& rfc7644_spec(conf::Catalog& catalog);
conf::Spec& events_spec(conf::Catalog& catalog);

class SectionBuilder {
 public:
  SectionBuilder(conf::Catalog& catalog, conf::Spec& spec, std::string section_id,
                 std::string section_title);

  // Adds "<spec>/<section>/<slug>". `requirement` is the sentence quoted from the spec text.
  void add(std::string slug, std::string title, conf::Level level, std::string requirement,
           Strings tags, Strings capabilities, conf::CheckFn run);

 private:
  conf::Catalog& catalog_;
  std::string spec_id_;
  conf::Section& section_;
};

}  // namespace scim::suites
