// DeviatingMiddleware: each deviation is one small post- (or pre-) processing step around the real
// handler, documented in docs/server.md as "for testing conformance tools only". Never enabled
// unless --deviate is given.
#include "scim/server/deviate/deviations.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace scim::deviate {

using server::Request;
using server::Response;

namespace {

using nlohmann::json;

json parse(const std::string& body) {
  if (body.empty() || body.front() != '{') return json();  // not a JSON object: leave it
  return json::parse(body, nullptr, /*allow_exceptions=*/false);
}

std::string dump(const json& doc) {
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

void drop_conditional_headers(Request& request) {
  for (auto it = request.headers.begin(); it != request.headers.end();) {
    if (iequals(it->first, "if-match") || iequals(it->first, "if-none-match")) {
      it = request.headers.erase(it);
    } else {
      ++it;
    }
  }
}

// no-etag: RFC 7644 §3.14 versions disappear from headers and bodies.
void strip_versions(Response& response) {
  auto& h = response.headers;
  h.erase(
      std::remove_if(h.begin(), h.end(), [](const auto& kv) { return iequals(kv.first, "ETag"); }),
      h.end());
  json doc = parse(response.body);
  if (!doc.is_object()) return;
  auto strip = [](json& resource) {
    if (resource.is_object() && resource.contains("meta") && resource["meta"].is_object()) {
      resource["meta"].erase("version");
    }
  };
  strip(doc);
  if (doc.contains("Resources") && doc["Resources"].is_array()) {
    for (auto& r : doc["Resources"]) strip(r);
  }
  response.body = dump(doc);
}

// patch-unadvertised, filter-unadvertised: RFC 7643 §5 "<feature> ... supported" says false
// while the feature keeps working, so clients that trust discovery never use it.
void unadvertise(const Request& request, Response& response, const char* feature) {
  if (request.method != "GET" || !request.path.ends_with("/ServiceProviderConfig")) return;
  json doc = parse(response.body);
  if (!doc.is_object() || !doc.contains(feature) || !doc[feature].is_object()) return;
  doc[feature]["supported"] = false;
  response.body = dump(doc);
}

// wrong-error-shape: RFC 7644 §3.12 says "status" is a string and the Error URN is present.
void reshape_error(Response& response) {
  json doc = parse(response.body);
  if (!doc.is_object() || !doc.contains("schemas")) return;
  const auto& schemas = doc["schemas"];
  if (!schemas.is_array() ||
      std::find(schemas.begin(), schemas.end(), urn::kError) == schemas.end()) {
    return;
  }
  doc.erase("schemas");
  if (doc.contains("status") && doc["status"].is_string()) {
    const auto text = doc["status"].get<std::string>();
    int status = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), status);
    if (ec == std::errc() && end == text.data() + text.size()) doc["status"] = status;
  }
  response.body = dump(doc);
}

// cursor-ignores-count: RFC 9865 §2 count "When specified, the service provider MUST NOT return
// more although it MAY return fewer results". The count of a cursor-paged query (a "cursor"
// query parameter or SearchRequest member) is dropped before the service sees it, so every page
// has the default page size, and the cursors stay consistent from page to page.
void drop_cursor_count(Request& request) {
  if (request.method == "GET" && request.query_param("cursor")) {
    for (auto it = request.query.begin(); it != request.query.end();) {
      it = iequals(it->first, "count") ? request.query.erase(it) : std::next(it);
    }
    return;
  }
  const std::string_view search = "/.search";
  const bool is_search =
      request.path.size() >= search.size() &&
      request.path.compare(request.path.size() - search.size(), search.size(), search) == 0;
  if (request.method != "POST" || !is_search) return;
  json doc = parse(request.body);
  if (!doc.is_object() || !doc.contains("cursor") || !doc.contains("count")) return;
  doc.erase("count");
  request.body = dump(doc);
}

// filter-case-sensitive: an encoding under which ASCII case folding no longer hides case —
// each upper-case letter becomes its lower-case letter followed by '~'. A resource matches
// case-exactly when the engine (which folds caseExact=false attributes) matches the encoded
// filter on the encoded resource. dateTime-looking strings stay as they are so that they still
// compare as instants.
std::string encode_case(std::string_view text) {
  const bool looks_like_date =
      text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])) && text[4] == '-';
  if (looks_like_date) return std::string(text);
  std::string out;
  out.reserve(text.size() * 2);
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      out += '~';
    } else {
      out += c;
    }
  }
  return out;
}

void encode_strings(json& node) {
  if (node.is_string()) {
    node = encode_case(node.get<std::string>());
  } else if (node.is_structured()) {
    for (auto& child : node) encode_strings(child);
  }
}

// Re-encodes every string literal ("..." with JSON escapes) of a filter expression.
std::optional<std::string> encode_filter_literals(std::string_view filter) {
  std::string out;
  std::size_t i = 0;
  while (i < filter.size()) {
    if (filter[i] != '"') {
      out += filter[i++];
      continue;
    }
    std::size_t end = i + 1;
    while (end < filter.size() && filter[end] != '"') end += filter[end] == '\\' ? 2 : 1;
    if (end >= filter.size()) return std::nullopt;
    json literal = json::parse(filter.substr(i, end - i + 1), nullptr, false);
    if (!literal.is_string()) return std::nullopt;
    out += dump(encode_case(literal.get<std::string>()));
    i = end + 1;
  }
  return out;
}

// patch-add-replaces: RFC 7644 §3.5.2.1 (and the interop profile §6.5.2.1-2) make "add" merge
// into a complex attribute and append to a multi-valued one; here every "add" with a path is
// applied as "replace".
void add_as_replace(Request& request) {
  if (request.method != "PATCH") return;
  json doc = parse(request.body);
  if (!doc.is_object() || !doc.contains("Operations") || !doc["Operations"].is_array()) return;
  for (auto& op : doc["Operations"]) {
    if (op.is_object() && op.contains("path") && op.contains("op") && op["op"].is_string() &&
        iequals(op["op"].get<std::string>(), "add"))
      op["op"] = "replace";
  }
  request.body = dump(doc);
}

// delete-deactivates: RFC 7644 §3.6 and the interop profile §6.6 ("MUST NOT respond to an HTTP
// DELETE request by modifying resource attributes rather than deleting the resource (e.g.,
// setting a User's active attribute to false)"): here DELETE of a User does exactly that, and
// answers 204 as if it had deleted it.
std::optional<Response> deactivate_instead(const Request& request, const server::Next& next) {
  if (request.method != "DELETE" || request.path.rfind("/Users/", 0) != 0) return std::nullopt;
  Request patch = request;
  patch.method = "PATCH";
  patch.headers["content-type"] = std::string(urn::kScimMediaType);
  patch.body =
      dump(json{{"schemas", {urn::kPatchOp}},
                {"Operations", {{{"op", "replace"}, {"path", "active"}, {"value", false}}}}});
  Response answer = next(patch);
  if (answer.status != 200 && answer.status != 204) return answer;
  return server::no_content(204);
}

}  // namespace

const std::vector<std::string_view>& Deviations::names() {
  static const std::vector<std::string_view> kNames{"no-etag",
                                                    "filter-case-sensitive",
                                                    "patch-not-atomic",
                                                    "wrong-error-shape",
                                                    "cursor-ignores-count",
                                                    "device-uniqueness-off",
                                                    "patch-unadvertised",
                                                    "filter-unadvertised",
                                                    "patch-add-replaces",
                                                    "delete-deactivates"};
  return kNames;
}

bool Deviations::enable(std::string_view name) {
  if (name == "no-etag") return no_etag = true;
  if (name == "filter-case-sensitive") return filter_case_sensitive = true;
  if (name == "patch-not-atomic") return patch_not_atomic = true;
  if (name == "wrong-error-shape") return wrong_error_shape = true;
  if (name == "cursor-ignores-count") return cursor_ignores_count = true;
  if (name == "device-uniqueness-off") return device_uniqueness_off = true;
  if (name == "patch-unadvertised") return patch_unadvertised = true;
  if (name == "filter-unadvertised") return filter_unadvertised = true;
  if (name == "patch-add-replaces") return patch_add_replaces = true;
  if (name == "delete-deactivates") return delete_deactivates = true;
  return false;
}

// device-uniqueness-off: RFC 9944 §7.1 "It is a unique 48-bit value" (uniqueness "server" in our
// schema) stops being enforced for the Device type's extension attributes.
std::vector<store::TypeSpec> deviate_store_specs(const Deviations& deviations,
                                                 std::vector<store::TypeSpec> specs) {
  if (!deviations.device_uniqueness_off) return specs;
  for (auto& spec : specs) {
    if (spec.name != "Device") continue;
    auto& u = spec.unique;
    u.erase(std::remove_if(u.begin(), u.end(),
                           [](const store::IndexedAttribute& a) {
                             return a.name.find(':') != std::string::npos;
                           }),
            u.end());
  }
  return specs;
}

DeviatingMiddleware::DeviatingMiddleware(const Registry& registry, Deviations deviations)
    : registry_(registry), deviations_(deviations) {}

Response DeviatingMiddleware::handle(Request& request, const server::Next& next) {
  if (deviations_.no_etag) drop_conditional_headers(request);
  if (deviations_.cursor_ignores_count) drop_cursor_count(request);
  if (deviations_.patch_add_replaces) add_as_replace(request);
  if (deviations_.delete_deactivates) {
    if (auto answered = deactivate_instead(request, next)) return *answered;
  }
  Response response = next(request);
  if (deviations_.patch_not_atomic && request.method == "PATCH" && response.status == 400) {
    reapply_patch_prefix(request, next);
  }
  if (deviations_.filter_case_sensitive && request.method == "GET" && response.status == 200) {
    filter_case_exactly(request, response);
  }
  if (deviations_.no_etag) strip_versions(response);
  if (deviations_.patch_unadvertised && response.status == 200)
    unadvertise(request, response, "patch");
  if (deviations_.filter_unadvertised && response.status == 200)
    unadvertise(request, response, "filter");
  if (deviations_.wrong_error_shape && response.status >= 400) reshape_error(response);
  return response;
}

// patch-not-atomic: RFC 7644 §3.5.2 "If a PATCH operation fails, the entire request MUST fail
// and no changes are made" — here each operation is re-sent alone and the ones before the
// failing one stay applied.
void DeviatingMiddleware::reapply_patch_prefix(const Request& request, const server::Next& next) {
  json doc = parse(request.body);
  if (!doc.is_object() || !doc.contains("Operations") || !doc["Operations"].is_array()) return;
  for (const auto& op : doc["Operations"]) {
    Request single = request;
    single.body = dump(json{{"schemas", {urn::kPatchOp}}, {"Operations", json::array({op})}});
    if (next(single).status >= 300) return;
  }
}

// Drops, from a GET list page, the resources that match only because of case folding.
void DeviatingMiddleware::filter_case_exactly(const Request& request, Response& response) const {
  const auto* filter = request.query_param("filter");
  const ResourceType* type = registry_.find_by_endpoint(request.path);
  if (!filter || !type) return;
  auto encoded = encode_filter_literals(*filter);
  if (!encoded) return;
  auto parsed = engine::parse_filter(*encoded, registry_, *type);
  if (!parsed) return;
  json doc = parse(response.body);
  if (!doc.is_object() || !doc.contains("Resources") || !doc["Resources"].is_array()) return;
  json kept = json::array();
  for (const auto& resource : doc["Resources"]) {
    json copy = resource;
    encode_strings(copy);
    if (engine::matches(*parsed, copy)) kept.push_back(resource);
  }
  const auto removed = doc["Resources"].size() - kept.size();
  if (doc.contains("totalResults") && doc["totalResults"].is_number_unsigned()) {
    doc["totalResults"] = doc["totalResults"].get<std::size_t>() - removed;
  }
  doc["itemsPerPage"] = kept.size();
  doc["Resources"] = std::move(kept);
  response.body = dump(doc);
}

}  // namespace scim::deviate
