// Rendering of the catalog for `list`.
#include "scim/conformance/cli/list_command.hpp"

#include <nlohmann/json.hpp>

namespace scim::conf::cli {
namespace {

std::string joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

// Markdown table cells must not break the table.
std::string cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

bool listed(const Spec& spec, const Check& check, const Selection& sel) {
  Selection effective = sel;
  // Without --profile, list shows every profile too (it documents the whole catalog).
  if (spec.is_profile && sel.profile.empty()) effective.profile = spec.profile;
  return !rejection(spec, check, effective);
}

nlohmann::json check_json(const CheckInfo& i) {
  return {{"id", i.id},
          {"title", i.title},
          {"level", to_string(i.level)},
          {"requirement", i.requirement},
          {"tags", i.tags},
          {"capabilities", i.capabilities},
          {"dependsOn", i.depends_on}};
}

void write_md(const Catalog& catalog, const Selection& sel, std::ostream& out) {
  for (const auto& spec : catalog.specs()) {
    out << "## " << spec.title << " (`" << spec.id << "`)\n\n";
    for (const auto& section : spec.sections) {
      bool header = false;
      for (const auto& check : section.checks) {
        if (!listed(spec, check, sel)) continue;
        if (!header) {
          out << "### " << section.id << " " << section.title << "\n\n"
              << "| ID | Level | Title | Tags | Capabilities |\n|---|---|---|---|---|\n";
          header = true;
        }
        const auto& i = check.info;
        out << "| `" << i.id << "` | " << to_string(i.level) << " | " << cell(i.title) << " | "
            << cell(joined(i.tags, ", ")) << " | " << cell(joined(i.capabilities, ", ")) << " |\n";
      }
      if (header) out << "\n";
    }
  }
}

}  // namespace

int list_command(const ListConfig& config, const Catalog& catalog, std::ostream& out,
                 std::ostream& err) {
  if (!config.selection.profile.empty()) {
    bool found = false;
    for (const auto& spec : catalog.specs())
      found = found || (spec.is_profile && spec.profile == config.selection.profile);
    if (!found) {
      err << "scim-conformance: unknown profile '" << config.selection.profile << "'\n";
      return 2;
    }
  }
  if (config.format == "md") {
    write_md(catalog, config.selection, out);
    return 0;
  }
  nlohmann::json all = nlohmann::json::array();
  for (const auto& spec : catalog.specs()) {
    for (const auto& section : spec.sections) {
      for (const auto& check : section.checks) {
        if (!listed(spec, check, config.selection)) continue;
        const auto& i = check.info;
        if (config.format == "json") {
          all.push_back(check_json(i));
        } else {
          out << i.id << "  " << to_string(i.level) << "  [" << joined(i.tags, ",") << "]"
              << (i.capabilities.empty() ? "" : "  needs: " + joined(i.capabilities, ",")) << "\n";
        }
      }
    }
  }
  if (config.format == "json") out << all.dump(2) << "\n";
  return 0;
}

}  // namespace scim::conf::cli
