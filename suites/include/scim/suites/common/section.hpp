// What every suite file registers with: the specs known to the suites, and the check-authoring
// API (SectionBuilder, CheckDef, levels, tags, capabilities) brought into scim::suites.
#pragma once

#include "scim/conformance/capability.hpp"
#include "scim/conformance/catalog.hpp"
#include "scim/conformance/context.hpp"
#include "scim/conformance/model.hpp"
#include "scim/conformance/section_builder.hpp"
#include "scim/conformance/tag.hpp"

namespace scim::suites {

using conf::kMay;
using conf::kMust;
using conf::kShould;
using conf::Needs;
using conf::SectionBuilder;
using conf::Tags;
namespace cap = conf::cap;
namespace tag = conf::tag;

// The specs known to the suites, with their display titles.
conf::Spec& rfc7643_spec(conf::Catalog& catalog);
conf::Spec& rfc7644_spec(conf::Catalog& catalog);
conf::Spec& events_spec(conf::Catalog& catalog);
// The SET documents the events profile builds on; their checks run with the events checks.
conf::Spec& rfc8417_spec(conf::Catalog& catalog);
conf::Spec& rfc8935_spec(conf::Catalog& catalog);
conf::Spec& rfc8936_spec(conf::Catalog& catalog);
// RFC 9865 (cursor pagination) and RFC 9944 (device schema extensions), both updating SCIM.
conf::Spec& rfc9865_spec(conf::Catalog& catalog);
conf::Spec& rfc9944_spec(conf::Catalog& catalog);
// Published profiles: run only with --profile interop / ipsie-al1 (the interop one also when the
// target claims it), quoted from draft-zollner-scim-interop-profile-01 and the IPSIE AL1 draft.
conf::Spec& interop_spec(conf::Catalog& catalog);
conf::Spec& ipsie_al1_spec(conf::Catalog& catalog);

}  // namespace scim::suites
