// Sections of RFC-format plain text: a heading is a line starting at column 0 with a dotted
// section number followed by a period and a title ("3.4.2.2.  Filtering"); the section runs to
// the next heading. Page footers ("... [Page 12]"), running headers ("RFC 7644 ... September
// 2015") and form feeds are dropped first.
#include "scim/mcp/spec_library.hpp"

#include <fstream>
#include <regex>
#include <sstream>

namespace scim::mcp {
namespace {

constexpr std::size_t kMaxSection = 24 * 1024;

// Line by line (std::regex over a 180 KB RFC is seconds at -O0): a footer ends in "[Page N]",
// and the line after a form feed is the running header.
std::string strip_pages(const std::string& raw) {
  std::istringstream in(raw);
  std::string line;
  std::string out;
  bool after_break = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '\f') {
      after_break = true;
      line.erase(0, 1);
      if (line.empty()) continue;
    }
    if (after_break && (line.rfind("RFC ", 0) == 0 || line.rfind("Internet-Draft", 0) == 0)) {
      after_break = false;
      continue;
    }
    after_break = after_break && line.empty();
    const auto page = line.rfind("[Page ");
    if (page != std::string::npos && line.back() == ']') continue;
    out += line + "\n";
  }
  return out;
}

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_heading(const std::string& line) {
  static const std::regex heading(R"(^\d+(\.\d+)*\.\s+\S.*$)");
  return std::regex_match(line, heading);
}

}  // namespace

SpecLibrary SpecLibrary::load(const std::string& directory) {
  SpecLibrary library;
  library.directory_ = directory;
  const std::pair<const char*, const char*> files[] = {
      {"rfc7643", "rfc7643.txt"},
      {"rfc7644", "rfc7644.txt"},
      {"events", "draft-ietf-scim-events-16.txt"},
      {"interop", "draft-zollner-scim-interop-profile-01.txt"}};
  for (const auto& [id, file] : files) {
    if (auto text = read_text(directory + "/" + file)) library.texts_[id] = strip_pages(*text);
  }
  return library;
}

SpecLibrary SpecLibrary::from_texts(std::map<std::string, std::string> texts) {
  SpecLibrary library;
  for (auto& [id, text] : texts) library.texts_[id] = strip_pages(text);
  return library;
}

std::optional<std::string> SpecLibrary::section(const std::string& spec,
                                                const std::string& number) const {
  auto it = texts_.find(spec);
  if (it == texts_.end()) return std::nullopt;
  std::istringstream in(it->second);
  std::string line;
  std::string out;
  bool inside = false;
  const std::string prefix = number + ".";
  while (std::getline(in, line)) {
    if (is_heading(line)) {
      if (inside) break;
      const bool match = line.rfind(prefix, 0) == 0 && line.size() > prefix.size() &&
                         (line[prefix.size()] == ' ' || line[prefix.size()] == '\t');
      // The table of contents lists the same headings with dot leaders; skip those.
      inside = match && line.find("....") == std::string::npos;
    }
    if (inside) out += line + "\n";
    if (out.size() > kMaxSection) {
      out += "\n[... section cut at " + std::to_string(kMaxSection) + " bytes]\n";
      break;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace scim::mcp
