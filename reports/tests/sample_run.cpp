// The sample runs reporters are tested with (see sample_run.hpp).
#include "sample_run.hpp"

#include <string>

namespace scim::reports::testing {
namespace {

using namespace std::chrono_literals;
using conf::Level;
using conf::Outcome;

conf::CheckInfo info(std::string id, std::string title, Level level, std::string requirement,
                     std::vector<std::string> tags = {}) {
  conf::CheckInfo i;
  i.id = std::move(id);
  i.title = std::move(title);
  i.level = level;
  i.requirement = std::move(requirement);
  i.tags = std::move(tags);
  return i;
}

conf::Exchange get_users_filter() {
  conf::Exchange e;
  e.method = "GET";
  e.url = "http://127.0.0.1:8080/scim/v2/Users?filter=userName%20eq%20%22bjensen%22";
  e.request_headers = {{"Accept", "application/scim+json"},
                       {"Authorization", std::string("Bearer ") + kSecretToken}};
  e.status = 200;
  e.response_headers = {{"Content-Type", "application/scim+json"}};
  e.response_body =
      R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":1,)"
      R"("Resources":[{"id":"2819c223","userName":"bjensen","active":true,"emails":null}]})";
  e.elapsed = 12ms;
  return e;
}

conf::Exchange hostile_error_response() {
  conf::Exchange e;
  e.method = "POST";
  e.url = std::string("http://127.0.0.1:8080/scim/v2/Users?access_token=") + kSecretToken;
  e.request_headers = {{"Content-Type", "application/scim+json"},
                       {"cookie", std::string("session=") + kSecretToken}};
  e.request_body = R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x"})";
  e.status = 500;
  e.response_headers = {{"Content-Type", "text/html"},
                        {"Set-Cookie", std::string("sid=") + kSecretToken},
                        {"X-Debug", kInjectedScript}};
  e.response_body = std::string("<html><body>") + kInjectedImage + kInjectedScript +
                    "</pre></details>\x01\x02 bad byte: \xff</body></html>";
  e.elapsed = 3ms;
  return e;
}

conf::CheckResult result(conf::CheckInfo i, Outcome outcome, std::chrono::microseconds duration) {
  conf::CheckResult r;
  r.info = std::move(i);
  r.outcome = outcome;
  r.duration = duration;
  return r;
}

conf::CheckResult failed_filter_check() {
  auto r = result(info("rfc7644/3.4.2.2/unknown-operator-is-invalid-filter",
                       "An unknown filter operator is rejected", Level::Must,
                       "If the specified filter is not a valid filter, the service provider "
                       "returns 400 with scimType \"invalidFilter\".",
                       {"filter", "users"}),
                  Outcome::Failed, 15ms);
  r.message = "expected HTTP 400 invalidFilter, got 200";
  r.expected = "HTTP 400 with scimType \"invalidFilter\" (RFC 7644 §3.12, Table 9)";
  r.actual = "HTTP 200 with a ListResponse of 1 resource";
  r.exchanges = {get_users_filter()};
  return r;
}

conf::CheckResult hostile_check() {
  auto r = result(
      info("rfc7644/3.12/error-is-scim-json", "Errors are SCIM JSON error responses", Level::Must,
           "The service provider MUST return the error in the response body "
           "(schemas, status, detail).",
           {"errors"}),
      Outcome::Failed, 4ms);
  r.message = std::string("body is not JSON: <b>bold</b> | pipe `tick` ") + kInjectedScript;
  r.expected = "a JSON object with \"schemas\" [\"urn:ietf:params:scim:api:messages:2.0:Error\"]";
  r.actual = std::string("text/html: ") + kInjectedImage + "\x01 control, \xff invalid";
  r.exchanges = {hostile_error_response()};
  r.leftovers = {"/Users/5d48a0a8"};
  return r;
}

conf::CheckResult warning_check() {
  auto r = result(
      info("rfc7644/3.5.2/patch-returns-200-or-204", "PATCH answers 200 or 204", Level::Should,
           "The server SHOULD return 200 OK with the resource or 204 No Content.", {"patch"}),
      Outcome::Warning, 9ms);
  r.message = "PATCH answered 202 Accepted";
  r.expected = "200 or 204";
  r.actual = "202";
  return r;
}

conf::CheckResult error_check() {
  auto r = result(info("rfc7643/8.7.1/schemas-endpoint-lists-user", "Schemas lists the User schema",
                       Level::Must, "The User schema is published at /Schemas."),
                  Outcome::Error, 30ms);
  r.message = "connection refused while fetching /Schemas";
  conf::Exchange e;
  e.method = "GET";
  e.url = "http://127.0.0.1:8080/scim/v2/Schemas";
  e.transport_error = "Couldn't connect to server";
  r.exchanges = {e};
  return r;
}

}  // namespace

conf::RunResult passing_run() {
  conf::RunResult run;
  run.tool_version = "0.1.0";
  run.target = "http://127.0.0.1:8080/scim/v2";
  run.started_at = "2026-11-23T15:00:00Z";
  run.duration = 1234567us;
  // The shape of conf::Capabilities::to_json().
  run.capabilities = {
      {"patch", true},
      {"bulk", {{"supported", false}, {"maxOperations", 0}, {"maxPayloadSize", 0}}},
      {"filter", {{"supported", true}, {"maxResults", 200}}},
      {"authenticationSchemes", {"oauthbearertoken"}},
      {"asyncModes", nlohmann::json::array()},
      {"resourceTypes",
       {{{"name", "User"}, {"endpoint", "/Users"}}, {{"name", "Group"}, {"endpoint", "/Groups"}}}}};
  auto passed = result(info("rfc7644/3.4.2.2/eq-is-case-insensitive",
                            "Attribute names compare case-insensitively", Level::Must,
                            "Attribute names and attribute operators used in filters are case "
                            "insensitive.",
                            {"filter", "users"}),
                       Outcome::Passed, 20ms);
  passed.exchanges = {get_users_filter()};
  run.results.push_back(passed);
  run.results.push_back(result(info("rfc7644/3.10/rfc-may-example", "A MAY-level behaviour",
                                    Level::May, "The server MAY do this."),
                               Outcome::Passed, 1ms));
  return run;
}

conf::RunResult sample_run() {
  auto run = passing_run();
  run.profile = "entra";
  run.duration = 2500000us;
  run.results.push_back(failed_filter_check());
  run.results.push_back(warning_check());
  auto skipped =
      result(info("rfc7644/3.7/bulk-max-operations", "Bulk honours maxOperations", Level::Must,
                  "The service provider MUST define maxOperations.", {"bulk"}),
             Outcome::Skipped, 0us);
  skipped.message = "capability \"bulk\" not advertised in /ServiceProviderConfig";
  skipped.info.capabilities = {"bulk"};
  run.results.push_back(skipped);
  run.results.push_back(error_check());
  run.results.push_back(hostile_check());
  // Two checks that build on the failed filter check: reported under it, not as failures.
  for (const char* slug : {"ne-excludes-identical-value", "gt-string-lexicographic"}) {
    auto blocked = result(
        info(std::string("rfc7644/3.4.2.2/") + slug, slug, Level::Must,
             "Table 3, ne: The attribute and operator values are not identical.", {"filter"}),
        Outcome::Skipped, 0us);
    blocked.info.depends_on = {"rfc7644/3.4.2.2/unknown-operator-is-invalid-filter"};
    blocked.cause = "rfc7644/3.4.2.2/unknown-operator-is-invalid-filter";
    blocked.message = "depends on rfc7644/3.4.2.2/unknown-operator-is-invalid-filter, which failed";
    run.results.push_back(blocked);
  }
  // Errors of one harness cause: the target refused the runner's User fixture.
  for (const char* slug : {"put-value-stored", "put-readonly-ignored"}) {
    auto fixture = result(info(std::string("rfc7644/3.5.1/") + slug, slug, Level::Must,
                               "readOnly  Any values provided SHALL be ignored.", {"put"}),
                          Outcome::Error, 2ms);
    fixture.message = "could not create fixture User at /Users: HTTP 400 active is required";
    fixture.cause = "fixture:User";
    run.results.push_back(fixture);
  }
  auto robust = result(info("rfc7644/3.5.2/patch-missing-schemas-400",
                            "a PatchOp without schemas answers 400 invalidSyntax", Level::Should,
                            "The body of each request MUST contain the \"schemas\" attribute.",
                            {"patch", "robustness"}),
                       Outcome::Warning, 3ms);
  robust.message = "unexpected HTTP status";
  robust.expected = "HTTP 400";
  robust.actual = "HTTP 200";
  run.results.push_back(robust);
  run.notes = {
      "fixtures: the target requires User.active (RFC 7643 §8.7.1), so every User "
      "fixture carries it"};
  run.sweep_leftovers = {"/Groups/e9e30dba"};
  return run;
}

}  // namespace scim::reports::testing
