// HTTP in and out of the grading sessions (docs/client-conformance.md): start, list, read, end,
// delete, and the verdict rendered by the runner's own reporters (JUnit, HTML, JSON, Markdown)
// from the client catalogue of suites/client.
#include <sstream>

#include "scim/reports/reporter.hpp"
#include "scim/server/admin/admin_handlers.hpp"
#include "scim/server/admin/grading_sessions.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/suites/client/grading.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;
using server::Request;
using server::Response;

constexpr std::size_t kMaxSessionJsonDepth = 16;

Response session_answer(const Result<json>& result, int status = 200) {
  if (!result) return server::error_response(result.error());
  return server::json_response(status, *result, "application/json");
}

// "http://127.0.0.1:8080" of the request's base URL, so report exchanges show full URLs.
std::string origin_of(const Request& request) {
  const auto scheme = request.base_url.find("://");
  if (scheme == std::string::npos) return {};
  return request.base_url.substr(0, request.base_url.find('/', scheme + 3));
}

struct Format {
  std::unique_ptr<reports::Reporter> reporter;
  const char* content_type;
};

Result<Format> format_of(const Request& request) {
  const std::string* f = request.query_param("format");
  const std::string name = f == nullptr ? "json" : *f;
  if (name == "json") return Format{reports::make_json_reporter(), "application/json"};
  if (name == "junit") return Format{reports::make_junit_reporter(), "application/xml"};
  if (name == "html") return Format{reports::make_html_reporter(), "text/html; charset=utf-8"};
  if (name == "markdown" || name == "md") {
    return Format{reports::make_markdown_reporter(), "text/markdown; charset=utf-8"};
  }
  return invalid_value("format must be json, junit, html or markdown, got \"" + name + "\"");
}

// "?profiles=interop,ipsie-al1" grades the session against those profiles instead of the ones it
// was started with ("?profiles=" against none): the same traffic, judged for another claim.
Status<> override_profiles(const Request& request, json& session) {
  const std::string* text = request.query_param("profiles");
  if (text == nullptr) return Ok{};
  json names = json::array();
  std::size_t start = 0;
  while (start < text->size()) {
    auto end = text->find(',', start);
    if (end == std::string::npos) end = text->size();
    names.push_back(text->substr(start, end - start));
    start = end + 1;
  }
  auto profiles = GradingSessions::profiles_of(names);
  if (!profiles) return profiles.error();
  session["profiles"] = *profiles;
  return Ok{};
}

}  // namespace

Response AdminHandlers::start_session(const Request& request, std::string_view tenant) {
  auto body = server::parse_body(request, kMaxSessionJsonDepth);
  if (!body) return server::error_response(body.error());
  auto started =
      plane_.start_session(std::string(tenant), *body, request.principal.credential_name);
  Response r = session_answer(started, 201);
  if (started) {
    r.set_header("Location", "/admin/v1/tenants/" + std::string(tenant) + "/sessions/" +
                                 (*started)["name"].get<std::string>());
  }
  return r;
}

Response AdminHandlers::list_sessions(const Request&, std::string_view tenant) {
  return session_answer(plane_.list_sessions(std::string(tenant)));
}

Response AdminHandlers::get_session(const Request&, std::string_view tenant,
                                    std::string_view session) {
  return session_answer(plane_.session(std::string(tenant), std::string(session), true));
}

Response AdminHandlers::end_session(const Request& request, std::string_view tenant,
                                    std::string_view session) {
  return session_answer(plane_.end_session(std::string(tenant), std::string(session),
                                           request.principal.credential_name));
}

Response AdminHandlers::delete_session(const Request& request, std::string_view tenant,
                                       std::string_view session) {
  auto st = plane_.delete_session(std::string(tenant), std::string(session),
                                  request.principal.credential_name);
  if (!st) return server::error_response(st.error());
  return server::no_content(204);
}

// The verdict covers the session's requests so far; an open session can be graded again later,
// and any session against other profiles (?profiles=).
Response AdminHandlers::session_report(const Request& request, std::string_view tenant,
                                       std::string_view session) {
  auto format = format_of(request);
  if (!format) return server::error_response(format.error());
  auto doc = plane_.session(std::string(tenant), std::string(session), true);
  if (!doc) return server::error_response(doc.error());
  (*doc)["origin"] = origin_of(request);
  if (auto st = override_profiles(request, *doc); !st) return server::error_response(st.error());
  const conf::RunResult run = suites::client::grade_session(*doc, "scim-reference-server");
  std::ostringstream out;
  format->reporter->write(run, out);
  Response r;
  r.status = 200;
  r.body = out.str();
  r.set_header("Content-Type", format->content_type);
  return r;
}

}  // namespace scim::admin
