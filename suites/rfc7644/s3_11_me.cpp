// RFC 7644 §3.11 "/Me" Authenticated Subject Alias: 501 when unsupported, a 308 redirect, or the
// aliased resource with Location set to its permanent location.
#include "index.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_11_me_local {

// How a provider without /Me answers is a SHOULD (501), graded by me-unsupported-501; this MUST
// applies to the responses of a provider that serves /Me.
void me_answers(conf::Context& ctx) {
  auto r = ctx.get("/Me");
  if (r.status != 200 && r.status != 308)
    ctx.skip("target does not serve /Me (GET /Me answered " + std::to_string(r.status) +
             "); its answer is judged by rfc7644/3.11/me-unsupported-501");
  if (r.status == 308) {
    expect_header(ctx, r, "Location");
    return;
  }
  json body = expect_json(ctx, r, 200, "GET /Me");
  std::string location = expect_header(ctx, r, "Location");
  const json* meta = member(body, "meta");
  ctx.expect(meta && meta->value("location", "") == location,
             "Location is the permanent location of the aliased resource",
             meta ? meta->value("location", "") : "meta.location", location);
}

void me_location_resolves(conf::Context& ctx) {
  auto r = ctx.get("/Me");
  if (r.status != 200)
    ctx.skip("GET /Me did not answer 200 (status " + std::to_string(r.status) + ")");
  json me = ctx.json_body(r);
  std::string location = expect_header(ctx, r, "Location");
  json direct = expect_json(ctx, ctx.get(location), 200, "GET <Location of /Me>");
  ctx.expect(id_string(direct) == id_string(me), "/Me and its Location are the same resource",
             id_string(me), id_string(direct));
}

}  // namespace s3_11_me_local

void register_s3_11(conf::Catalog& catalog) {
  using namespace s3_11_me_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.11", "\"/Me\" Authenticated Subject Alias");
  s.add({.slug = "me-answers-one-of-three-ways",
         .title = "GET /Me, where served, carries the aliased resource's Location",
         .level = kMust,
         .requirement =
             "In any response, the HTTP \"Location\" header MUST be the permanent "
             "location of the aliased resource associated with the authenticated subject.",
         .tags = {tag::kMe},
         .run = me_answers});
  s.add({.slug = "me-unsupported-501",
         .title = "a provider without /Me answers 501",
         .level = kShould,
         .requirement = "A service provider that does NOT support this feature SHOULD respond with "
                        "HTTP status code 501 (Not Implemented).",
         .tags = {tag::kMe},
         .run = [](conf::Context& ctx) {
           auto r = ctx.get("/Me");
           if (r.status == 200 || r.status == 308) ctx.skip("the target supports /Me");
           ctx.expect_scim_error(r, 501);
         }});
  s.add({.slug = "me-location-is-aliased-resource",
         .title = "/Me's Location resolves to the same resource",
         .level = kMust,
         .requirement =
             "In any response, the HTTP \"Location\" header MUST be the permanent "
             "location of the aliased resource associated with the authenticated subject.",
         .tags = {tag::kMe},
         .needs = {cap::kMe},
         .run = me_location_resolves});
}

}  // namespace scim::suites::rfc7644
