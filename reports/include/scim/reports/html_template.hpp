// A deliberately tiny template filler for the embedded HTML fragments (reports/templates/).
// {{name}} inserts a value HTML-escaped (the default, so target data is safe unless a renderer
// explicitly vouches for it); {{{name}}} inserts a fragment this reporter rendered itself.
// A placeholder without a value is a programming error and throws std::logic_error.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace scim::reports {

// Escapes & < > " ', repairs invalid UTF-8 and replaces control characters with U+FFFD: safe
// in element content and quoted attributes.
std::string html_escape(std::string_view text);

using Slots = std::map<std::string, std::string, std::less<>>;

std::string fill_template(std::string_view tmpl, const Slots& slots);

// The embedded template file `name` (e.g. "check.html"); throws std::logic_error when it is not
// embedded, which only a build mistake can cause.
std::string_view template_file(std::string_view name);

}  // namespace scim::reports
