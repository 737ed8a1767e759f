// Implementation of the shared check helpers.
#include "scim/suites/common/helpers.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "scim/protocol/urns.hpp"

namespace scim::suites {

std::string id_string(const json& resource) {
  if (!resource.is_object()) return {};
  auto it = resource.find("id");
  return it != resource.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

bool lists_member(const json& group, std::string_view id) {
  const json* members = member(group, "members");
  if (!members || !members->is_array()) return false;
  for (const auto& m : *members) {
    const json* value = member(m, "value");
    if (value && value->is_string() && value->get<std::string>() == id) return true;
  }
  return false;
}

std::string path_of(conf::Context& ctx, std::string_view endpoint, const json& resource) {
  std::string id = id_string(resource);
  ctx.expect(!id.empty(), "resource carries a string \"id\" (RFC 7643 §3.1)", "an id",
             brief(resource));
  return std::string(endpoint) + "/" + id;
}

std::string user_path(conf::Context& ctx, const json& user) {
  return path_of(ctx, "/Users", user);
}
std::string group_path(conf::Context& ctx, const json& group) {
  return path_of(ctx, "/Groups", group);
}

json expect_json(conf::Context& ctx, const conf::HttpResponse& response, int status,
                 std::string_view what) {
  ctx.expect_status(response, status, what);
  json body = ctx.json_body(response);
  ctx.expect(body.is_object(), std::string(what) + ": body is a JSON object", "object",
             brief(body));
  return body;
}

json expect_list(conf::Context& ctx, const conf::HttpResponse& response, std::string_view what) {
  json body = expect_json(ctx, response, 200, what);
  ctx.expect(has_schema(body, urn::kListResponse),
             std::string(what) + ": schemas contains the ListResponse URN (RFC 7644 §3.4.2)",
             std::string(urn::kListResponse), brief(body.value("schemas", json())));
  const json* total = member(body, "totalResults");
  ctx.expect(total != nullptr && total->is_number_integer(),
             std::string(what) + ": totalResults is an integer (RFC 7644 §3.4.2)",
             "integer totalResults", total ? brief(*total) : "absent");
  const json* res = member(body, "Resources");
  ctx.expect(res == nullptr || res->is_array(), std::string(what) + ": Resources is an array",
             "array", res ? brief(*res) : "absent");
  return body;
}

json query(conf::Context& ctx, std::string_view endpoint, std::string_view filter,
           std::string_view extra) {
  std::string path = std::string(endpoint) + "?filter=" + conf::Context::encode(filter);
  path += extra;
  return expect_list(ctx, ctx.get(path), std::string("filter ") + std::string(filter));
}

json list_by_prefix(conf::Context& ctx, const std::string& prefix, std::string_view extra) {
  const std::string filter = "userName sw " + literal(prefix);
  auto r = ctx.get("/Users?filter=" + conf::Context::encode(filter) + std::string(extra));
  if (r.status == 400) {
    auto body = r.json();
    if (body && body->is_object() && body->value("scimType", "") == "invalidFilter")
      ctx.skip("target declines `" + filter + "` (400 invalidFilter), which this check uses to " +
               "list only its own users");
  }
  return expect_list(ctx, r, "filter " + filter + std::string(extra));
}

json resources_of(const json& list) {
  const json* res = member(list, "Resources");
  return res && res->is_array() ? *res : json::array();
}

std::set<std::string> ids_of(const json& list) {
  std::set<std::string> ids;
  for (const auto& r : resources_of(list)) ids.insert(id_string(r));
  return ids;
}

static std::string join(const std::set<std::string>& ids) {
  std::string out = "{";
  for (const auto& id : ids) out += (out.size() > 1 ? ", " : "") + id;
  return out + "}";
}

void expect_ids(conf::Context& ctx, const json& list, const std::set<std::string>& expected,
                std::string_view what) {
  std::set<std::string> actual = ids_of(list);
  ctx.expect(actual == expected, std::string(what), join(expected), join(actual));
}

const json* member(const json& object, std::string_view name) {
  if (!object.is_object()) return nullptr;
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return &it.value();
  }
  return nullptr;
}

bool has_member(const json& object, std::string_view name) {
  const json* m = member(object, name);
  return m != nullptr && !m->is_null();
}

bool has_schema(const json& body, std::string_view urn) {
  const json* schemas = member(body, "schemas");
  if (!schemas || !schemas->is_array()) return false;
  return std::any_of(schemas->begin(), schemas->end(),
                     [&](const json& s) { return s.is_string() && s.get<std::string>() == urn; });
}

std::string literal(std::string_view text) {
  return json(std::string(text)).dump();
}

json patch_body(json operations) {
  return json{{"schemas", {std::string(urn::kPatchOp)}}, {"Operations", std::move(operations)}};
}

std::string brief(const json& value) {
  std::string text = value.dump();
  if (text.size() > 300) text = text.substr(0, 300) + "...";
  return text;
}

std::string brief(const conf::HttpResponse& response) {
  std::string text = std::to_string(response.status) + " " + response.body.substr(0, 300);
  if (response.body.size() > 300) text += "...";
  return text;
}

std::string expect_header(conf::Context& ctx, const conf::HttpResponse& response,
                          std::string_view name) {
  const std::string* value = response.header(name);
  ctx.expect(value != nullptr && !value->empty(),
             "response carries a " + std::string(name) + " header", std::string(name) + ": <value>",
             "absent");
  return *value;
}

void require_type(conf::Context& ctx, std::string_view name) {
  if (ctx.caps().find_type(name) == nullptr)
    ctx.skip("target does not advertise the " + std::string(name) + " resource type");
}

}  // namespace scim::suites
