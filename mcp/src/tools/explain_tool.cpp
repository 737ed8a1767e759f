// conformance_explain: the requirement a check verifies (its level and the sentence quoted from
// the RFC), the section text around it, what the check needs from the target, and the requests
// it sent in this server's last run.
#include "explain_tool.hpp"

#include "scim_support.hpp"

namespace scim::mcp {
namespace {

json sent_by(const StoredRun* last, const std::string& id) {
  json out = json::array();
  if (last == nullptr) return out;
  for (const auto& r : last->run.results) {
    if (r.info.id != id) continue;
    for (const auto& e : r.exchanges) {
      json x{{"method", e.method}, {"url", e.url}, {"status", e.status}};
      if (!e.request_body.empty()) x["body"] = e.request_body.substr(0, 4096);
      out.push_back(std::move(x));
    }
  }
  return out;
}

ToolResult explain(const ConformanceDeps& d, const json& a) {
  const auto id = a["id"].get<std::string>();
  const auto place = find_check(d.catalog, id);
  if (place.check == nullptr) {
    return ToolResult::error("unknown check id '" + id +
                             "'; conformance_list shows the ids (globs are not accepted here)");
  }
  const auto& info = place.check->info;
  ToolResult r;
  r.structured = check_json(info);
  r.structured["spec"] = {{"id", place.spec->id}, {"title", place.spec->title}};
  r.structured["section"] = {{"id", place.section->id}, {"title", place.section->title}};
  const auto text = d.specs.section(place.spec->id, place.section->id);
  if (text) r.structured["sectionText"] = *text;
  const auto last = d.runs.last();
  r.structured["lastRunRequests"] = sent_by(last.get(), id);
  r.structured["resource"] =
      "scim-conformance://sections/" + place.spec->id + "/" + place.section->id;
  std::string out = info.id + " [" + std::string(conf::to_string(info.level)) + "] " + info.title +
                    "\n" + place.spec->title + " §" + place.section->id + " " +
                    place.section->title + "\nRequirement: \"" + info.requirement + "\"";
  if (!info.capabilities.empty()) {
    out += "\nRuns only when the target advertises: " + json(info.capabilities).dump();
  }
  const auto& requests = r.structured["lastRunRequests"];
  if (requests.empty()) {
    out += "\nWhat it sends: not yet run by this server; conformance_run with only=[\"" + id +
           "\"] records its exact requests.";
  } else {
    out += "\nWhat it sent in the last run:";
    for (const auto& x : requests) {
      out += "\n  " + x["method"].get<std::string>() + " " + x["url"].get<std::string>() + " -> " +
             std::to_string(x["status"].get<int>());
    }
  }
  if (text) {
    out += "\n\nSection text:\n" + *text;
  } else if (!place.spec->is_profile) {
    out += "\n\n(The spec text is not available: start scim-mcp with --specs-dir.)";
  }
  r.text = d.target.redact(out.substr(0, scim_tools::kMaxText));
  return r;
}

}  // namespace

CheckPlace find_check(const conf::Catalog& catalog, const std::string& id) {
  for (const auto& spec : catalog.specs()) {
    for (const auto& section : spec.sections) {
      for (const auto& check : section.checks) {
        if (check.info.id == id) return {&spec, &section, &check};
      }
    }
  }
  return {};
}

std::shared_ptr<Tool> make_explain_tool(std::shared_ptr<ConformanceDeps> d) {
  ToolSpec spec{.name = "conformance_explain",
                .title = "Explain a conformance check",
                .description =
                    "Explains one check by id: the RFC sentence it verifies and its "
                    "level, the section's text, the capabilities it needs, and the "
                    "requests it sent in the last run. Use it on each failure.",
                .input_schema = {{"type", "object"},
                                 {"properties",
                                  {{"id",
                                    {{"type", "string"},
                                     {"minLength", 1},
                                     {"description",
                                      "A check id, e.g. "
                                      "rfc7644/3.4.2.2/eq-is-case-insensitive"}}}}},
                                 {"required", {"id"}},
                                 {"additionalProperties", false}},
                .hints = {.read_only = true, .open_world = false}};
  return std::make_shared<FunctionTool>(
      [spec] { return spec; }, [d](const json& a, RequestContext&) { return explain(*d, a); });
}

}  // namespace scim::mcp
