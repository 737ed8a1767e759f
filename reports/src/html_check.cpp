// HTML for one check: its header line, the RFC sentence, expected vs actual and the recorded
// HTTP exchanges (templates check.html, diff.html, exchange.html, message.html).
#include <algorithm>
#include <cctype>

#include "html_parts.hpp"
#include "scim/reports/html_template.hpp"
#include "scim/reports/redact.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

using conf::Outcome;

std::string headers_text(const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string out;
  for (const auto& [name, value] : headers) {
    out += clip(name, kMaxTextBytes) + ": " + report_header_value(name, value) + "\n";
  }
  return out;
}

std::string status_class(const conf::Exchange& e) {
  if (e.status == 0) return "none";
  return std::to_string(e.status / 100) + "xx";
}

std::string render_exchange_html(const conf::Exchange& e) {
  const auto request = display_body(e.request_body);
  const auto response = display_body(e.response_body);
  return fill_template(template_file("exchange.html"),
                       {{"method", clip(e.method, kMaxTextBytes)},
                        {"url", clip(redact_url(e.url), kMaxTextBytes)},
                        {"status", e.status == 0 ? "no response" : std::to_string(e.status)},
                        {"status_class", status_class(e)},
                        {"elapsed", std::to_string(e.elapsed.count() / 1000)},
                        {"transport_error", clip(e.transport_error, kMaxTextBytes)},
                        {"request_headers", headers_text(e.request_headers)},
                        {"request_body", request.text},
                        {"request_kind", request.kind},
                        {"response_headers", headers_text(e.response_headers)},
                        {"response_body", response.text},
                        {"response_kind", response.kind}});
}

}  // namespace

std::string render_exchanges(const std::vector<conf::Exchange>& exchanges, std::size_t limit) {
  std::string out;
  const auto shown = std::min(exchanges.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) out += render_exchange_html(exchanges[i]);
  if (shown < exchanges.size()) {
    out += fill_template(template_file("message.html"),
                         {{"kind", "note"},
                          {"text", std::to_string(exchanges.size() - shown) +
                                       " more exchanges not shown (see results.json)"}});
  }
  return out;
}

std::string render_run_exchanges(const std::vector<conf::Exchange>& exchanges) {
  if (exchanges.empty()) return {};
  return fill_template(template_file("run-exchanges.html"),
                       {{"count", std::to_string(exchanges.size())},
                        {"items", render_exchanges(exchanges, conf::RunResult::kMaxRunExchanges)}});
}

namespace {

std::string render_diff(const conf::CheckResult& r) {
  if (r.expected.empty() && r.actual.empty()) return {};
  return fill_template(template_file("diff.html"), {{"expected", clip(r.expected, kMaxTextBytes)},
                                                    {"actual", clip(r.actual, kMaxTextBytes)}});
}

std::string render_message(const conf::CheckResult& r) {
  std::string out;
  if (const auto& e = r.expectation; e.grade != conf::Expectation::None) {
    out += fill_template(template_file("message.html"),
                         {{"kind", std::string(conf::to_string(e.grade))},
                          {"text", "Listed in the expectations (" + e.pattern +
                                       "): " + clip(e.reason, kMaxTextBytes) +
                                       (e.expires.empty() ? "" : " (until " + e.expires + ")")}});
  }
  if (!r.message.empty()) {
    out += fill_template(template_file("message.html"),
                         {{"kind", std::string(conf::to_string(r.outcome))},
                          {"text", clip(r.message, kMaxTextBytes)}});
  }
  for (const auto& leftover : r.leftovers) {
    out += fill_template(template_file("message.html"),
                         {{"kind", "leftover"}, {"text", "Leftover fixture: " + leftover}});
  }
  return out;
}

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

// Lower-cased text the filter box searches: ID, title, section, tags and the message.
std::string search_text(const conf::CheckResult& r) {
  auto text = r.info.id + " " + r.info.title + " " + r.info.spec() + "." + r.info.section() + " " +
              join(r.info.tags) + " " + r.message;
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
  return clip(text, kMaxTextBytes);
}

}  // namespace

std::string render_check_html(const conf::CheckResult& r) {
  // Open what needs attention so it is visible without clicking, and in print.
  const bool open =
      r.outcome == Outcome::Failed || r.outcome == Outcome::Error || r.outcome == Outcome::Warning;
  return fill_template(template_file("check.html"),
                       {{"id", r.info.id},
                        {"title", r.info.title},
                        {"outcome", std::string(conf::to_string(r.outcome))},
                        {"grade", render_grade_badge(r)},
                        {"level", std::string(conf::to_string(r.info.level))},
                        {"spec", r.info.spec()},
                        {"section", r.info.section()},
                        {"section_key", section_key(r.info)},
                        {"search", search_text(r)},
                        {"open", open ? " open" : ""},
                        {"tags", join(r.info.tags)},
                        {"duration", format_seconds(r.duration)},
                        {"requirement", clip(r.info.requirement, kMaxTextBytes)},
                        {"message", render_message(r)},
                        {"diff", render_diff(r)},
                        {"exchanges", render_exchanges(r.exchanges, kMaxExchangesPerCheck)}});
}

}  // namespace scim::reports
