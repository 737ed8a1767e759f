// --journal-file: JSON lines written off the request path, rotated at a size bound.
#include "scim/server/admin/journal_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace scim::admin {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("journal-file-test-" + std::to_string(getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

TEST(JournalFile, WritesOneLinePerEntryAndAppends) {
  TempDir dir;
  const auto file = dir.path / "journal.jsonl";
  {
    auto journal = JournalFile::open({file.string(), 1 << 20, 100});
    ASSERT_TRUE(journal.ok()) << journal.error();
    (*journal)->write(R"({"n":1})");
    (*journal)->write(R"({"n":2})");
    (*journal)->flush();
    EXPECT_EQ(lines_of(file), (std::vector<std::string>{R"({"n":1})", R"({"n":2})"}));
    EXPECT_EQ((*journal)->counters().written, 2u);
  }
  auto again = JournalFile::open({file.string(), 1 << 20, 100});
  ASSERT_TRUE(again.ok());
  (*again)->write(R"({"n":3})");
  (*again)->flush();
  EXPECT_EQ(lines_of(file).size(), 3u);
}

TEST(JournalFile, RotatesAtItsSizeBound) {
  TempDir dir;
  const auto file = dir.path / "journal.jsonl";
  auto journal = JournalFile::open({file.string(), 100, 1000});
  ASSERT_TRUE(journal.ok());
  for (int i = 0; i < 30; ++i) (*journal)->write(std::string(20, 'a' + i % 26));
  (*journal)->flush();
  EXPECT_GT((*journal)->counters().rotations, 0u);
  EXPECT_LT(fs::file_size(file), 100u + 21u);
  EXPECT_TRUE(fs::exists(dir.path / "journal.jsonl.1"));
  EXPECT_LE(fs::file_size(dir.path / "journal.jsonl.1"), 100u + 21u);
  EXPECT_FALSE(fs::exists(dir.path / "journal.jsonl.2"));
}

TEST(JournalFile, AnUnwritablePathIsAMessage) {
  auto journal = JournalFile::open({"/nonexistent/dir/journal.jsonl", 1 << 20, 10});
  ASSERT_FALSE(journal.ok());
  EXPECT_NE(journal.error().find("/nonexistent/dir/journal.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace scim::admin
