// Bounded label values of a request (see request_labels.hpp).
#include "scim/server/observe/request_labels.hpp"

#include <array>

namespace scim::observe {

std::string_view method_label(std::string_view method) {
  static constexpr std::array<std::string_view, 8> kKnown = {"GET",    "POST", "PUT",     "PATCH",
                                                             "DELETE", "HEAD", "OPTIONS", "QUERY"};
  for (auto known : kKnown) {
    if (method == known) return known;
  }
  return "OTHER";
}

std::string_view status_class_label(int status) {
  static constexpr std::array<std::string_view, 5> kClasses = {"1xx", "2xx", "3xx", "4xx", "5xx"};
  if (status < 100 || status > 599) return kNoLabel;  // 0: connection dropped
  return kClasses[static_cast<std::size_t>(status / 100 - 1)];
}

std::string_view resource_type_label(const server::Request& request, const RequestLabelSources& s) {
  if (request.scope != server::Scope::Scim) return kNoLabel;
  std::string_view path = request.path;
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  const std::string_view segment = path.substr(0, path.find('/'));
  const auto it = s.type_by_endpoint.find(segment);
  return it == s.type_by_endpoint.end() ? kNoLabel : std::string_view(it->second);
}

std::string_view tenant_label(const server::Request& request, const RequestLabelSources& s) {
  const auto& p = request.principal;
  if (p.admin || p.tenant.empty()) return kNoLabel;
  // A credential is bound to an existing tenant; an anonymous public request only names one.
  if (!p.credential_name.empty()) return p.tenant;
  if (s.tenant_exists && s.tenant_exists(p.tenant)) return p.tenant;
  return kNoLabel;
}

}  // namespace scim::observe
