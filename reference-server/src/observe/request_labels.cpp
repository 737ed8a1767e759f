// Bounded label values of a request (see request_labels.hpp).
#include "scim/server/observe/request_labels.hpp"

#include <array>

#include "scim/protocol/strings.hpp"

namespace scim::observe {

std::string method_label(std::string_view method) {
  static constexpr std::array<std::string_view, 8> kKnown = {"GET",    "POST", "PUT",     "PATCH",
                                                             "DELETE", "HEAD", "OPTIONS", "QUERY"};
  for (auto known : kKnown) {
    if (method == known) return std::string(known);
  }
  return "OTHER";
}

std::string status_class_label(int status) {
  if (status < 100 || status > 599) return std::string(kNoLabel);  // 0: connection dropped
  return std::to_string(status / 100) + "xx";
}

std::string resource_type_label(const server::Request& request, const RequestLabelSources& s) {
  if (request.scope != server::Scope::Scim) return std::string(kNoLabel);
  std::string_view path = request.path;
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  std::string segment = to_lower(path.substr(0, path.find('/')));
  auto it = s.type_by_endpoint.find(segment);
  return it == s.type_by_endpoint.end() ? std::string(kNoLabel) : it->second;
}

std::string tenant_label(const server::Request& request, const RequestLabelSources& s) {
  const auto& p = request.principal;
  if (p.admin || p.tenant.empty()) return std::string(kNoLabel);
  // A credential is bound to an existing tenant; an anonymous public request only names one.
  if (!p.credential_name.empty()) return p.tenant;
  if (s.tenant_exists && s.tenant_exists(p.tenant)) return p.tenant;
  return std::string(kNoLabel);
}

}  // namespace scim::observe
