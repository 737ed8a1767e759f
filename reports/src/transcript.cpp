// Text transcript rendering (see transcript.hpp).
#include "scim/reports/transcript.hpp"

#include <algorithm>

#include "scim/reports/redact.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

void append_headers(std::string& out, char prefix,
                    const std::vector<std::pair<std::string, std::string>>& headers) {
  for (const auto& [name, value] : headers) {
    out += prefix;
    out += ' ';
    out += clip(name, kMaxTextBytes);
    out += ": ";
    out += report_header_value(name, value);
    out += '\n';
  }
}

void append_body(std::string& out, const std::string& body) {
  if (body.empty()) return;
  out += clip(body, kMaxBodyBytes);
  if (out.back() != '\n') out += '\n';
}

}  // namespace

std::string render_exchange(const conf::Exchange& exchange) {
  std::string out = "> " + clip(exchange.method, kMaxTextBytes) + " " +
                    clip(redact_url(exchange.url), kMaxTextBytes) + "\n";
  append_headers(out, '>', exchange.request_headers);
  append_body(out, exchange.request_body);
  if (!exchange.transport_error.empty()) {
    out += "! transport error: " + clip(exchange.transport_error, kMaxTextBytes) + "\n";
  }
  if (exchange.status != 0) {
    out += "< " + std::to_string(exchange.status) + "\n";
    append_headers(out, '<', exchange.response_headers);
    append_body(out, exchange.response_body);
  }
  out += "(" + std::to_string(exchange.elapsed.count() / 1000) + " ms)\n";
  return out;
}

std::string render_transcript(const conf::CheckResult& result) {
  std::string out;
  const auto shown = std::min(result.exchanges.size(), kMaxExchangesPerCheck);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += '\n';
    out += render_exchange(result.exchanges[i]);
  }
  if (shown < result.exchanges.size()) {
    out += "\n[... " + std::to_string(result.exchanges.size() - shown) + " more exchanges]\n";
  }
  return out;
}

}  // namespace scim::reports
