// Template filling and HTML escaping (see html_template.hpp).
#include "scim/reports/html_template.hpp"

#include <stdexcept>

#include "embedded_templates.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {

std::string html_escape(std::string_view text) {
  const auto clean = xml_safe(text);  // control characters would render as boxes
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fill_template(std::string_view tmpl, const Slots& slots) {
  std::string out;
  out.reserve(tmpl.size() * 2);
  std::size_t pos = 0;
  while (true) {
    const auto open = tmpl.find("{{", pos);
    if (open == std::string_view::npos) break;
    const bool raw = tmpl.substr(open, 3) == "{{{";
    const std::string_view closer = raw ? "}}}" : "}}";
    const auto name_start = open + (raw ? 3 : 2);
    const auto close = tmpl.find(closer, name_start);
    if (close == std::string_view::npos) throw std::logic_error("unterminated template slot");
    const auto name = tmpl.substr(name_start, close - name_start);
    const auto it = slots.find(name);
    if (it == slots.end())
      throw std::logic_error("template slot without value: " + std::string(name));
    out.append(tmpl.substr(pos, open - pos));
    out += raw ? it->second : html_escape(it->second);
    pos = close + closer.size();
  }
  out.append(tmpl.substr(pos));
  return out;
}

std::string_view template_file(std::string_view name) {
  const auto data = templates::embedded(name);
  if (data.empty()) throw std::logic_error("template not embedded: " + std::string(name));
  return data;
}

}  // namespace scim::reports
