// Hostile catalogue, JSON classes: malformed and truncated JSON, wrong types in every attribute
// kind (RFC 7643 §2.3), huge numbers and strings, deep nesting, invalid UTF-8 (RFC 8259 §8.1)
// and duplicate member names (RFC 8259 §4, rule in api/json_text.hpp).
#include <string>

#include "hostile_case.hpp"

namespace scim::test::hostile {
namespace {

using json = nlohmann::json;

constexpr const char* kUser = "urn:ietf:params:scim:schemas:core:2.0:User";
constexpr const char* kEnterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

void malformed(std::vector<Case>& out) {
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {"open-brace", "{"},
      {"unterminated-string", R"({"userName":"bjensen)"},
      {"missing-value", R"({"userName":})"},
      {"missing-colon", R"({"userName" "x"})"},
      {"trailing-comma-object", R"({"userName":"x",})"},
      {"trailing-comma-array", R"({"schemas":["urn:x",]})"},
      {"single-quotes", R"({'userName':'x'})"},
      {"unquoted-key", R"({userName:"x"})"},
      {"two-documents", R"({"userName":"x"} {"userName":"y"})"},
      {"extra-close", R"({"userName":"x"}})"},
      {"bare-word", "userName=x"},
      {"nan", R"({"userName":"x","active":NaN})"},
      {"infinity", R"({"userName":"x","active":Infinity})"},
      {"leading-zero", R"({"userName":"x","n":01})"},
      {"bad-escape", R"({"userName":"\q"})"},
      {"control-character", std::string("{\"userName\":\"a") + '\x01' + "\"}"},
      {"nul-byte", std::string("{\"userName\":\"a\"}") + '\0'},
      {"lone-surrogate-escape", R"({"userName":"\ud800"})"},
      {"comment", R"({"userName":"x" /* c */})"},
      {"whitespace-only", "   \r\n  "},
  };
  for (const auto& [name, body] : bodies) {
    out.push_back({"malformed-json", name, scim("POST", "/Users", body), 400, "invalidSyntax"});
  }
  // A whole RFC 7643 §8.2-like user cut short at growing lengths.
  const std::string whole = json{{"schemas", {kUser, kEnterprise}},
                                 {"userName", "cut"},
                                 {"name", {{"givenName", "Barbara"}, {"familyName", "Jensen"}}},
                                 {"emails", {{{"value", "b@example.com"}, {"type", "work"}}}},
                                 {kEnterprise, {{"employeeNumber", "701984"}}}}
                                .dump();
  for (std::size_t cut : {2, 5, 20, 40, 60, 90, 120, 150, 180}) {
    if (cut >= whole.size()) break;
    out.push_back({"truncated-json", "cut-at-" + std::to_string(cut),
                   scim("POST", "/Users", whole.substr(0, cut)), 400, "invalidSyntax"});
  }
  out.push_back({"malformed-json", "invalid-utf8-byte",
                 scim("POST", "/Users", "{\"userName\":\"b\xff\"}"), 400, "invalidSyntax"});
  out.push_back({"malformed-json", "invalid-utf8-overlong",
                 scim("POST", "/Users", "{\"userName\":\"\xc0\xaf\"}"), 400, "invalidSyntax"});
  out.push_back({"malformed-json", "invalid-utf8-surrogate",
                 scim("POST", "/Users", "{\"userName\":\"\xed\xa0\x80\"}"), 400, "invalidSyntax"});
  out.push_back({"malformed-json", "duplicate-member",
                 scim("POST", "/Users", R"({"userName":"a","userName":"b"})"), 400,
                 "invalidSyntax"});
  out.push_back({"malformed-json", "duplicate-member-case",
                 scim("POST", "/Users", R"({"userName":"a","USERNAME":"b"})"), 400,
                 "invalidSyntax"});
}

// RFC 7643 §2.3: each attribute has one data type; a value of another type is invalid.
void wrong_types(std::vector<Case>& out) {
  const std::vector<std::pair<std::string, json>> cases = {
      {"string-as-number", {{"userName", 42}}},
      {"string-as-bool", {{"userName", true}}},
      {"string-as-array", {{"userName", json::array({"a"})}}},
      {"string-as-object", {{"userName", {{"a", 1}}}}},
      {"string-as-null-required", {{"userName", nullptr}}},
      {"complex-as-string", {{"name", "Barbara Jensen"}}},
      {"complex-as-array", {{"name", json::array({"x"})}}},
      {"sub-attribute-as-number", {{"name", {{"givenName", 7}}}}},
      {"boolean-as-string", {{"active", "yes"}}},
      {"boolean-as-number", {{"active", 1}}},
      {"multi-valued-as-string", {{"emails", "b@example.com"}}},
      {"multi-valued-as-object", {{"emails", {{"value", "b@example.com"}}}}},
      {"multi-valued-element-as-string", {{"emails", json::array({"b@example.com"})}}},
      {"multi-valued-value-as-number", {{"emails", json::array({{{"value", 5}}})}}},
      {"primary-as-string", {{"emails", json::array({{{"value", "a@b.c"}, {"primary", "true"}}})}}},
      {"reference-as-number", {{"profileUrl", 12}}},
      {"binary-not-base64", {{"x509Certificates", json::array({{{"value", "not base64!"}}})}}},
      {"extension-as-string", {{kEnterprise, "x"}}},
      {"extension-attribute-wrong", {{kEnterprise, {{"employeeNumber", 701984}}}}},
      {"extension-complex-wrong", {{kEnterprise, {{"manager", "26118915"}}}}},
      {"schemas-as-string", {{"schemas", kUser}}},
      {"schemas-element-number", {{"schemas", json::array({1})}}},
      {"huge-integer-as-string-attr",
       json::parse(R"({"userName": 123456789012345678901234567890})")},
      {"huge-float-as-bool", json::parse(R"({"active": 1e308})")},
  };
  for (const auto& [name, extra] : cases) {
    const bool syntax = name.rfind("schemas-", 0) == 0;  // a malformed "schemas" is structure
    out.push_back({"wrong-type", name, scim("POST", "/Users", user_with(extra)), 400,
                   syntax ? "invalidSyntax" : "invalidValue"});
  }
  out.push_back({"wrong-type", "group-members-as-object",
                 scim("POST", "/Groups",
                      json{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                           {"displayName", "g"},
                           {"members", {{"value", "x"}}}}
                          .dump()),
                 400, "invalidValue"});
  out.push_back(
      {"wrong-type", "group-display-name-number",
       scim("POST", "/Groups",
            json{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}}, {"displayName", 3}}
                .dump()),
       400, "invalidValue"});
  out.push_back(
      {"wrong-type", "body-is-array", scim("POST", "/Users", "[]"), 400, "invalidSyntax"});
  out.push_back({"wrong-type", "body-is-string", scim("POST", "/Users", "\"bjensen\""), 400,
                 "invalidSyntax"});
}

void sizes_and_nesting(const Seeded& seeded, std::vector<Case>& out) {
  // 1.5 MiB: one string over the 1 MiB body limit -> 413 before parsing.
  out.push_back(
      {"huge", "string-over-body-limit",
       scim("POST", "/Users", user_with({{"displayName", std::string(1536 * 1024, 'x')}})), 413,
       ""});
  json many = json::array();
  for (int i = 0; i < 60000; ++i) many.push_back({{"value", "u" + std::to_string(i) + "@x.io"}});
  out.push_back({"huge", "sixty-thousand-emails",
                 scim("POST", "/Users", user_with({{"emails", many}})), 413, ""});
  out.push_back({"huge", "number-1e400",
                 scim("POST", "/Users", R"({"userName":"x","active":1e400})"), 400,
                 "invalidValue"});
  out.push_back(
      {"huge", "long-digit-run",
       scim("POST", "/Users", R"({"userName":"x","active":)" + std::string(5000, '9') + "}"), 400,
       "invalidValue"});
  std::string deep_arrays(10000, '[');
  deep_arrays += std::string(10000, ']');
  out.push_back({"nesting", "arrays-10000-deep",
                 scim("POST", "/Users", R"({"userName":"x","emails":)" + deep_arrays + "}"), 400,
                 "invalidSyntax"});
  std::string deep_objects;
  for (int i = 0; i < 10000; ++i) deep_objects += "{\"a\":";
  deep_objects += "1" + std::string(10000, '}');
  out.push_back({"nesting", "objects-10000-deep",
                 scim("POST", "/Users", R"({"userName":"x","name":)" + deep_objects + "}"), 400,
                 "invalidSyntax"});
  out.push_back(
      {"nesting", "patch-value-10000-deep",
       scim(
           "PATCH", "/Users/" + seeded.user_id,
           R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":)" +
               deep_objects + "}]}"),
       400, "invalidSyntax"});
}

}  // namespace

std::vector<Case> json_cases(const Seeded& seeded) {
  std::vector<Case> out;
  malformed(out);
  wrong_types(out);
  sizes_and_nesting(seeded, out);
  return out;
}

}  // namespace scim::test::hostile
