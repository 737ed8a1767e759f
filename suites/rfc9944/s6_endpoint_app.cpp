// RFC 9944 §6 SCIM EndpointApp Schema: an EndpointApp created without certificateInfo gets a
// clientToken from the server.
#include "device_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9944 {
namespace s6_endpoint_app_local {

constexpr const char* kClientToken =
    "If certificateInfo is NOT present when an endpointApp is object created, then the server "
    "SHOULD return a clientToken.";

std::string endpoint_app_endpoint(conf::Context& ctx) {
  for (const auto& type : ctx.caps().resource_types) {
    if (type.schema == kEndpointApp) return type.endpoint.empty() ? "/EndpointApps" : type.endpoint;
  }
  ctx.skip("the target advertises no resource type with schema " + std::string(kEndpointApp));
}

void client_token_without_certificate(conf::Context& ctx) {
  const std::string endpoint = endpoint_app_endpoint(ctx);
  const json body = {{"schemas", {std::string(kEndpointApp)}},
                     {"applicationType", "deviceControl"},
                     {"applicationName", ctx.unique_name("app")}};
  const json app = expect_json(ctx, ctx.create_raw(endpoint, body), 201, "POST of an EndpointApp");
  const json* token = member(app, "clientToken");
  ctx.expect(token != nullptr && token->is_string() && !token->get<std::string>().empty(),
             "the created EndpointApp carries a clientToken", "a non-empty string",
             token ? brief(*token) : "absent");
}

}  // namespace s6_endpoint_app_local

void register_s6(conf::Catalog& catalog) {
  using namespace s6_endpoint_app_local;
  SectionBuilder s(catalog, rfc9944_spec(catalog), "6.3.1", "EndpointApp: certificateInfo");
  s.add({.slug = "client-token-without-certificate",
         .title = "an EndpointApp created without certificateInfo gets a clientToken",
         .level = kShould,
         .requirement = kClientToken,
         .tags = {conf::Tag{"devices"}, tag::kCreate},
         .needs = {cap::kDevices},
         .run = client_token_without_certificate});
}

}  // namespace scim::suites::rfc9944
