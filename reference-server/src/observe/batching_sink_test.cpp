// The batching sink: every line arrives, in order, without the logging thread writing it; lines
// go out on the interval while the sink lives; a full batch drops its oldest lines and counts them.
#include "batching_sink.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace scim::observe {
namespace {

std::shared_ptr<spdlog::logger> logger_on(std::shared_ptr<BatchingSink> sink) {
  sink->set_pattern("%v");
  return std::make_shared<spdlog::logger>("test", std::move(sink));
}

TEST(BatchingSink, WritesEveryLineInOrderByTheTimeItIsGone) {
  std::ostringstream out;
  {
    auto log = logger_on(std::make_shared<BatchingSink>(&out, BatchLimits{}));
    for (int i = 0; i < 1000; ++i) log->info("line {}", i);
  }
  std::istringstream in(out.str());
  std::string line;
  int n = 0;
  while (std::getline(in, line)) EXPECT_EQ(line, "line " + std::to_string(n++));
  EXPECT_EQ(n, 1000);
}

TEST(BatchingSink, WritesWaitingLinesOnTheIntervalWhileItLives) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("batching_sink_test_" + std::to_string(::getpid()) + ".log");
  std::ofstream file(path);
  auto sink = std::make_shared<BatchingSink>(
      &file, BatchLimits{8192, 1 << 20, std::chrono::milliseconds(20)});
  auto log = logger_on(sink);
  log->info("first");
  std::string seen;
  for (int i = 0; i < 500 && seen.empty(); ++i) {  // up to 5 s on a loaded machine
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream back(path);
    std::getline(back, seen);
  }
  EXPECT_EQ(seen, "first");
  log.reset();
  sink.reset();
  std::filesystem::remove(path);
}

TEST(BatchingSink, AFullBatchDropsTheOldestLinesAndCountsThem) {
  std::ostringstream out;
  std::uint64_t dropped = 0;
  {
    // A writer that waits an hour and a batch that never fills: only the destructor writes.
    auto sink =
        std::make_shared<BatchingSink>(&out, BatchLimits{3, 1 << 30, std::chrono::hours(1)});
    auto log = logger_on(sink);
    for (int i = 1; i <= 5; ++i) log->info("line {}", i);
    dropped = sink->dropped();
  }
  EXPECT_EQ(dropped, 2u);
  EXPECT_EQ(out.str(), "line 3\nline 4\nline 5\n");
}

}  // namespace
}  // namespace scim::observe
