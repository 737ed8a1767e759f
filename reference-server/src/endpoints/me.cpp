// Resolution of the /Me alias (RFC 7644 §3.11).
#include "scim/server/endpoints/me.hpp"

namespace scim::server {

Result<MeTarget> resolve_me(const Context& ctx) {
  // "A service provider that does NOT support this feature SHOULD respond with HTTP status code
  // 501 (Not Implemented)."
  if (!ctx.config.features.me)
    return http_error(501, "/Me is not supported by this service provider (RFC 7644 §3.11)");
  const auto& subject = ctx.request.principal.subject;
  if (!subject || subject->empty()) {
    return http_error(501, "/Me is not available: the credential is bound to no resource");
  }
  if (ctx.request.method == "POST") {
    return http_error(501,
                      "creating a resource through /Me is not supported; POST to its endpoint");
  }
  auto type_name = ctx.store.type_of(*subject);
  const ResourceType* type = type_name ? ctx.registry.find_resource_type(*type_name) : nullptr;
  if (!type) return not_found("the authenticated subject \"" + *subject + "\" has no resource");
  return MeTarget{type, *subject};
}

}  // namespace scim::server
