// The HTML report's opening section: failures grouped by root cause, most consequential first,
// each with whom its sentence binds, the sentence, expected vs actual and the checks that depend
// on it (templates root-cause.html and check-link.html; model in root_causes.hpp).
#include "html_parts.hpp"
#include "scim/reports/html_template.hpp"
#include "scim/reports/root_causes.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

constexpr std::size_t kMaxCauses = 100;
constexpr std::size_t kMaxLinks = 60;

std::string links(const std::vector<const conf::CheckResult*>& checks) {
  std::string out;
  for (std::size_t i = 0; i < checks.size() && i < kMaxLinks; ++i)
    out += fill_template(template_file("check-link.html"), {{"id", checks[i]->info.id}});
  if (checks.size() > kMaxLinks)
    out += html_escape(" and " + std::to_string(checks.size() - kMaxLinks) + " more");
  return out;
}

std::string affected_text(const RootCause& c) {
  if (c.harness()) return std::to_string(c.checks.size()) + " checks could not be judged";
  if (c.dependents.empty()) return "no other check depends on it";
  return std::to_string(c.dependents.size()) +
         (c.dependents.size() == 1 ? " check depends on it" : " checks depend on it");
}

std::string render_cause(const RootCause& c, std::size_t rank) {
  const auto& r = c.first();
  std::string requirement, diff;
  if (!c.harness()) {
    requirement = fill_template(template_file("cause-requirement.html"),
                                {{"cite", r.info.spec() + " §" + r.info.section()},
                                 {"requirement", clip(r.info.requirement, kMaxTextBytes)}});
    if (!r.expected.empty() || !r.actual.empty())
      diff =
          fill_template(template_file("diff.html"), {{"expected", clip(r.expected, kMaxTextBytes)},
                                                     {"actual", clip(r.actual, kMaxTextBytes)}});
  }
  std::string dependents;
  if (!c.dependents.empty())
    dependents =
        fill_template(template_file("cause-dependents.html"), {{"links", links(c.dependents)}});
  return fill_template(
      template_file("root-cause.html"),
      {{"rank", std::to_string(rank)},
       {"outcome", std::string(conf::to_string(c.outcome))},
       {"headline", clip(c.headline(), kMaxTextBytes)},
       {"affected", affected_text(c)},
       {"binding", c.harness() ? "error: the runner could not run these checks; the target is not "
                                 "judged on them"
                               : binding_of(r.info)},
       {"requirement", requirement},
       {"diff", diff},
       {"checks_label", c.harness() ? "Checks:" : "Check:"},
       {"checks", links(c.checks)},
       {"dependents", dependents}});
}

}  // namespace

std::string render_root_causes(const conf::RunResult& run) {
  const auto causes = root_causes(run);
  if (causes.empty())
    return fill_template(template_file("message.html"),
                         {{"kind", "passed"}, {"text", "No failures, errors or warnings."}});
  std::string out;
  for (std::size_t i = 0; i < causes.size() && i < kMaxCauses; ++i)
    out += render_cause(causes[i], i + 1);
  if (causes.size() > kMaxCauses)
    out += fill_template(template_file("message.html"),
                         {{"kind", "note"},
                          {"text", std::to_string(causes.size() - kMaxCauses) +
                                       " more causes: see the check list."}});
  return out;
}

std::string render_run_notes(const std::vector<std::string>& notes) {
  if (notes.empty()) return {};
  std::string items;
  for (const auto& n : notes)
    items += fill_template(template_file("list-item.html"), {{"text", clip(n, kMaxTextBytes)}});
  return fill_template(template_file("run-notes.html"), {{"items", items}});
}

}  // namespace scim::reports
