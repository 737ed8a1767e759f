// Implementation of the PATCH check helpers.
#include "scim/suites/rfc7644/patch_support.hpp"

#include <utility>

namespace scim::suites::rfc7644 {

conf::HttpResponse send_patch(conf::Context& ctx, const std::string& path, json operations) {
  return ctx.patch(path, patch_body(std::move(operations)));
}

json apply_patch(conf::Context& ctx, const std::string& path, json operations) {
  auto r = send_patch(ctx, path, std::move(operations));
  ctx.expect(r.status == 200 || r.status == 204,
             "a successful PATCH answers 200 or 204 (RFC 7644 §3.5.2)", "200 or 204", brief(r));
  return expect_json(ctx, ctx.get(path), 200, "GET after PATCH");
}

void skip_if_interop_refused(conf::Context& ctx, const conf::HttpResponse& response) {
  if (ctx.profile() != "interop" || response.status != 400) return;
  const auto body = json::parse(response.body, nullptr, false);
  if (!body.is_object() || body.value("scimType", "") != "invalidSyntax") return;
  ctx.skip(
      "refused with 400 invalidSyntax, as the SCIM 2.0 Interoperability Profile §6.5.1.1 "
      "requires of path-less operations (judged by interop/6.5.1.1/path-less-invalid-syntax)");
}

json apply_path_less_patch(conf::Context& ctx, const std::string& path, json operations) {
  auto r = send_patch(ctx, path, std::move(operations));
  skip_if_interop_refused(ctx, r);
  ctx.expect(r.status == 200 || r.status == 204,
             "a successful PATCH answers 200 or 204 (RFC 7644 §3.5.2)", "200 or 204", brief(r));
  return expect_json(ctx, ctx.get(path), 200, "GET after PATCH");
}

std::set<std::string> values(const json& resource, std::string_view attribute,
                             std::string_view sub) {
  std::set<std::string> out;
  const json* items = member(resource, attribute);
  if (!items || !items->is_array()) return out;
  for (const auto& item : *items) {
    const json* v = member(item, sub);
    if (v && v->is_string()) out.insert(v->get<std::string>());
  }
  return out;
}

}  // namespace scim::suites::rfc7644
