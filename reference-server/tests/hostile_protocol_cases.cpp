// Hostile catalogue, protocol classes: bad paths and percent-encodings (RFC 3986 §2.1, RFC 7644
// §3.2), malformed filters (§3.4.2.2) in GET and POST .search, malformed PATCH paths and
// operations (§3.5.2), malformed bulk requests (§3.7), wrong media types and methods (§3.1, §3.8),
// and writes that conflict (§3.3 uniqueness, §3.14 preconditions).
#include <string>

#include "hostile_case.hpp"

namespace scim::test::hostile {
namespace {

using json = nlohmann::json;

constexpr const char* kPatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
constexpr const char* kBulk = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
constexpr const char* kSearch = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

void paths(std::vector<Case>& out) {
  const std::vector<std::tuple<std::string, std::string, int, std::string>> cases = {
      {"lone-percent", "/Users/%", 400, "invalidSyntax"},
      {"bad-hex", "/Users/%zz", 400, "invalidSyntax"},
      {"encoded-nul", "/Users/%00", 400, "invalidSyntax"},
      {"query-bad-escape", "/Users?filter=%", 400, "invalidSyntax"},
      {"query-encoded-nul", "/Users?filter=userName%20eq%20%22%00%22", 400, "invalidSyntax"},
      {"unknown-id", "/Users/does-not-exist", 404, ""},
      {"encoded-slash-in-id", "/Users/a%2Fb", 404, ""},
      {"dot-dot-escape", "/Users/%2e%2e/%2e%2e/Groups", 404, ""},
      {"too-many-segments", "/Users/a/b/c", 404, ""},
      {"unknown-endpoint", "/Widgets", 404, ""},
      {"unknown-endpoint-id", "/Widgets/1", 404, ""},
      {"long-id", "/Users/" + std::string(4000, 'a'), 404, ""},
      {"negative-start-index", "/Users?startIndex=abc", 400, "invalidValue"},
      {"count-not-number", "/Users?count=ten", 400, "invalidValue"},
      // A huge count is a valid request (§3.4.2.4: the server MAY return fewer); a fraction not.
      {"count-fraction", "/Users?count=1.5", 400, "invalidValue"},
      {"sort-order-unknown", "/Users?sortBy=userName&sortOrder=sideways", 400, "invalidValue"},
      // The server's documented choice for a sortBy that names no attribute (engine/query/sort).
      {"sort-by-bad-path", "/Users?sortBy=name..givenName", 400, "invalidPath"},
  };
  for (const auto& [name, target, status, type] : cases) {
    out.push_back({"bad-path", name, request("GET", target), status, type});
  }
  out.push_back({"bad-path", "outside-base", request("GET", "/../../etc/passwd"), 404, ""});
}

void filters(std::vector<Case>& out) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"missing-value", "userName eq"},
      {"unterminated-string", "userName eq \"bjensen"},
      {"unbalanced-paren", "(userName eq \"x\""},
      {"unknown-operator", "userName xx \"x\""},
      {"dangling-and", "userName eq \"x\" and"},
      {"not-without-parens", "not userName eq \"x\""},
      {"unclosed-value-path", "emails[type eq \"work\""},
      {"empty-value-path", "emails[]"},
      {"single-quoted", "userName eq 'x'"},
      {"unquoted-string", "userName eq bjensen"},
      {"gt-on-boolean", "active gt true"},
      {"co-on-boolean", "active co true"},
      {"string-for-boolean", "active eq \"yes\""},
      {"pr-with-value", "userName pr \"x\""},
      {"quoted-attribute", "\"userName\" eq \"x\""},
      {"bad-escape", "userName eq \"\\u12\""},
      {"empty", ""},
      {"only-spaces", "   "},
      {"double-operator", "userName eq eq \"x\""},
      {"bad-attribute-chars", "user$Name eq \"x\""},
      {"nested-value-path", "emails[type[value eq \"x\"] eq \"y\"]"},
      {"complex-without-sub", "name eq \"x\""},
  };
  auto encode = [](const std::string& text) {
    std::string outs;
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '.' || c == '_' || c == '-') {
        outs += static_cast<char>(c);
      } else {
        outs += '%';
        outs += hex[c >> 4];
        outs += hex[c & 15];
      }
    }
    return outs;
  };
  for (const auto& [name, filter] : cases) {
    out.push_back({"bad-filter", name, request("GET", "/Users?filter=" + encode(filter)), 400,
                   "invalidFilter"});
  }
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "(";
  deep += "userName eq \"x\"" + std::string(200, ')');
  out.push_back({"bad-filter", "parens-200-deep", request("GET", "/Users?filter=" + encode(deep)),
                 400, "invalidFilter"});
  std::string terms = "userName eq \"0\"";
  for (int i = 1; i < 1100; ++i) terms += " or userName eq \"" + std::to_string(i) + "\"";
  out.push_back(
      {"bad-filter", "terms-1100",
       scim("POST", "/Users/.search", json{{"schemas", {kSearch}}, {"filter", terms}}.dump()), 400,
       "invalidFilter"});
  out.push_back({"bad-filter", "search-body-filter-number",
                 scim("POST", "/.search", json{{"schemas", {kSearch}}, {"filter", 5}}.dump()), 400,
                 "invalidValue"});
  out.push_back({"bad-filter", "search-body-bad-filter",
                 scim("POST", "/Users/.search",
                      json{{"schemas", {kSearch}}, {"filter", "userName eq"}}.dump()),
                 400, "invalidFilter"});
  out.push_back({"bad-filter", "search-missing-schema",
                 scim("POST", "/Users/.search", json{{"filter", "userName pr"}}.dump()), 400,
                 "invalidSyntax"});
}

void patches(const Seeded& s, std::vector<Case>& out) {
  const std::string target = "/Users/" + s.user_id;
  auto op = [&](const std::string& name, const json& ops, const std::string& type) {
    out.push_back({"bad-patch", name, scim("PATCH", target, patch_ops(ops)), 400, type});
  };
  op("missing-op", json::array({{{"path", "nickName"}, {"value", "x"}}}), "invalidSyntax");
  op("unknown-op", json::array({{{"op", "frobnicate"}, {"path", "nickName"}, {"value", "x"}}}),
     "invalidSyntax");
  op("op-not-string", json::array({{{"op", 1}, {"path", "nickName"}, {"value", "x"}}}),
     "invalidSyntax");
  op("unclosed-filter",
     json::array({{{"op", "replace"}, {"path", "emails[type eq \"work\""}, {"value", "x"}}}),
     "invalidPath");
  op("double-dot", json::array({{{"op", "replace"}, {"path", "name..givenName"}, {"value", "x"}}}),
     "invalidPath");
  op("unknown-attribute", json::array({{{"op", "replace"}, {"path", "shoeSize"}, {"value", 9}}}),
     "invalidPath");
  op("filter-on-single-valued",
     json::array({{{"op", "replace"}, {"path", "userName[value eq \"x\"]"}, {"value", "y"}}}),
     "invalidPath");
  op("path-5000-chars",
     json::array({{{"op", "replace"}, {"path", std::string(5000, 'a')}, {"value", "y"}}}),
     "invalidPath");
  op("path-not-string", json::array({{{"op", "replace"}, {"path", 5}, {"value", "y"}}}),
     "invalidPath");
  op("remove-without-path", json::array({{{"op", "remove"}}}), "noTarget");
  op("replace-id", json::array({{{"op", "replace"}, {"path", "id"}, {"value", "new"}}}),
     "mutability");
  op("add-meta-created",
     json::array({{{"op", "add"}, {"path", "meta.created"}, {"value", "2020-01-01T00:00:00Z"}}}),
     "mutability");
  // A PatchOp whose operation lacks "value" does not conform to the request schema.
  op("add-without-value", json::array({{{"op", "add"}, {"path", "nickName"}}}), "invalidSyntax");
  op("replace-wrong-type", json::array({{{"op", "replace"}, {"path", "active"}, {"value", "no"}}}),
     "invalidValue");
  op("add-no-path-not-object", json::array({{{"op", "add"}, {"value", "x"}}}), "invalidValue");
  op("filter-matches-nothing",
     json::array(
         {{{"op", "replace"}, {"path", "emails[type eq \"pager\"].value"}, {"value", "x"}}}),
     "noTarget");
  out.push_back({"bad-patch", "operations-not-array",
                 scim("PATCH", target, json{{"schemas", {kPatchOp}}, {"Operations", "add"}}.dump()),
                 400, "invalidSyntax"});
  out.push_back({"bad-patch", "missing-schemas",
                 scim("PATCH", target, json{{"Operations", json::array()}}.dump()), 400,
                 "invalidSyntax"});
  out.push_back(
      {"bad-patch", "wrong-schema",
       scim("PATCH", target, json{{"schemas", {kBulk}}, {"Operations", json::array()}}.dump()), 400,
       "invalidSyntax"});
  json many = json::array();
  for (int i = 0; i < 1001; ++i)
    many.push_back({{"op", "replace"}, {"path", "nickName"}, {"value", "n"}});
  out.push_back({"bad-patch", "operations-1001", scim("PATCH", target, patch_ops(many)), 413, ""});
}

void bulks(std::vector<Case>& out) {
  auto bulk = [&](const std::string& name, const std::string& body, int status,
                  const std::string& type) {
    out.push_back({"bad-bulk", name, scim("POST", "/Bulk", body), status, type});
  };
  const json user = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                     {"userName", "b1"}};
  bulk("not-object", "[1,2]", 400, "invalidSyntax");
  bulk("missing-schemas", json{{"Operations", json::array()}}.dump(), 400, "invalidSyntax");
  bulk("operations-not-array", json{{"schemas", {kBulk}}, {"Operations", {{"a", 1}}}}.dump(), 400,
       "invalidSyntax");
  bulk("fail-on-errors-string",
       json{{"schemas", {kBulk}}, {"failOnErrors", "x"}, {"Operations", json::array()}}.dump(), 400,
       "invalidValue");
  bulk("fail-on-errors-zero",
       json{{"schemas", {kBulk}}, {"failOnErrors", 0}, {"Operations", json::array()}}.dump(), 400,
       "invalidValue");
  bulk("duplicate-bulk-id",
       json{{"schemas", {kBulk}},
            {"Operations",
             {{{"method", "POST"}, {"path", "/Users"}, {"bulkId", "q"}, {"data", user}},
              {{"method", "POST"}, {"path", "/Users"}, {"bulkId", "q"}, {"data", user}}}}}
           .dump(),
       400, "invalidValue");
  json ops = json::array();
  for (int i = 0; i < 1001; ++i) ops.push_back({{"method", "DELETE"}, {"path", "/Users/x"}});
  bulk("operations-1001", json{{"schemas", {kBulk}}, {"Operations", ops}}.dump(), 413, "");
  bulk("truncated", R"({"schemas":[")" + std::string(kBulk) + R"("],"Operations":[{"method":)", 400,
       "invalidSyntax");
  bulk("duplicate-member",
       R"({"schemas":[")" + std::string(kBulk) + R"("],"Operations":[],"Operations":[]})", 400,
       "invalidSyntax");
}

void media_and_methods(const Seeded& s, std::vector<Case>& out) {
  const std::string body = user_with({{"userName", "media"}});
  const std::string id = "/Users/" + s.user_id;
  out.push_back({"wrong-media-type", "text-plain",
                 request("POST", "/Users", body, {"Content-Type: text/plain"}), 415, ""});
  out.push_back({"wrong-media-type", "xml",
                 request("POST", "/Users", "<user/>", {"Content-Type: application/xml"}), 415, ""});
  out.push_back(
      {"wrong-media-type", "form",
       request("POST", "/Users", "userName=x", {"Content-Type: application/x-www-form-urlencoded"}),
       415, ""});
  out.push_back({"wrong-media-type", "multipart",
                 request("POST", "/Users", body, {"Content-Type: multipart/form-data; boundary=x"}),
                 415, ""});
  out.push_back(
      {"wrong-media-type", "accept-html", request("GET", id, "", {"Accept: text/html"}), 406, ""});
  out.push_back({"wrong-media-type", "accept-xml-only",
                 request("GET", "/Users", "", {"Accept: application/xml"}), 406, ""});
  const std::vector<std::tuple<std::string, std::string, std::string>> methods = {
      {"delete-collection", "DELETE", "/Users"},
      {"put-collection", "PUT", "/Users"},
      {"patch-collection", "PATCH", "/Users"},
      {"post-to-resource", "POST", id},
      {"patch-spc", "PATCH", "/ServiceProviderConfig"},
      {"delete-schemas", "DELETE", "/Schemas"},
      {"put-resource-types", "PUT", "/ResourceTypes"},
      {"get-bulk", "GET", "/Bulk"},
      {"trace", "TRACE", "/Users"},
      {"purge", "PURGE", id},
      {"get-search", "GET", "/Users/.search"},
  };
  for (const auto& [name, method, target] : methods) {
    out.push_back({"wrong-method", name, request(method, target), 405, ""});
  }
}

void conflicts(const Seeded& s, std::vector<Case>& out) {
  const std::string id = "/Users/" + s.user_id;
  out.push_back({"conflict", "duplicate-username",
                 scim("POST", "/Users", user_with({{"userName", "bjensen"}})), 409, "uniqueness"});
  out.push_back({"conflict", "duplicate-username-case",
                 scim("POST", "/Users", user_with({{"userName", "BJENSEN"}})), 409, "uniqueness"});
  out.push_back({"conflict", "put-takes-other-username",
                 scim("PUT", "/Users/" + s.other_id, user_with({{"userName", "bjensen"}})), 409,
                 "uniqueness"});
  const std::string stale = "If-Match: W/\"stale\"";
  out.push_back({"conflict", "put-stale-etag",
                 scim("PUT", id, user_with({{"userName", "bjensen"}}), {stale}), 412, ""});
  out.push_back(
      {"conflict", "patch-stale-etag",
       scim("PATCH", id, patch_ops({{{"op", "replace"}, {"path", "nickName"}, {"value", "x"}}}),
            {stale}),
       412, ""});
  out.push_back({"conflict", "delete-stale-etag", request("DELETE", id, "", {stale}), 412, ""});
  out.push_back({"conflict", "missing-required-username",
                 scim("POST", "/Users",
                      json{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}}}.dump()),
                 400, "invalidValue"});
}

}  // namespace

std::vector<Case> protocol_cases(const Seeded& seeded) {
  std::vector<Case> out;
  paths(out);
  filters(out);
  patches(seeded, out);
  bulks(out);
  media_and_methods(seeded, out);
  conflicts(seeded, out);
  return out;
}

}  // namespace scim::test::hostile
