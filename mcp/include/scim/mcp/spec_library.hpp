// The RFC and draft texts the checks quote (the files suites_tests verifies the quotes against,
// ../shared/specs by default), cut into sections by their numbered headings, so a section can be
// shown beside the checks that quote it. Read at start-up from a directory; absent files leave
// the library empty and the resources say so.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace scim::mcp {

class SpecLibrary {
 public:
  // Loads rfc7643.txt, rfc7644.txt and draft-ietf-scim-events-16.txt from `directory` (the spec
  // ids "rfc7643", "rfc7644", "events"); missing files are skipped.
  static SpecLibrary load(const std::string& directory);

  // The text of `section` ("3.4.2.2") of `spec`, page breaks removed; nullopt when unknown.
  std::optional<std::string> section(const std::string& spec, const std::string& section) const;
  bool has(const std::string& spec) const { return texts_.contains(spec); }
  const std::string& directory() const { return directory_; }

  // For tests: a library over given texts.
  static SpecLibrary from_texts(std::map<std::string, std::string> texts);

 private:
  std::string directory_;
  std::map<std::string, std::string> texts_;  // spec id -> normalised text
};

}  // namespace scim::mcp
