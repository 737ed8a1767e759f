// WaitPool: bounded, counted, and every accepted task runs on a thread of its own.
#include "scim/server/http/wait_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <vector>

namespace scim::http {
namespace {

using namespace std::chrono_literals;

TEST(WaitPool, RunsUpToCapacityAtOnceAndRefusesOneMore) {
  std::vector<std::string> lines;
  std::mutex lines_mutex;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started{0};
  std::atomic<int> finished{0};
  {
    WaitPool pool(3, [&](std::string_view line) {
      std::lock_guard lock(lines_mutex);
      lines.emplace_back(line);
    });
    for (int i = 0; i < 3; ++i) {
      ASSERT_TRUE(pool.try_submit([&] {
        ++started;
        released.wait();
        ++finished;
      }));
    }
    // All three wait at once: none queues behind another.
    for (int i = 0; i < 200 && started.load() < 3; ++i) std::this_thread::sleep_for(5ms);
    EXPECT_EQ(started.load(), 3);
    EXPECT_FALSE(pool.try_submit([] {}));
    auto s = pool.stats();
    EXPECT_EQ(s.capacity, 3u);
    EXPECT_EQ(s.busy, 3u);
    EXPECT_EQ(s.accepted, 3u);
    EXPECT_EQ(s.rejected, 1u);
    EXPECT_EQ(s.high_water, 3u);
    release.set_value();
    for (int i = 0; i < 200 && pool.stats().busy > 0; ++i) std::this_thread::sleep_for(5ms);
    EXPECT_TRUE(pool.try_submit([&] { ++finished; }));
  }  // the destructor joins after the last task
  EXPECT_EQ(finished.load(), 4);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "waiting requests: full (capacity 3); refusing or dropping items until it has room");
}

}  // namespace
}  // namespace scim::http
