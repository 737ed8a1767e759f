// draft-ietf-scim-events-16 §4 Events Discovery Schema for Service Provider Configuration: the
// "securityEvents" complex attribute, "asyncRequest" keyword and "eventUris".
#include "index.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::events {
namespace s4_discovery_local {

json security_events(conf::Context& ctx) {
  json spc = expect_json(ctx, ctx.get("/ServiceProviderConfig"), 200, "GET /ServiceProviderConfig");
  const json* se = member(spc, "securityEvents");
  if (!se) ctx.skip("securityEvents not advertised");
  ctx.expect(se->is_object(), "securityEvents is a complex attribute", "object", brief(*se));
  return *se;
}

void async_keyword(conf::Context& ctx) {
  json se = security_events(ctx);
  const json* mode = member(se, "asyncRequest");
  ctx.expect(mode && mode->is_string(), "asyncRequest is a string", "none|long|request",
             mode ? brief(*mode) : "absent");
  std::string m = to_lower(mode->get<std::string>());
  ctx.expect(m == "none" || m == "long" || m == "request", "asyncRequest is a defined keyword",
             "none|long|request", m);
}

void event_uris(conf::Context& ctx) {
  json se = security_events(ctx);
  const json* uris = member(se, "eventUris");
  if (!uris) return;
  ctx.expect(uris->is_array(), "eventUris is multi-valued", "array", brief(*uris));
  for (const auto& u : *uris)
    ctx.expect(u.is_string() && u.get<std::string>().find(':') != std::string::npos,
               "each eventUris value is a URI string", "URI", brief(u));
}

}  // namespace s4_discovery_local

void register_s4_discovery(conf::Catalog& catalog) {
  using namespace s4_discovery_local;
  SectionBuilder s(catalog, events_spec(catalog), "4",
                   "Events Discovery Schema for Service Provider Configuration");
  Tags tags = {tag::kEvents, tag::kDiscovery};
  s.add({.slug = "async-request-keyword",
         .title = "securityEvents.asyncRequest is none, long or request",
         .level = kMust,
         .requirement = "A case-insensitive string value specifying one of the following:",
         .tags = tags,
         .needs = {cap::kEvents},
         .run = async_keyword});
  s.add({.slug = "event-uris-multi-valued",
         .title = "securityEvents.eventUris is a list of URIs",
         .level = kMust,
         .requirement = "A multivalued string listing the SET Event URIs (defined in [RFC8417]) "
                        "that the server is capable of generating and deliverable via a SET Stream "
                        "(see [RFC8935] and [RFC8936]).",
         .tags = tags,
         .needs = {cap::kEvents},
         .run = event_uris});
}

}  // namespace scim::suites::events
