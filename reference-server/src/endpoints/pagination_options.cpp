// Spellings of the pagination methods (RFC 9865 §4 defaultPaginationMethod: "cursor", "index").
#include "scim/server/endpoints/pagination_options.hpp"

namespace scim::server {

std::string_view to_string(PaginationMethod method) {
  return method == PaginationMethod::Cursor ? "cursor" : "index";
}

std::optional<PaginationMethod> parse_pagination_method(std::string_view text) {
  if (text == "cursor") return PaginationMethod::Cursor;
  if (text == "index") return PaginationMethod::Index;
  return std::nullopt;
}

}  // namespace scim::server
