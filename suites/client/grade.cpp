// Grading a session (see scim/suites/client/grading.hpp): every check looks at the session's
// requests; its findings (direct, leniency and strict-refusal evidence, one per request) become
// the check's outcome: none passes, a MUST finding fails, a SHOULD or MAY finding warns. The
// offending requests are the check's exchanges, so each report shows them.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "client_check.hpp"
#include "scim/suites/client/grading.hpp"

namespace scim::suites::client {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxExchangesPerCheck = 10;  // a report shows the first ones

ClientChecks all_checks() {
  ClientChecks checks;
  add_rfc7644_checks(checks);
  add_paging_checks(checks);
  add_rfc7643_checks(checks);
  add_retry_checks(checks);
  add_interop_checks(checks);
  add_ipsie_al1_checks(checks);
  return checks;
}

// The session's "profiles" (validated when the session started; unknown names are ignored here).
std::vector<std::string> asked_profiles(const json& session) {
  std::vector<std::string> out;
  const json profiles = session.value("profiles", json::array());
  if (!profiles.is_array()) return out;
  for (const auto& p : profiles) {
    const auto& known = client_profiles();
    // Compared as strings: string == json is ambiguous under clang's C++20 rewritten operators.
    if (!p.is_string()) continue;
    const std::string name = p.get<std::string>();
    if (std::find(known.begin(), known.end(), name) != known.end()) out.push_back(name);
  }
  return out;
}

// What the RFC form of each leniency is (docs/lenient.md): the second half of a finding.
std::string rfc_form(const std::string& leniency) {
  static const std::map<std::string, std::string> kForms = {
      {"op-case", "\"op\" is \"add\", \"remove\" or \"replace\", in lower case"},
      {"boolean-string", "a boolean is the JSON literal true or false, not a string"},
      {"null-as-unassigned",
       "PATCH clears an attribute with \"remove\"; null and [] are no "
       "PATCH values"},
      {"readonly-in-input", "readOnly attributes are not written"},
      {"pathless-replace-id", "\"id\" is readOnly and is not sent in a write"},
      {"remove-with-value",
       "remove selects values by a filter in \"path\": "
       "members[value eq \"id\"]"},
      {"complex-value-shorthand", "a complex attribute's value is an object: {\"value\": \"id\"}"},
      {"pathless-value-paths",
       "a value path belongs in \"path\", not as a member name of a "
       "path-less value"},
      {"value-path-sub-attribute",
       "every condition goes inside the brackets: "
       "emails[type eq \"work\" and value eq \"x\"]"},
      {"unknown-attribute", "a body carries only attributes of the schemas it lists"},
      {"filter-creates-value",
       "a value filter that matches nothing has no target; a new value "
       "is added with \"add\""},
      {"remove-unmatched-filter", "removing with a filter that matches nothing has no target"},
  };
  auto it = kForms.find(leniency);
  return it == kForms.end() ? "the RFC form" : it->second;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

void leniency_findings(const ClientCheck& check, const std::vector<Observed>& all,
                       std::vector<Finding>& out) {
  for (const auto& o : all) {
    for (const auto& name : o.leniencies) {
      if (std::find(check.leniencies.begin(), check.leniencies.end(), name) ==
          check.leniencies.end()) {
        continue;
      }
      const auto who = known_senders(name);
      const std::string sender = who.empty()       ? "the client sent this"
                                 : who.size() == 1 ? who[0] + " sends this"
                                                   : joined(who, " and ") + " send this";
      out.push_back({o.index,
                     "leniency " + name + ": " + sender + "; the RFC says: " + rfc_form(name),
                     rfc_form(name), "needed leniency " + name});
      break;
    }
  }
}

void refusal_findings(const ClientCheck& check, const std::vector<Observed>& all,
                      std::vector<Finding>& out) {
  for (const auto& o : all) {
    const std::string type = o.status == 400 ? o.scim_type() : std::string();
    if (type.empty() || std::find(check.scim_types.begin(), check.scim_types.end(), type) ==
                            check.scim_types.end()) {
      continue;
    }
    if (check.excused && check.excused(o)) continue;
    const std::string detail = o.response_json ? o.response_json->value("detail", "") : "";
    out.push_back(
        {o.index, "refused with 400 " + type + ": " + detail, "a valid request", "400 " + type});
  }
}

// One finding per request (the first reason found), in session order.
std::vector<Finding> findings_of(const ClientCheck& check, const std::vector<Observed>& all) {
  std::vector<Finding> raw;
  if (check.inspect) check.inspect(all, raw);
  leniency_findings(check, all, raw);
  refusal_findings(check, all, raw);
  std::vector<Finding> out;
  std::set<std::size_t> seen;
  for (auto& f : raw) {
    if (seen.insert(f.entry).second) out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(),
            [](const Finding& a, const Finding& b) { return a.entry < b.entry; });
  return out;
}

std::vector<std::pair<std::string, std::string>> header_list(
    const std::map<std::string, std::string>& headers) {
  return {headers.begin(), headers.end()};
}

// `origin` ("http://host:port") and the target as sent make the URL the client used.
conf::Exchange exchange_of(const Observed& o, const std::string& origin) {
  conf::Exchange x;
  x.method = o.method;
  x.url = origin + o.target;
  x.request_headers = header_list(o.headers);
  x.request_body = o.body;
  x.status = o.status;
  x.response_headers = header_list(o.response_headers);
  x.response_body = o.response_json ? o.response_json->dump() : std::string();
  return x;
}

conf::CheckResult judge(const ClientCheck& check, const std::vector<Observed>& all,
                        const std::string& origin) {
  conf::CheckResult r;
  r.info = check.info;
  const bool applicable = std::any_of(all.begin(), all.end(), check.applies);
  const auto findings = findings_of(check, all);
  if (!applicable && findings.empty()) {
    r.outcome = conf::Outcome::Skipped;
    r.message = check.skip_reason;
    return r;
  }
  if (findings.empty()) return r;
  r.outcome =
      check.info.level == conf::Level::Must ? conf::Outcome::Failed : conf::Outcome::Warning;
  const Finding& first = findings.front();
  r.message = std::to_string(findings.size()) + " request(s): " + first.message;
  r.expected = first.expected;
  r.actual = first.actual;
  for (const auto& f : findings) {
    const Observed& o = all[f.entry];
    r.notes.push_back("#" + std::to_string(o.seq) + " " + o.method + " " + o.path + ": " +
                      f.message);
    if (r.exchanges.size() < kMaxExchangesPerCheck) r.exchanges.push_back(exchange_of(o, origin));
  }
  return r;
}

// "Entra ID (op-case ×3, boolean-string ×1)": the providers whose known quirks the session showed.
std::vector<std::string> recognised(const std::vector<Observed>& all) {
  std::map<std::string, std::map<std::string, int>> by_provider;
  for (const auto& o : all) {
    for (const auto& name : o.leniencies) {
      for (const auto& who : known_senders(name)) ++by_provider[who][name];
    }
  }
  std::vector<std::string> out;
  for (const auto& [who, names] : by_provider) {
    std::vector<std::string> parts;
    for (const auto& [name, n] : names) parts.push_back(name + " x" + std::to_string(n));
    out.push_back("recognised " + who + " quirks: " + joined(parts, ", "));
  }
  return out;
}

// RFC advice a profile overrules: graded as a skip that names the profile's rule, so a client of
// the profile is not warned for obeying it.
std::string overruled(const std::string& id, const std::vector<std::string>& profiles) {
  const bool interop = std::find(profiles.begin(), profiles.end(), "interop") != profiles.end();
  if (interop && id == "client-rfc7644/3.14/if-match") {
    return "the interop profile forbids conditional headers (client-interop/6.7/"
           "no-conditional-headers)";
  }
  return {};
}

}  // namespace

std::string profile_of(const conf::CheckInfo& info) {
  for (const auto& p : client_profiles()) {
    if (info.spec() == "client-" + p) return p;
  }
  return {};
}

conf::CheckInfo profile_check_info(const std::string& id, const char* title,
                                   std::vector<std::string> tags) {
  for (const auto& r : profile_client_requirements()) {
    if (r.id != id) continue;
    tags.push_back(r.spec);
    return client_check_info(r.id.c_str(), title, r.level, r.requirement.c_str(), std::move(tags));
  }
  // A programming error of this library: every profile check names a requirement of the table.
  throw std::logic_error("no profile client requirement " + id);
}

conf::CheckInfo client_check_info(const char* id, const char* title, conf::Level level,
                                  const char* quote, std::vector<std::string> tags) {
  conf::CheckInfo i;
  i.id = id;
  i.title = title;
  i.level = level;
  i.requirement = quote;
  i.tags = std::move(tags);
  i.tags.push_back("client");
  return i;
}

std::vector<std::string> known_senders(const std::string& leniency) {
  static const std::map<std::string, std::vector<std::string>> kWho = {
      {"op-case", {"Entra ID"}},
      {"boolean-string", {"Entra ID"}},
      {"pathless-value-paths", {"Entra ID"}},
      {"null-as-unassigned", {"Entra ID", "Okta"}},
      {"readonly-in-input", {"Okta"}},
      {"pathless-replace-id", {"Okta"}},
      {"remove-with-value", {"Entra ID"}},
      {"complex-value-shorthand", {"Entra ID"}},
      {"value-path-sub-attribute", {"Entra ID"}},
  };
  auto it = kWho.find(leniency);
  return it == kWho.end() ? std::vector<std::string>{} : it->second;
}

std::vector<conf::CheckInfo> client_catalogue() {
  std::vector<conf::CheckInfo> out;
  for (const auto& c : all_checks()) out.push_back(c.info);
  return out;
}

conf::RunResult grade_session(const json& session, const std::string& tool_version) {
  conf::RunResult run;
  run.tool_version = tool_version;
  run.target =
      "client of tenant " + session.value("tenant", "") + ", session " + session.value("name", "");
  const auto profiles = asked_profiles(session);
  // The reports give each profile named here a verdict of its own beside the RFC verdict.
  run.profile = joined(profiles, ",");
  run.started_at = session.value("startedAt", "");
  const auto all = observe(session.value("entries", json::array()));
  const std::string origin = session.value("origin", "");
  for (const auto& check : all_checks()) {
    const std::string profile = profile_of(check.info);
    if (!profile.empty() &&
        std::find(profiles.begin(), profiles.end(), profile) == profiles.end()) {
      continue;
    }
    if (auto reason = overruled(check.info.id, profiles); !reason.empty()) {
      conf::CheckResult skipped;
      skipped.info = check.info;
      skipped.outcome = conf::Outcome::Skipped;
      skipped.message = std::move(reason);
      run.results.push_back(std::move(skipped));
      continue;
    }
    run.results.push_back(judge(check, all, origin));
  }
  run.notes = recognised(all);
  const bool interop = std::find(profiles.begin(), profiles.end(), "interop") != profiles.end();
  run.notes.push_back(std::to_string(all.size()) +
                      " request(s) graded; leniencies that are legal client behaviour "
                      "(attribute-name-case" +
                      std::string(interop ? "" : ", non-canonical-value") + ") are not findings");
  if (session.value("dropped", 0) > 0) {
    run.notes.push_back(std::to_string(session.value("dropped", 0)) +
                        " request(s) after the session's bound were not recorded");
  }
  return run;
}

}  // namespace scim::suites::client
