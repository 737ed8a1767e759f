// Every RFC-level check quotes its requirement from the specification its ID names, and from the
// very section its ID names (issue 13: "a check cannot cite a sentence from a different section
// than its id"). The quote, whitespace-normalised, must occur in the whitespace-normalised,
// page-break-free text of that section, not counting its subsections. Quotes of table cells
// ("Table N, <row>: <cell text>") cannot be matched verbatim because plain-text tables interleave
// columns: the table's caption must lie in the section, the row must exist, and the words of the
// cell must appear, in order, within that row.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "scim/conformance/catalog.hpp"
#include "scim/suites/client/grading.hpp"
#include "scim/suites/suites.hpp"

namespace {

// Which text each spec of the catalog quotes (provider replays paraphrase documentation).
const std::map<std::string, std::string> kSpecFiles = {
    {"rfc7643", "rfc7643.txt"},
    {"rfc7644", "rfc7644.txt"},
    {"rfc9967", "draft-ietf-scim-events-16.txt"},  // its final draft
    {"rfc8417", "draft-ietf-secevent-token.txt"},
    {"rfc8935", "draft-ietf-secevent-http-push.txt"},
    {"rfc8936", "draft-ietf-secevent-http-poll.txt"},
    // The last working-group sources of RFC 9865 and RFC 9944 are kramdown-rfc markdown.
    {"rfc9865", "rfc9865-cursor-pagination.md"},
    {"rfc9944", "rfc9944-device-schema/draft-ietf-scim-device-model.mkd"},
    // The published profiles (the provider replays paraphrase documentation and have no text).
    {"interop", "draft-zollner-scim-interop-profile-01.txt"},
    {"ipsie-al1", "draft-ipsie-scim-al1-profile.md"},
};

bool is_page_break_line(const std::string& line) {
  static const std::regex footer(R"(.*\[Page \d+\]\s*$)");
  static const std::regex header(R"(^(RFC \d{4}|Internet-Draft)\s.*)");
  return line.find('\f') != std::string::npos || std::regex_match(line, footer) ||
         std::regex_match(line, header);
}

// Collapses whitespace to single spaces.
std::string collapse(const std::string& text) {
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

// A spec text cut into its numbered sections: "3.4.2.2" -> the lines under that heading, up to
// the next heading (so subsections are not part of their parent), page breaks removed.
std::map<std::string, std::vector<std::string>> sections_of(const std::filesystem::path& file) {
  static const std::regex heading(R"(^(\d+(?:\.\d+)*)\.\s+\S.*)");
  std::ifstream in(file);
  std::map<std::string, std::vector<std::string>> sections;
  std::string line, current;
  std::smatch m;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (std::regex_match(line, m, heading)) {
      current = m[1];
      // A number seen twice (a table of contents is indented, so this is the body) keeps the
      // later text.
      sections[current].clear();
      continue;
    }
    if (!current.empty() && !is_page_break_line(line)) sections[current].push_back(line);
  }
  return sections;
}

// The heading level of a markdown line: ATX ("## Title") or, looking at the next line, setext
// ("Title" over "===" or "---"); 0 for any other line.
int heading_level(const std::string& line, const std::string& next, std::string& title) {
  static const std::regex atx(R"(^(#{1,6})\s+(\S.*))");
  static const std::regex setext(R"(^(=+|-+)\s*$)");
  std::smatch m;
  if (std::regex_match(line, m, atx)) {
    title = m[2];
    return static_cast<int>(m[1].length());
  }
  if (!line.empty() && line[0] != ' ' && line[0] != '|' && std::regex_match(next, m, setext) &&
      next.size() >= 3) {
    title = line;
    return next[0] == '=' ? 1 : 2;
  }
  return 0;
}

// What a markdown source renders as plain text for quoting: code spans lose their backticks and
// a reference to an anchored section ("[](#section2)") reads "Section 2", as in the RFC.
std::string markdown_text(std::string line) {
  line.erase(std::remove(line.begin(), line.end(), '`'), line.end());
  static const std::regex xref(R"(\[\]\(#section([0-9.]+)\))");
  return std::regex_replace(line, xref, "Section $1");
}

// A kramdown-rfc source (between "--- middle" and "--- back") cut into sections numbered by
// their headings' order and level, as the RFC numbers them; fenced code is never a heading.
std::map<std::string, std::vector<std::string>> markdown_sections_of(
    const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  std::map<std::string, std::vector<std::string>> sections;
  std::vector<int> numbers;
  std::string current;
  // A source whose top sections are "##" (the IPSIE AL1 draft) numbers them 1, 2, ... too.
  int top = 6;
  bool middle = false, fenced = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("--- middle", 0) == 0) middle = true;
    if (lines[i].rfind("--- back", 0) == 0) break;
    if (lines[i].rfind("~~~", 0) == 0 || lines[i].rfind("```", 0) == 0) fenced = !fenced;
    std::string title;
    const int level =
        !middle || fenced
            ? 0
            : heading_level(lines[i], i + 1 < lines.size() ? lines[i + 1] : "", title);
    if (level > 0) top = std::min(top, level);
  }
  middle = fenced = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("--- middle", 0) == 0) middle = true;
    if (line.rfind("--- back", 0) == 0) break;
    if (!middle) continue;
    if (line.rfind("~~~", 0) == 0 || line.rfind("```", 0) == 0) fenced = !fenced;
    std::string title;
    const int level =
        fenced ? 0 : heading_level(line, i + 1 < lines.size() ? lines[i + 1] : "", title);
    if (level == 0) {
      if (!current.empty()) sections[current].push_back(markdown_text(line));
      continue;
    }
    numbers.resize(static_cast<std::size_t>(level - top + 1), 0);
    ++numbers.back();
    current.clear();
    for (int n : numbers) current += (current.empty() ? "" : ".") + std::to_string(n);
    if (!std::regex_search(line, std::regex("^#"))) ++i;  // skip the setext underline
  }
  return sections;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  return collapse(all);
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    if (w != "|") out.push_back(w);
  }
  return out;
}

bool border_or_gap(const std::string& line) {
  static const std::regex gap(R"(^\s*(\+[-+]*|\|(\s*\|)*)\s*$)");
  return std::regex_match(line, gap);
}

bool table_line(const std::string& line) {
  const auto first = line.find_first_not_of(' ');
  return first != std::string::npos && (line[first] == '|' || line[first] == '+');
}

// The first cell of a table row: the text between its first two '|'.
std::string first_cell(const std::string& line) {
  const auto open = line.find('|');
  if (open == std::string::npos) return {};
  const auto close = line.find('|', open + 1);
  return line.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
}

// The problem with a "Table N, row: cell" quote against the section's lines; empty when it holds.
std::string table_problem(const std::vector<std::string>& lines, const std::smatch& quote) {
  const std::string caption = "Table " + quote[1].str() + ":";
  std::size_t end = 0;
  while (end < lines.size() && lines[end].find(caption) == std::string::npos) ++end;
  if (end == lines.size()) return caption + " is not in this section";
  // The table is the block of table lines just above its caption.
  std::size_t start = end;
  while (start > 0 && (lines[start - 1].find_first_not_of(' ') == std::string::npos ||
                       table_line(lines[start - 1])))
    --start;
  // The row starts where its first cell begins with the row's first word.
  const std::string key = words(quote[2].str()).front();
  std::size_t row = end;
  for (std::size_t i = start; i < end; ++i) {
    const auto cell = words(first_cell(lines[i]));
    if (!cell.empty() && cell.front() == key) {
      row = i;
      break;
    }
  }
  if (row == end) return "no row \"" + quote[2].str() + "\" in " + caption;
  std::vector<std::string> region;
  for (std::size_t i = row; i < end && (i == row || !border_or_gap(lines[i])); ++i)
    for (auto& w : words(lines[i])) region.push_back(w);
  std::size_t at = 0;
  for (const auto& w : words(quote[3].str())) {
    while (at < region.size() && region[at] != w) ++at;
    if (at == region.size())
      return "the cell text is not in row \"" + quote[2].str() + "\" (at \"" + w + "\")";
    ++at;
  }
  return {};
}

class SuitesQuotes : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SCIM_SPECS_DIR)) GTEST_SKIP() << "no specs at " SCIM_SPECS_DIR;
    scim::suites::register_all(catalog_);
    for (const auto& [spec, file] : kSpecFiles) {
      const auto path = std::filesystem::path(SCIM_SPECS_DIR) / file;
      const auto ext = path.extension();
      texts_[spec] = ext == ".md" || ext == ".mkd" ? markdown_sections_of(path) : sections_of(path);
    }
  }
  scim::conf::Catalog catalog_;
  std::map<std::string, std::map<std::string, std::vector<std::string>>> texts_;
};

TEST_F(SuitesQuotes, EveryNonProfileSpecHasItsText) {
  for (const auto& spec : catalog_.specs()) {
    if (spec.is_profile && spec.id.rfind("profile-", 0) == 0) continue;
    EXPECT_EQ(kSpecFiles.count(spec.id), 1u) << "no spec text mapped for " << spec.id;
  }
}

TEST_F(SuitesQuotes, RequirementsAreQuotedFromTheSectionOfTheirId) {
  static const std::regex table(R"(^Table (\d+), ([^:]+): (.+)$)");
  for (const auto& spec : catalog_.specs()) {
    if (!texts_.count(spec.id)) continue;
    for (const auto& section : spec.sections) {
      const auto found = texts_[spec.id].find(section.id);
      for (const auto& check : section.checks) {
        const std::string& quote = check.info.requirement;
        if (found == texts_[spec.id].end()) {
          ADD_FAILURE() << check.info.id << ": " << spec.id << " has no section " << section.id;
          continue;
        }
        std::smatch m;
        if (std::regex_match(quote, m, table)) {
          const auto problem = table_problem(found->second, m);
          EXPECT_TRUE(problem.empty()) << check.info.id << ": " << problem << ": " << quote;
          continue;
        }
        EXPECT_NE(joined(found->second).find(collapse(quote)), std::string::npos)
            << check.info.id << " quotes text not found in " << spec.id << " §" << section.id
            << ": " << quote;
      }
    }
  }
}

// The client requirements of the published profiles (the profile client checks) quote their
// sections as checks do, and each is a check of the client catalogue.
TEST_F(SuitesQuotes, ProfileClientRequirementsAreQuotedFromTheirSection) {
  const auto& all = scim::suites::client::profile_client_requirements();
  const auto catalogue = scim::suites::client::client_catalogue();
  ASSERT_GE(all.size(), 15u);
  for (const auto& r : all) {
    EXPECT_EQ(r.id.rfind("client-" + r.spec + "/" + r.section + "/", 0), 0u) << r.id;
    EXPECT_TRUE(std::any_of(catalogue.begin(), catalogue.end(),
                            [&](const auto& info) { return info.id == r.id; }))
        << r.id << " is no client check";
    const auto found = texts_[r.spec].find(r.section);
    ASSERT_NE(found, texts_[r.spec].end()) << r.id;
    EXPECT_NE(joined(found->second).find(collapse(r.requirement)), std::string::npos)
        << r.id << " quotes text not found in " << r.spec << " §" << r.section;
  }
}

// The test above must be able to fail: a sentence from a neighbouring section, a table row that
// does not exist and an invented cell text are all rejected.
TEST_F(SuitesQuotes, TheSectionRuleRejectsMisplacedAndInventedQuotes) {
  const auto& rfc7644 = texts_["rfc7644"];
  const std::string from_3_4_2_3 = "\"sortOrder\" SHALL default to ascending.";
  EXPECT_NE(joined(rfc7644.at("3.4.2.3")).find(collapse(from_3_4_2_3)), std::string::npos);
  EXPECT_EQ(joined(rfc7644.at("3.4.2.4")).find(collapse(from_3_4_2_3)), std::string::npos);
  static const std::regex table(R"(^Table (\d+), ([^:]+): (.+)$)");
  auto problem = [&](const std::string& section, const std::string& quote) {
    std::smatch m;
    EXPECT_TRUE(std::regex_match(quote, m, table));
    return table_problem(rfc7644.at(section), m);
  };
  EXPECT_EQ(problem("3.12",
                    "Table 9, invalidValue: A required value was missing, or the value "
                    "specified was not compatible with the operation or attribute type "
                    "(see Section 2.2 of [RFC7643]), or resource schema (see Section 4 of "
                    "[RFC7643])."),
            "");
  EXPECT_NE(problem("3.12",
                    "Table 9, invalidValue: A required value was missing, or the value "
                    "specified was not compatible with the operation or attribute type "
                    "(see Section 2.2 of [RFC7643]), or resource references."),
            "");
  EXPECT_NE(problem("3.5.1",
                    "Table 9, uniqueness: One or more of the attribute values are "
                    "already in use or are reserved."),
            "");
  EXPECT_NE(problem("3.12", "Table 9, noSuchRow: anything"), "");
}

// The markdown sources are numbered as the RFCs number them: headings in order, ATX and setext
// alike, subsections apart from their parents, code spans without backticks.
TEST_F(SuitesQuotes, MarkdownSectionsAreNumberedLikeTheRfc) {
  const auto in = [&](const std::string& spec, const std::string& section,
                      const std::string& text) {
    const auto& sections = texts_[spec];
    const auto found = sections.find(section);
    return found != sections.end() &&
           joined(found->second).find(collapse(text)) != std::string::npos;
  };
  EXPECT_TRUE(in("rfc9865", "2.1", "Cursor has expired."));
  EXPECT_FALSE(in("rfc9865", "2", "Cursor has expired."));
  EXPECT_TRUE(in("rfc9865", "2", "previousCursor MUST NOT be returned with the first page."));
  EXPECT_TRUE(in("rfc9865", "3", "the parameters defined in Section 2 in the body"));
  EXPECT_TRUE(in("rfc9865", "4", "Possible values are \"cursor\" and \"index\"."));
  EXPECT_TRUE(in("rfc9944", "3.1", "A mutable boolean that is required."));
  EXPECT_TRUE(in("rfc9944", "4", "MUST be set to \"Device\" for devices"));
  EXPECT_TRUE(in("rfc9944", "7.1.1", "It is a unique 48-bit value."));
  EXPECT_FALSE(in("rfc9944", "7.1", "It is a unique 48-bit value."));
  EXPECT_TRUE(in("rfc9944", "7.2.1", "It is a unique 48-bit value."));
  EXPECT_TRUE(in("rfc9944", "8.1.1", "Network administrators SHOULD establish"));
}

}  // namespace
