// Query parameters from the URL (RFC 7644 §3.4.2) or from a SearchRequest body (§3.4.3), with
// RFC 9865's cursor in both.
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/endpoints/list.hpp"

namespace scim::server {
namespace {

// Reads one SearchRequest member; `as_list` joins an array of strings with commas.
Status<> read_member(const nlohmann::json& body, std::string_view name, bool integer, bool as_list,
                     std::optional<std::string>& out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Ok{};
  if (integer) {
    if (!it->is_number_integer()) return invalid_value(std::string(name) + " must be an integer");
    out = std::to_string(it->get<long long>());
  } else if (it->is_string()) {
    out = it->get<std::string>();
  } else if (as_list && it->is_array()) {
    std::string joined;
    for (const auto& v : *it) {
      if (!v.is_string()) return invalid_value(std::string(name) + " must list strings");
      joined += (joined.empty() ? "" : ",") + v.get<std::string>();
    }
    out = joined;
  } else {
    return invalid_value(std::string(name) +
                         (as_list ? " must be an array of strings" : " must be a string"));
  }
  return Ok{};
}

}  // namespace

ListParams list_params_from_query(const Request& r) {
  return {r.query_value("filter"),
          r.query_value("sortBy"),
          r.query_value("sortOrder"),
          r.query_value("startIndex"),
          r.query_value("count"),
          r.query_value("attributes"),
          r.query_value("excludedAttributes"),
          r.query_value("cursor")};
}

Result<ListParams> list_params_from_search(const nlohmann::json& body) {
  if (!body.is_object()) return invalid_syntax("a SearchRequest must be a JSON object");
  bool has_urn = false;
  if (auto s = body.find("schemas"); s != body.end() && s->is_array()) {
    for (const auto& v : *s)
      has_urn |= v.is_string() && iequals(v.get<std::string>(), urn::kSearchRequest);
  }
  if (!has_urn) {
    return invalid_syntax("\"schemas\" must list " + std::string(urn::kSearchRequest));
  }
  ListParams p;
  const struct {
    std::string_view name;
    bool integer, as_list;
    std::optional<std::string>& out;
  } members[] = {{"filter", false, false, p.filter},
                 {"sortBy", false, false, p.sort_by},
                 {"sortOrder", false, false, p.sort_order},
                 {"startIndex", true, false, p.start_index},
                 {"count", true, false, p.count},
                 {"attributes", false, true, p.attributes},
                 {"excludedAttributes", false, true, p.excluded_attributes},
                 {"cursor", false, false, p.cursor}};
  for (const auto& m : members) {
    if (auto st = read_member(body, m.name, m.integer, m.as_list, m.out); !st) return st.error();
  }
  return p;
}

}  // namespace scim::server
