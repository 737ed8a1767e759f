// The Prometheus text format writer (see exposition.hpp).
#include "scim/server/observe/exposition.hpp"

#include <charconv>
#include <cmath>

namespace scim::observe {
namespace {

std::string_view type_name(MetricType type) {
  switch (type) {
    case MetricType::Counter:
      return "counter";
    case MetricType::Gauge:
      return "gauge";
    case MetricType::Histogram:
      return "histogram";
  }
  return "untyped";
}

// HELP text escapes only backslash and line feed (the format's rule for docstrings).
std::string escape_help(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  // The shortest text that reads back as the same double ("0.1", not "0.10000000000000001"),
  // fixed notation down to 1e-4 like Go's strconv 'g' (Prometheus's own "le" spelling).
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(value);
}

void Exposition::family(std::string_view name, std::string_view help, MetricType type) {
  out_ += "# HELP ";
  out_ += name;
  out_ += ' ';
  out_ += escape_help(help);
  out_ += "\n# TYPE ";
  out_ += name;
  out_ += ' ';
  out_ += type_name(type);
  out_ += '\n';
}

void Exposition::labels(const LabelPairs& labels) {
  if (labels.empty()) return;
  out_ += '{';
  bool first = true;
  for (const auto& [name, value] : labels) {
    if (!first) out_ += ',';
    first = false;
    out_ += name;
    out_ += "=\"";
    out_ += escape_label_value(value);
    out_ += '"';
  }
  out_ += '}';
}

void Exposition::sample(std::string_view name, const LabelPairs& labels, double value) {
  out_ += name;
  this->labels(labels);
  out_ += ' ';
  out_ += format_value(value);
  out_ += '\n';
}

void Exposition::sample(std::string_view name, const LabelPairs& labels, std::uint64_t value) {
  out_ += name;
  this->labels(labels);
  out_ += ' ';
  out_ += std::to_string(value);
  out_ += '\n';
}

}  // namespace scim::observe
