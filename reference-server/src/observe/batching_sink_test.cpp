// The batching sink: every line arrives, in order, without the logging thread writing it; lines
// go out on the interval while the sink lives; a full batch drops its oldest lines and counts them.
#include "batching_sink.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>

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

// text_line writes the prefix itself; byte for byte what spdlog's formatter with the text
// pattern (UTC) writes for the same time and level: across seconds, minutes, days, a leap day,
// years, the epoch, the same second again and a clock that went back.
TEST(BatchingSink, TextLinesAreThePatternsBytes) {
  using namespace std::chrono;
  using spdlog::log_clock;
  std::vector<log_clock::time_point> times;
  const auto base = log_clock::time_point(seconds(1'796'565'900));  // 2026-12-06T...
  for (const auto step : {milliseconds(0), milliseconds(1), milliseconds(999), milliseconds(1000),
                          milliseconds(59'999), milliseconds(60'000), milliseconds(86'399'999)}) {
    times.push_back(base + step);
  }
  times.push_back(base + microseconds(1'500'250));
  times.push_back(base);                                                           // back in time
  times.push_back(log_clock::time_point(seconds(951'782'400) + milliseconds(7)));  // 2000-02-29
  times.push_back(log_clock::time_point(seconds(0)));
  times.push_back(log_clock::time_point(seconds(4'102'444'799) + milliseconds(999)));  // 2099
  for (int i = 0; i < 200; ++i) times.push_back(base + milliseconds(i * 7'919'311LL));

  spdlog::pattern_formatter pattern(kTextPattern, spdlog::pattern_time_type::utc);
  const auto info = spdlog::level::to_string_view(spdlog::level::info);
  std::string want;
  for (const auto t : times) {
    spdlog::details::log_msg msg(t, spdlog::source_loc{}, "scim", spdlog::level::info,
                                 "access request_id=\"r\"");
    spdlog::memory_buf_t line;
    pattern.format(msg, line);
    want.append(line.data(), line.size());
  }
  std::ostringstream out;
  {
    BatchingSink sink(&out, BatchLimits{});
    for (const auto t : times) {
      sink.text_line(t, std::string_view(info.data(), info.size()), "access request_id=\"r\"");
    }
  }
  EXPECT_EQ(out.str(), want);
}

// Lines from the logger and text lines share one queue: their order is kept, and a full queue
// drops the oldest of either kind (the buffer compacts the dropped ones away as it goes).
TEST(BatchingSink, TextLinesAndLoggerLinesShareTheOrderAndTheBound) {
  std::ostringstream out;
  std::uint64_t dropped = 0;
  {
    auto sink =
        std::make_shared<BatchingSink>(&out, BatchLimits{4, 1 << 30, std::chrono::hours(1)});
    auto log = logger_on(sink);
    const auto t = std::chrono::system_clock::time_point(std::chrono::seconds(0));
    for (int i = 1; i <= 5000; ++i) {
      if (i % 2 == 0) {
        log->info("line {}", i);
      } else {
        sink->text_line(t, "info", "line " + std::to_string(i));
      }
    }
    dropped = sink->dropped();
  }
  EXPECT_EQ(dropped, 4996u);
  EXPECT_EQ(out.str(),
            "1970-01-01T00:00:00.000Z info line 4997\n"
            "line 4998\n"
            "1970-01-01T00:00:00.000Z info line 4999\n"
            "line 5000\n");
}

}  // namespace
}  // namespace scim::observe
