// The Prometheus text exposition format, version 0.0.4 (the format every Prometheus server and
// `promtool check metrics` read): one "# HELP" and one "# TYPE" line per family, then its
// samples, label values escaped (backslash, double quote, line feed), numbers in Go's float
// syntax ("+Inf", "NaN"). Families are written whole, one after the other, as the format requires.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scim::observe {

// The media type of GET /metrics.
inline constexpr std::string_view kExpositionContentType =
    "text/plain; version=0.0.4; charset=utf-8";

using LabelPairs = std::vector<std::pair<std::string_view, std::string_view>>;

enum class MetricType { Counter, Gauge, Histogram };

class Exposition {
 public:
  // Starts a family: its HELP and TYPE lines. `name` is the family name (for a counter, with
  // its "_total" suffix; for a histogram, without "_bucket").
  void family(std::string_view name, std::string_view help, MetricType type);
  // One sample line: `name` is the family name or, for histograms, name + "_bucket" / "_sum" /
  // "_count".
  void sample(std::string_view name, const LabelPairs& labels, double value);
  void sample(std::string_view name, const LabelPairs& labels, std::uint64_t value);

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void labels(const LabelPairs& labels);
  std::string out_;
};

// A number as the format writes it: integers without a fraction, "+Inf", "-Inf", "NaN".
std::string format_value(double value);
// A label value with \, " and line feed escaped.
std::string escape_label_value(std::string_view value);

}  // namespace scim::observe
