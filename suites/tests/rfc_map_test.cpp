// docs/rfc-map.md stays true: its tables parse, every file they name exists in the source tree,
// every conformance check ID they name is in the catalog (scim::suites::register_all), and every
// section of the catalog has a row. The map is read at run time from SCIM_SOURCE_DIR, so editing
// it needs no rebuild.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/catalog.hpp"
#include "scim/suites/suites.hpp"

namespace {

constexpr std::string_view kHeader = "| Section | Server files | Unit tests | Conformance checks |";
constexpr std::string_view kSeparator = "|---|---|---|---|";

struct Row {
  std::size_t line = 0;  // 1-based, for messages
  std::string section;
  std::vector<std::string> files;
  std::vector<std::string> tests;
  std::vector<std::string> checks;
};

struct RfcMap {
  std::size_t tables = 0;
  std::vector<Row> rows;
  std::vector<std::string> errors;  // "line N: ..." for everything that did not parse

  bool usable() const { return errors.empty() && tables > 0 && !rows.empty(); }
  std::string problems() const {
    std::string text = "docs/rfc-map.md cannot be used (" + std::to_string(tables) + " tables, " +
                       std::to_string(rows.size()) + " rows):\n";
    for (const auto& e : errors) text += "  " + e + "\n";
    return text;
  }
};

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

// "`a`, `b`" -> {a, b}. Anything outside the backticks but commas and blanks is an error, so a
// path or ID cannot sit in a cell unchecked. `dash_allowed`: a lone "-" means "none".
bool parse_list(std::string_view cell, bool dash_allowed, std::vector<std::string>& out) {
  const std::string text = trim(cell);
  if (dash_allowed && text == "-") return true;
  std::size_t i = 0;
  bool expect_item = true;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == ',' && !expect_item) {
      expect_item = true;
      ++i;
    } else if (c == '`' && expect_item) {
      const auto end = text.find('`', i + 1);
      if (end == std::string::npos || end == i + 1) return false;
      out.push_back(text.substr(i + 1, end - i - 1));
      expect_item = false;
      i = end + 1;
    } else {
      return false;
    }
  }
  return !out.empty() && !expect_item;
}

std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string inner = line.substr(1);  // without the leading '|'
  if (!inner.empty() && inner.back() == '|') inner.pop_back();
  std::stringstream in(inner);
  for (std::string cell; std::getline(in, cell, '|');) cells.push_back(cell);
  return cells;
}

void parse_row(const std::string& line, std::size_t number, RfcMap& map) {
  const std::string at = "line " + std::to_string(number) + ": ";
  const auto cells = split_cells(line);
  if (cells.size() != 4) {
    map.errors.push_back(at + "expected 4 cells, found " + std::to_string(cells.size()));
    return;
  }
  Row row;
  row.line = number;
  row.section = trim(cells[0]);
  if (row.section.empty()) map.errors.push_back(at + "the Section cell is empty");
  if (!parse_list(cells[1], false, row.files)) {
    map.errors.push_back(at + "Server files must be backticked paths separated by commas");
  }
  if (!parse_list(cells[2], false, row.tests)) {
    map.errors.push_back(at + "Unit tests must be backticked paths separated by commas");
  }
  if (!parse_list(cells[3], true, row.checks)) {
    map.errors.push_back(at +
                         "Conformance checks must be backticked IDs separated by commas, or -");
  }
  map.rows.push_back(std::move(row));
}

// Every line starting with '|' belongs to a table with exactly kHeader and kSeparator.
RfcMap parse_rfc_map(const std::string& text) {
  RfcMap map;
  std::stringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(trim(line));
  bool in_table = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] != '|') {
      in_table = false;
    } else if (in_table) {
      parse_row(line, i + 1, map);
    } else if (line == kHeader && i + 1 < lines.size() && lines[i + 1] == kSeparator) {
      in_table = true;
      ++map.tables;
      ++i;
    } else {
      map.errors.push_back("line " + std::to_string(i + 1) + ": a table must start with \"" +
                           std::string(kHeader) + "\" and \"" + std::string(kSeparator) + "\"");
    }
  }
  return map;
}

RfcMap load_rfc_map() {
  const auto path = std::filesystem::path(SCIM_SOURCE_DIR) / "docs" / "rfc-map.md";
  std::ifstream file(path);
  if (!file) {
    RfcMap map;
    map.errors.push_back("cannot read " + path.string());
    return map;
  }
  std::stringstream text;
  text << file.rdbuf();
  return parse_rfc_map(text.str());
}

std::set<std::string> catalog_ids() {
  scim::conf::Catalog catalog;
  scim::suites::register_all(catalog);
  std::set<std::string> ids;
  for (const auto* check : catalog.all()) ids.insert(check->info.id);
  return ids;
}

// "rfc7644/3.4.2.2/eq-is-case-insensitive" -> "rfc7644/3.4.2.2".
std::string section_of(const std::string& id) {
  const auto first = id.find('/');
  const auto second = first == std::string::npos ? first : id.find('/', first + 1);
  return id.substr(0, second);
}

// A repository-relative path to an existing file, not a directory or a path leaving the tree.
std::string file_problem(const std::string& relative) {
  const std::filesystem::path p(relative);
  if (p.is_absolute() || relative.find("..") != std::string::npos) return "not repository-relative";
  const auto full = std::filesystem::path(SCIM_SOURCE_DIR) / p;
  if (!std::filesystem::exists(full)) return "does not exist";
  if (!std::filesystem::is_regular_file(full)) return "is not a file";
  return {};
}

TEST(RfcMap, ParsesIntoNonEmptyTables) {
  const RfcMap map = load_rfc_map();
  ASSERT_TRUE(map.usable()) << map.problems();
  EXPECT_GE(map.rows.size(), 40u) << "docs/rfc-map.md lost most of its rows";
}

TEST(RfcMap, NamedFilesExist) {
  const RfcMap map = load_rfc_map();
  ASSERT_TRUE(map.usable()) << map.problems();
  for (const auto& row : map.rows) {
    for (const auto* list : {&row.files, &row.tests}) {
      for (const auto& file : *list) {
        const std::string problem = file_problem(file);
        EXPECT_TRUE(problem.empty()) << "docs/rfc-map.md line " << row.line << " (" << row.section
                                     << "): `" << file << "` " << problem;
      }
    }
  }
}

TEST(RfcMap, NamedChecksAreInTheCatalog) {
  const RfcMap map = load_rfc_map();
  ASSERT_TRUE(map.usable()) << map.problems();
  const auto ids = catalog_ids();
  ASSERT_FALSE(ids.empty()) << "register_all registered no checks";
  for (const auto& row : map.rows) {
    for (const auto& id : row.checks) {
      EXPECT_EQ(ids.count(id), 1u) << "docs/rfc-map.md line " << row.line << " (" << row.section
                                   << "): `" << id << "` is not a check of scim-conformance list";
    }
  }
}

TEST(RfcMap, EveryCatalogSectionHasARow) {
  const RfcMap map = load_rfc_map();
  ASSERT_TRUE(map.usable()) << map.problems();
  std::set<std::string> mapped;
  for (const auto& row : map.rows) {
    for (const auto& id : row.checks) mapped.insert(section_of(id));
  }
  for (const auto& id : catalog_ids()) {
    EXPECT_EQ(mapped.count(section_of(id)), 1u)
        << "section " << section_of(id) << " (e.g. " << id << ") has no row in docs/rfc-map.md";
  }
}

// The parser itself: malformed or empty maps are reported, never read as "nothing to check".
TEST(RfcMap, ParserReportsMalformedRows) {
  const std::string text = std::string(kHeader) + "\n" + std::string(kSeparator) + "\n" +
                           "| §1 | reference-server/src/api/router.cpp | `a_test.cpp` | - |\n" +
                           "| §2 | `a.cpp` | `a_test.cpp` |\n" +
                           "| §3 | `a.cpp` | `a_test.cpp` | `x/1/y` (see) |\n" +
                           "| §4 | `a.cpp` `b.cpp` | `a_test.cpp` | |\n";
  const RfcMap map = parse_rfc_map(text);
  EXPECT_FALSE(map.usable());
  EXPECT_EQ(map.errors.size(), 5u) << map.problems();
}

TEST(RfcMap, ParserReportsAMapWithoutRows) {
  EXPECT_FALSE(parse_rfc_map("# RFC map\n\nNo tables here.\n").usable());
  const RfcMap header_only =
      parse_rfc_map(std::string(kHeader) + "\n" + std::string(kSeparator) + "\n\nText.\n");
  EXPECT_EQ(header_only.tables, 1u);
  EXPECT_FALSE(header_only.usable());
  const RfcMap other_header = parse_rfc_map("| Section | Files |\n|---|---|\n| §1 | `a.cpp` |\n");
  EXPECT_FALSE(other_header.usable());
}

TEST(RfcMap, ParserReadsAWellFormedRow) {
  const RfcMap map = parse_rfc_map(std::string(kHeader) + "\n" + std::string(kSeparator) + "\n" +
                                   "| §3.6 Deleting | `a.cpp`, `b.hpp` | `a_test.cpp` | `x/3.6/y`, "
                                   "`x/3.6/z` |\n| §7 | `c.cpp` | `c_test.cpp` | - |\n");
  ASSERT_TRUE(map.usable()) << map.problems();
  ASSERT_EQ(map.rows.size(), 2u);
  EXPECT_EQ(map.rows[0].section, "§3.6 Deleting");
  EXPECT_EQ(map.rows[0].files, (std::vector<std::string>{"a.cpp", "b.hpp"}));
  EXPECT_EQ(map.rows[0].checks, (std::vector<std::string>{"x/3.6/y", "x/3.6/z"}));
  EXPECT_TRUE(map.rows[1].checks.empty());
  EXPECT_EQ(section_of("rfc7644/3.4.2.2/eq-is-case-insensitive"), "rfc7644/3.4.2.2");
}

}  // namespace
