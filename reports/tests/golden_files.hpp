// Golden-file comparison for the report tests (the server report's, reports/tests, and the
// client report's, suites/client): the rendered text must match the file byte for byte; with
// SCIM_UPDATE_GOLDEN=1 the test rewrites the file instead and skips (review the diff).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace scim::reports::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// "line N: golden <...> / actual <...>" for the first difference, so a failure stays readable.
inline std::string first_difference(const std::string& golden, const std::string& actual) {
  std::istringstream g(golden);
  std::istringstream a(actual);
  std::string gl;
  std::string al;
  for (int line = 1;; ++line) {
    const bool gok = static_cast<bool>(std::getline(g, gl));
    const bool aok = static_cast<bool>(std::getline(a, al));
    if (!gok && !aok) return "no line differs (trailing bytes differ)";
    if (gok != aok || gl != al) {
      return "line " + std::to_string(line) + ":\n  golden: " + (gok ? gl : "<end>") +
             "\n  actual: " + (aok ? al : "<end>");
    }
  }
}

inline void expect_golden_text(const std::filesystem::path& path, const std::string& actual) {
  const char* update = std::getenv("SCIM_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing; run with SCIM_UPDATE_GOLDEN=1";
  const auto golden = read_file(path);
  EXPECT_TRUE(golden == actual) << path << " differs at " << first_difference(golden, actual)
                                << "\nIf intended, regenerate with SCIM_UPDATE_GOLDEN=1.";
}

}  // namespace scim::reports::testing
