// HTML for the report's overview: outcome tiles, the level x outcome table, the coverage matrix
// by RFC section, the advertised capabilities and the final sweep's leftovers.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "html_parts.hpp"
#include "scim/reports/html_template.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

Slots count_slots(const Counts& counts) {
  Slots slots;
  for (auto outcome : kOutcomes) {
    slots.emplace(conf::to_string(outcome), std::to_string(counts.of(outcome)));
  }
  slots.emplace("total", std::to_string(counts.total()));
  return slots;
}

// Section status for the matrix: the worst outcome present, in the order a reader cares about.
std::string section_status(const Counts& counts) {
  using conf::Outcome;
  for (auto outcome : {Outcome::Failed, Outcome::Error, Outcome::Warning, Outcome::Passed}) {
    if (counts.of(outcome) > 0) return std::string(conf::to_string(outcome));
  }
  return "skipped";
}

// One readable line for a discovery value: booleans as yes/no, {"supported": b, ...} objects as
// "yes (maxResults: 200)", lists joined. Capabilities::to_json() nests at most three levels; the
// depth cap keeps any other shape bounded.
std::string capability_value(const nlohmann::json& value, int depth = 0) {
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_string()) return value.get<std::string>();
  if (depth > 3 || (!value.is_array() && !value.is_object())) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::string out;
  if (value.is_array()) {
    for (const auto& item : value) {
      out += (out.empty()        ? ""
              : item.is_object() ? "; "
                                 : ", ") +
             capability_value(item, depth + 1);
    }
    return out.empty() ? "none" : out;
  }
  for (const auto& [key, item] : value.items()) {
    if (key == "supported") continue;
    out += (out.empty() ? "" : ", ") + key + ": " + capability_value(item, depth + 1);
  }
  const auto supported = value.find("supported");
  if (supported == value.end()) return out;
  const auto head = capability_value(*supported, depth + 1);
  return out.empty() ? head : head + " (" + out + ")";
}

// CSS class of a capability row: yes/no for (supported) flags, "value" otherwise.
std::string capability_kind(const nlohmann::json& value) {
  const auto* flag = &value;
  if (value.is_object() && value.contains("supported")) flag = &value["supported"];
  if (!flag->is_boolean()) return "value";
  return flag->get<bool>() ? "yes" : "no";
}

std::string empty_note(std::string_view text) {
  return fill_template(template_file("message.html"),
                       {{"kind", "empty"}, {"text", std::string(text)}});
}

}  // namespace

std::string render_outcome_tiles(const RunSummary& summary) {
  std::string out;
  for (auto outcome : kOutcomes) {
    out += fill_template(template_file("tile.html"),
                         {{"outcome", std::string(conf::to_string(outcome))},
                          {"count", std::to_string(summary.counts.of(outcome))}});
  }
  return out;
}

std::string render_level_rows(const RunSummary& summary) {
  std::string out;
  for (auto level : kLevels) {
    auto slots = count_slots(summary.level(level));
    slots.emplace("label", conf::to_string(level));
    out += fill_template(template_file("count-row.html"), slots);
  }
  auto slots = count_slots(summary.counts);
  slots.emplace("label", "All levels");
  return out + fill_template(template_file("count-row.html"), slots);
}

std::string render_section_rows(const RunSummary& summary) {
  std::string out;
  for (const auto& section : summary.sections) {
    auto slots = count_slots(section.counts);
    slots.emplace("key", section.key);
    slots.emplace("spec", section.spec);
    slots.emplace("section", section.section);
    slots.emplace("status", section_status(section.counts));
    out += fill_template(template_file("section-row.html"), slots);
  }
  return out;
}

std::string render_capabilities(const nlohmann::json& capabilities) {
  if (!capabilities.is_object() || capabilities.empty()) {
    return empty_note("The run recorded no capabilities.");
  }
  std::string rows;
  for (const auto& [name, value] : capabilities.items()) {
    rows += fill_template(template_file("capability-row.html"),
                          {{"name", clip(name, kMaxTextBytes)},
                           {"value", clip(capability_value(value), kMaxTextBytes)},
                           {"kind", capability_kind(value)}});
  }
  return fill_template(template_file("capabilities.html"), {{"rows", rows}});
}

std::string render_leftovers(const std::vector<std::string>& leftovers) {
  if (leftovers.empty()) return {};
  std::string items;
  for (const auto& leftover : leftovers) {
    items += fill_template(template_file("message.html"),
                           {{"kind", "leftover"}, {"text", clip(leftover, kMaxTextBytes)}});
  }
  return fill_template(template_file("leftovers.html"),
                       {{"count", std::to_string(leftovers.size())}, {"items", items}});
}

}  // namespace scim::reports
