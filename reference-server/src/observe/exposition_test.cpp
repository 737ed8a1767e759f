// The Prometheus text format writer: HELP/TYPE lines, label escaping, number syntax.
#include "scim/server/observe/exposition.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace scim::observe {
namespace {

TEST(Exposition, WritesHelpTypeAndSamples) {
  Exposition out;
  out.family("scim_x_total", "Things counted", MetricType::Counter);
  out.sample("scim_x_total", {{"tenant", "acme"}, {"method", "GET"}}, std::uint64_t{42});
  EXPECT_EQ(out.text(),
            "# HELP scim_x_total Things counted\n"
            "# TYPE scim_x_total counter\n"
            "scim_x_total{tenant=\"acme\",method=\"GET\"} 42\n");
}

TEST(Exposition, EscapesLabelValuesAndHelp) {
  EXPECT_EQ(escape_label_value("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
  Exposition out;
  out.family("g", "line one\nback\\slash \"quoted\"", MetricType::Gauge);
  // HELP escapes only backslash and line feed; double quotes stay as they are.
  EXPECT_EQ(out.text(), "# HELP g line one\\nback\\\\slash \"quoted\"\n# TYPE g gauge\n");
}

TEST(Exposition, SampleWithoutLabelsHasNoBraces) {
  Exposition out;
  out.sample("scim_tenants", {}, std::uint64_t{3});
  EXPECT_EQ(out.text(), "scim_tenants 3\n");
}

TEST(Exposition, FormatsNumbersInTheFormatsSyntax) {
  EXPECT_EQ(format_value(0.0), "0");
  EXPECT_EQ(format_value(10.0), "10");
  EXPECT_EQ(format_value(0.0005), "0.0005");
  EXPECT_EQ(format_value(0.1), "0.1");
  EXPECT_EQ(format_value(0.25), "0.25");
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_value(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_value(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

}  // namespace
}  // namespace scim::observe
