// Every RFC-level check quotes its requirement exactly from the specification text: the quote,
// whitespace-normalised, must occur in the whitespace-normalised, page-break-free text of one of
// the specs in SCIM_SPECS_DIR. Quotes of table cells ("Table N, ...: ...") cannot be matched
// verbatim because the plain-text tables interleave columns; they are checked to name a table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "scim/conformance/catalog.hpp"
#include "scim/suites/suites.hpp"

namespace {

// Drops the RFC page footers/headers and form feeds, then collapses whitespace.
std::string normalise_spec(const std::string& raw) {
  static const std::regex footer(
      R"(\n[^\n]*\[Page \d+\]\n(\f)?\n?[^\n]*(RFC 7\d{3}|Internet-Draft)[^\n]*\n)");
  std::string text = std::regex_replace(raw, footer, "\n");
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string normalise(const std::string& text) {
  return normalise_spec(text);
}

std::string load_specs() {
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(SCIM_SPECS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    all += normalise_spec(buffer.str()) + "\n";
  }
  return all;
}

TEST(SuitesQuotes, RequirementsAreQuotedFromTheSpecs) {
  if (!std::filesystem::exists(SCIM_SPECS_DIR)) GTEST_SKIP() << "no spec texts at " SCIM_SPECS_DIR;
  const std::string specs = load_specs();
  const std::regex table(R"(^Table \d+, [^:]+: .+)");
  scim::conf::Catalog catalog;
  scim::suites::register_all(catalog);
  for (const auto& spec : catalog.specs()) {
    if (spec.is_profile) continue;  // profiles paraphrase provider documentation
    for (const auto& section : spec.sections)
      for (const auto& check : section.checks) {
        const std::string& quote = check.info.requirement;
        if (std::regex_match(quote, table)) continue;
        EXPECT_NE(specs.find(normalise(quote)), std::string::npos)
            << check.info.id << " quotes text not found in the specs: " << quote;
      }
  }
}

}  // namespace
