// RFC 7643 §5, advertised versus actual: a feature /ServiceProviderConfig reports as unsupported
// ("supported": false) that the target serves anyway. Clients decide from discovery what to use,
// so a misreported feature is never used: graded SHOULD (a warning, never a failed gate), since
// serving more than advertised breaks no MUST. Each probe touches only the check's own fixtures
// (created, changed and deleted by this run); a feature advertised as supported is skipped here,
// because its own checks judge it.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace s5_advertised_features_local {

constexpr const char* kSupportedSentence =
    "supported  A Boolean value specifying whether or not the operation is supported.  REQUIRED.";

void skip_if_advertised(conf::Context& ctx, conf::Capability feature, std::string_view judged_by) {
  if (ctx.caps().has(feature))
    ctx.skip(std::string(conf::to_string(feature)) +
             ".supported is true: " + std::string(judged_by) + " judge it");
}

[[noreturn]] void misreported(conf::Context& ctx, std::string_view feature, std::string actual) {
  ctx.fail("discovery misreports " + std::string(feature) +
               ": /ServiceProviderConfig says supported false, yet the target serves it, so "
               "clients that trust discovery will never use it",
           std::string(feature) + " refused as advertised, or " + std::string(feature) +
               ".supported true",
           std::move(actual));
}

void patch_served(conf::Context& ctx) {
  skip_if_advertised(ctx, conf::Capability::Patch, "the RFC 7644 §3.5.2 checks");
  const json user = ctx.create_user();
  const auto path = user_path(ctx, user);
  const auto value = ctx.unique_name("patched");
  const auto r = ctx.patch(
      path,
      patch_body(json::array({{{"op", "replace"}, {"path", "displayName"}, {"value", value}}})));
  if (r.status != 200 && r.status != 204) return;  // refused, as advertised
  const auto after = ctx.get(path);
  const json body = json::parse(after.body, nullptr, false);
  const json* shown = body.is_object() ? member(body, "displayName") : nullptr;
  if (shown != nullptr && *shown == value)
    misreported(ctx, "patch",
                "PATCH " + path + " answered HTTP " + std::to_string(r.status) +
                    " and displayName changed");
  ctx.note("PATCH answered HTTP " + std::to_string(r.status) + " but changed nothing");
}

void filter_served(conf::Context& ctx) {
  skip_if_advertised(ctx, conf::Capability::Filter, "the RFC 7644 §3.4.2.2 checks");
  const json user = ctx.create_user();
  const auto name = user.value("userName", std::string());
  const auto r = ctx.get("/Users?filter=" + conf::Context::encode("userName eq " + literal(name)));
  if (r.status != 200) return;
  const json body = json::parse(r.body, nullptr, false);
  const auto ids = ids_of(body);
  // Only a list of exactly the fixture shows the filter was applied (an ignored filter lists all).
  if (ids == std::set<std::string>{id_string(user)})
    misreported(ctx, "filter", "userName eq " + literal(name) + " returned exactly that user");
}

void etag_served(conf::Context& ctx) {
  skip_if_advertised(ctx, conf::Capability::Etag, "the RFC 7644 §3.14 checks");
  const json user = ctx.create_user();
  const auto path = user_path(ctx, user);
  const auto r = ctx.get(path);
  const std::string* etag = r.header("ETag");
  if (etag == nullptr || etag->empty()) return;
  const auto again = ctx.get(path, {{"If-None-Match", *etag}});
  if (again.status == 304)
    misreported(ctx, "etag", "GET " + path + " with If-None-Match: " + *etag + " answered 304");
}

void bulk_served(conf::Context& ctx) {
  skip_if_advertised(ctx, conf::Capability::Bulk, "the RFC 7644 §3.7 checks");
  json data = {{"schemas", json::array({std::string(urn::kUser)})},
               {"userName", ctx.unique_name("bulk")}};
  data = ctx.with_required("User", std::move(data));
  const json request = {
      {"schemas", json::array({std::string(urn::kBulkRequest)})},
      {"Operations",
       json::array({{{"method", "POST"}, {"path", "/Users"}, {"bulkId", "b1"}, {"data", data}}})}};
  const auto r = ctx.post("/Bulk", request);
  if (r.status != 200) return;
  const json body = json::parse(r.body, nullptr, false);
  const json* ops = body.is_object() ? member(body, "Operations") : nullptr;
  if (ops == nullptr || !ops->is_array() || ops->empty() || !(*ops)[0].is_object()) return;
  const auto& op = (*ops)[0];
  const auto location = op.value("location", std::string());
  if (!location.empty()) ctx.track(location);  // the run's own fixture: deleted after the check
  if (op.value("status", std::string()).starts_with("201"))
    misreported(ctx, "bulk", "POST /Bulk created " + (location.empty() ? "a user" : location));
}

}  // namespace s5_advertised_features_local

void register_s5_advertised_features(conf::Catalog& catalog) {
  using namespace s5_advertised_features_local;
  SectionBuilder s(catalog, rfc7643_spec(catalog), "5", "Service Provider Configuration Schema");
  struct Probe {
    const char* feature;
    conf::CheckFn run;
    conf::Tag tag;
  };
  for (const auto& p :
       {Probe{"patch", patch_served, tag::kPatch}, Probe{"filter", filter_served, tag::kFilter},
        Probe{"etag", etag_served, tag::kEtag}, Probe{"bulk", bulk_served, tag::kBulk}}) {
    s.add({.slug = std::string(p.feature) + "-advertised-as-served",
           .title = std::string("a target serving ") + p.feature + " does not advertise " +
                    p.feature + ".supported false",
           .level = kShould,
           .requirement = kSupportedSentence,
           .tags = {tag::kDiscovery, p.tag},
           .needs = {cap::kUsers},
           .run = p.run});
  }
}

}  // namespace scim::suites::rfc7643
