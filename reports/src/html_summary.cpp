// HTML for the report's overview: outcome tiles, the level x outcome table, the coverage matrix
// by RFC section, the advertised capabilities and the final sweep's leftovers.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "html_parts.hpp"
#include "html_template.hpp"
#include "text.hpp"

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

std::string capability_value(const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() &&
      std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); })) {
    std::string out;
    for (const auto& v : value) out += (out.empty() ? "" : ", ") + v.get<std::string>();
    return out.empty() ? "none" : out;
  }
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
    const auto text = capability_value(value);
    rows += fill_template(template_file("capability-row.html"),
                          {{"name", clip(name, kMaxTextBytes)},
                           {"value", clip(text, kMaxTextBytes)},
                           {"kind", value.is_boolean() ? text : "value"}});
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
