// The `client-report` command (client_report_command.hpp): the JSON verdict (exit code and the
// console summary), then each report file in the format the server renders it.
#include "scim/conformance/cli/client_report_command.hpp"

#include <nlohmann/json.hpp>

namespace scim::conf::cli {
namespace {

using json = nlohmann::json;

std::string report_url(const ClientReportConfig& c, const std::string& format) {
  std::string root = c.server;
  while (!root.empty() && root.back() == '/') root.pop_back();
  std::string url = root + "/admin/v1/tenants/" + percent_encode(c.tenant) + "/sessions/" +
                    percent_encode(c.session) + "/report?format=" + format;
  if (!c.profiles.empty()) {
    std::string names;
    for (const auto& p : c.profiles) names += (names.empty() ? "" : ",") + p;
    url += "&profiles=" + percent_encode(names);
  }
  return url;
}

Result<std::string, std::string> fetch(const ClientReportConfig& c,
                                       const ClientReportEnvironment& env, Transport& transport,
                                       const std::string& format) {
  const auto token = env.env(c.admin_token_env);
  if (!token || token->empty()) return "environment variable " + c.admin_token_env + " is not set";
  HttpRequest request;
  request.url = report_url(c, format);
  request.headers = {{"Authorization", "Bearer " + *token}};
  request.timeout = std::chrono::seconds(c.timeout_seconds);
  const auto response = transport.send(request);
  if (response.status == 0) return request.url + ": " + response.transport_error;
  if (response.status != 200) {
    return request.url + ": HTTP " + std::to_string(response.status) + ": " +
           response.body.substr(0, 500);
  }
  return response.body;
}

void print_summary(const json& verdict, std::ostream& out) {
  out << verdict.value("target", "") << ": " << verdict.value("verdict", "") << "\n";
  for (const auto& check : verdict.value("checks", json::array())) {
    const std::string outcome = check.value("outcome", "");
    if (outcome != "failed" && outcome != "warning") continue;
    out << (outcome == "failed" ? "FAIL  " : "WARN  ") << check.value("id", "") << "\n      "
        << check.value("message", "") << "\n";
  }
}

}  // namespace

int client_report_command(const ClientReportConfig& config, const ClientReportEnvironment& env) {
  auto transport = env.make_transport(config);
  auto verdict_text = fetch(config, env, *transport, "json");
  const json verdict = verdict_text ? json::parse(*verdict_text, nullptr, false) : json();
  if (!verdict_text || !verdict.is_object() || !verdict.contains("exitCode")) {
    *env.err << "scim-conformance: "
             << (verdict_text ? "the server's verdict is not a results file" : verdict_text.error())
             << "\n";
    return 2;
  }
  const std::pair<const char*, const std::string*> files[] = {{"json", &config.json},
                                                              {"junit", &config.junit},
                                                              {"html", &config.html},
                                                              {"markdown", &config.md}};
  for (const auto& [format, path] : files) {
    if (path->empty()) continue;
    auto text =
        std::string(format) == "json" ? verdict_text : fetch(config, env, *transport, format);
    if (!text || !env.write_file(*path, *text)) {
      *env.err << "scim-conformance: " << (text ? "cannot write " + *path : text.error()) << "\n";
      return 2;
    }
  }
  print_summary(verdict, *env.out);
  const json code = verdict["exitCode"];
  return code.is_number_integer() ? code.get<int>() : 2;
}

}  // namespace scim::conf::cli
