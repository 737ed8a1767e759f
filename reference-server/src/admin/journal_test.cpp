// The journal ring and its wire forms: bounded by entries and bytes, oldest evicted first,
// queried by method, path glob, status, time and kind.
#include "scim/server/admin/journal.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "scim/server/admin/journal_json.hpp"

namespace scim::admin {
namespace {

using std::chrono::system_clock;

JournalEntry request(const std::string& method, const std::string& path, int status) {
  JournalEntry e;
  e.method = method;
  e.path = path;
  e.target = "/scim/v2" + path;
  e.status = status;
  e.time = system_clock::time_point(std::chrono::seconds(1'700'000'000));
  return e;
}

// The issue's proof: the ring evicts oldest first and never grows past its bound.
TEST(Journal, EvictsOldestFirstAndNeverGrowsPastItsBound) {
  Journal journal({.max_entries = 5, .max_bytes = 1 << 20, .max_body_bytes = 64});
  for (int i = 0; i < 23; ++i) {
    journal.append(request("GET", "/Users/" + std::to_string(i), 200));
    EXPECT_LE(journal.stats().size, 5u);
  }
  auto page = journal.query({.limit = 100});
  ASSERT_EQ(page.entries.size(), 5u);
  EXPECT_EQ(page.entries.front().path, "/Users/18");  // the five newest, oldest first
  EXPECT_EQ(page.entries.back().path, "/Users/22");
  EXPECT_EQ(page.entries.back().seq, 23u);
  auto stats = journal.stats();
  EXPECT_EQ(stats.appended, 23u);
  EXPECT_EQ(stats.evicted, 18u);
}

TEST(Journal, TheByteBoundEvictsToo) {
  Journal journal({.max_entries = 1000, .max_bytes = 20'000, .max_body_bytes = 4096});
  for (int i = 0; i < 50; ++i) {
    auto e = request("POST", "/Users", 201);
    e.request_body = capture_body(std::string(4000, 'x'), 4096);
    journal.append(std::move(e));
    EXPECT_LE(journal.stats().bytes, 20'000u);
  }
  EXPECT_LT(journal.stats().size, 5u);
  EXPECT_GT(journal.stats().size, 0u);
}

// The ring notes each entry's bytes() when it comes in: what stats() reports is always the sum
// over the entries it holds, through evictions of either bound and a clear.
TEST(Journal, HeldBytesAreTheSumOfTheEntriesInTheRing) {
  Journal journal({.max_entries = 7, .max_bytes = 30'000, .max_body_bytes = 4096});
  auto held = [&journal] {
    std::size_t sum = 0;
    for (const auto& e : journal.query({.limit = 1000}).entries) sum += e.bytes();
    return sum;
  };
  for (int i = 0; i < 40; ++i) {
    auto e = request("POST", "/Users/" + std::to_string(i), 201);
    e.request_body = capture_body(std::string(static_cast<std::size_t>(i % 9) * 900, 'x'), 4096);
    e.request_headers = {{"authorization", "Bearer [redacted]"}, {"x-n", std::to_string(i)}};
    journal.append(std::move(e));
    ASSERT_EQ(journal.stats().bytes, held()) << i;
  }
  journal.clear();
  EXPECT_EQ(journal.stats().bytes, 0u);
  journal.append(request("GET", "/Users/x", 200));
  EXPECT_EQ(journal.stats().bytes, held());
}

// The ring as it was a deque: push the newest, pop the oldest while over either bound (the
// newest always stays). The circular buffer must keep exactly these entries and counts.
struct DequeRing {
  std::deque<std::pair<std::string, std::size_t>> entries;  // path, bytes()
  std::size_t bytes = 0;
  std::uint64_t evicted = 0;
  void append(const JournalEntry& e, const JournalLimits& limits) {
    entries.emplace_back(e.path, e.bytes());
    bytes += e.bytes();
    while (entries.size() > 1 &&
           (entries.size() > limits.max_entries || bytes > limits.max_bytes)) {
      bytes -= entries.front().second;
      entries.pop_front();
      ++evicted;
    }
  }
};

// Bodies of every size, so the byte bound and the entry bound take turns: the ring grows,
// shrinks, wraps many times and grows again with its oldest slot anywhere.
TEST(Journal, AWrappingRingKeepsWhatADequeKept) {
  const JournalLimits limits{.max_entries = 6, .max_bytes = 9000, .max_body_bytes = 4096};
  Journal journal(limits);
  DequeRing model;
  for (int i = 0; i < 200; ++i) {
    auto e = request("GET", "/Users/" + std::to_string(i), 200);
    // Large bodies first: two fit, and the ring grows later with its oldest in either slot.
    const std::size_t size = i < 15 ? 3600 : static_cast<std::size_t>(i * 7919 % 13) * 300;
    e.request_body = capture_body(std::string(size, 'x'), limits.max_body_bytes);
    model.append(e, limits);
    journal.append(std::move(e));
    const auto page = journal.query({.limit = 100});
    ASSERT_EQ(page.entries.size(), model.entries.size()) << i;
    for (std::size_t k = 0; k < page.entries.size(); ++k) {
      EXPECT_EQ(page.entries[k].path, model.entries[k].first) << i;
    }
    const auto stats = journal.stats();
    EXPECT_EQ(stats.bytes, model.bytes) << i;
    EXPECT_EQ(stats.evicted, model.evicted) << i;
  }
  EXPECT_GT(model.evicted, 150u);
}

// The entry appended comes back holding the one the full ring evicted for it, which the
// journal layer fills again (entry_pool.hpp); the ring keeps the appended one whole. While
// the ring grows, it comes back null.
TEST(Journal, AppendHandsBackTheEvictedEntry) {
  Journal journal({.max_entries = 2, .max_bytes = 1 << 20, .max_body_bytes = 64});
  auto first = std::make_unique<JournalEntry>(request("GET", "/Users/0", 200));
  journal.append(first);
  EXPECT_EQ(first, nullptr);
  journal.append(request("GET", "/Users/1", 200));
  auto e = std::make_unique<JournalEntry>(request("DELETE", "/Users/2", 204));
  EXPECT_EQ(journal.append(e), 3u);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->path, "/Users/0");
  EXPECT_EQ(e->seq, 1u);
  const auto page = journal.query({});
  ASSERT_EQ(page.entries.size(), 2u);
  EXPECT_EQ(page.entries[1].method, "DELETE");
  EXPECT_EQ(page.entries[1].seq, 3u);
}

// A body captured into a reused one keeps nothing of it, nor far more memory than it needs
// (the byte bound counts sizes).
TEST(Journal, ABodyCapturedIntoAReusedOneKeepsNothingOfIt) {
  CapturedBody body;
  capture_body(std::string(16000, 'x'), 20000, body);
  capture_body("{}", 20000, body);
  EXPECT_EQ(body.text, "{}");
  EXPECT_EQ(body.size, 2u);
  EXPECT_FALSE(body.truncated);
  EXPECT_LE(body.text.capacity(), 2u * 2 + 1024);
  capture_body(std::string(50, 'y'), 10, body);
  EXPECT_EQ(body.text, std::string(10, 'y'));
  EXPECT_EQ(body.size, 50u);
  EXPECT_TRUE(body.truncated);
}

TEST(Journal, BodiesAreCapturedUpToTheirBound) {
  auto body = capture_body(std::string(100, 'y'), 10);
  EXPECT_EQ(body.text, std::string(10, 'y'));
  EXPECT_EQ(body.size, 100u);
  EXPECT_TRUE(body.truncated);
  EXPECT_FALSE(capture_body("{}", 10).truncated);
}

TEST(Journal, QueriesFilterAndLimitToTheMostRecent) {
  Journal journal;
  journal.append(request("GET", "/Users/1", 200));
  journal.append(request("PATCH", "/Users/1", 200));
  journal.append(request("PATCH", "/Groups/9", 400));
  journal.append(request("PATCH", "/Users/2", 404));
  EXPECT_EQ(journal.query({.method = "patch"}).matched, 3u);
  EXPECT_EQ(journal.query({.path_glob = "/Users/*"}).matched, 3u);
  EXPECT_EQ(journal.query({.status = 404}).entries.at(0).path, "/Users/2");
  EXPECT_EQ(journal.query({.status_class = 4}).matched, 2u);
  auto last = journal.query({.method = "PATCH", .limit = 1});
  EXPECT_EQ(last.matched, 3u);
  ASSERT_EQ(last.entries.size(), 1u);
  EXPECT_EQ(last.entries[0].path, "/Users/2");
  const auto t = system_clock::time_point(std::chrono::seconds(1'700'000'000));
  EXPECT_EQ(journal.query({.since = t}).matched, 4u);
  EXPECT_EQ(journal.query({.until = t}).matched, 0u);
  journal.clear();
  EXPECT_EQ(journal.query({}).matched, 0u);
  EXPECT_EQ(journal.stats().appended, 4u);
}

TEST(JournalJson, QueryParametersAreCheckedByName) {
  auto q = parse_journal_query({{"method", "PATCH"},
                                {"path", "/Users/*"},
                                {"status", "4xx"},
                                {"since", "2026-01-01T00:00:00Z"},
                                {"limit", "5"}},
                               1000);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->method, "PATCH");
  EXPECT_EQ(q->status_class, 4);
  EXPECT_EQ(q->limit, 5u);
  EXPECT_EQ(parse_journal_query({{"status", "404"}}, 1000)->status, 404);
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"status", "4x"},
                                                        {"status", "99"},
                                                        {"since", "yesterday"},
                                                        {"limit", "0"},
                                                        {"limit", "1001"},
                                                        {"kind", "other"},
                                                        {"colour", "red"},
                                                        {"path", ""}}) {
    auto bad = parse_journal_query({{key, value}}, 1000);
    ASSERT_FALSE(bad.ok()) << key << "=" << value;
    EXPECT_EQ(bad.error().status, 400);
    EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
    EXPECT_NE(bad.error().detail.find(key), std::string::npos) << bad.error().detail;
  }
}

TEST(JournalJson, EntriesCarryParsedBodiesAndNotes) {
  auto e = request("PATCH", "/Users/1", 200);
  e.request_body = capture_body(R"({"Operations":[]})", 100);
  e.response_body = capture_body("not json", 100);
  e.leniencies = {"op-case"};
  e.fault = "latency 20ms (fault f1)";
  auto j = to_json(e);
  EXPECT_EQ(j["kind"], "request");
  EXPECT_EQ(j["request"]["json"]["Operations"], nlohmann::json::array());
  EXPECT_FALSE(j["response"].contains("json"));
  EXPECT_EQ(j["response"]["body"], "not json");
  EXPECT_EQ(j["leniencies"], nlohmann::json({"op-case"}));
  EXPECT_EQ(j["fault"], "latency 20ms (fault f1)");
  EXPECT_EQ(j["time"], "2023-11-14T22:13:20.000Z");
}

}  // namespace
}  // namespace scim::admin
