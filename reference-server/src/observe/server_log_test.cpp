// The structured log: access lines in text and JSON, levels, and what is never written.
#include "scim/server/observe/server_log.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace scim::observe {
namespace {

AccessRecord record() {
  AccessRecord r;
  r.request_id = "req-1";
  r.tenant = "acme";
  r.method = "GET";
  r.path = "/scim/v2/Users/2819c223";
  r.status = 200;
  r.duration = std::chrono::microseconds(1250);
  r.bytes_in = 0;
  r.bytes_out = 321;
  return r;
}

// Lines written through a ServerLog that is gone (its writer thread drained the queue).
std::string written(LogOptions options, const std::function<void(ServerLog&)>& use) {
  std::ostringstream out;
  {
    ServerLog log(std::move(options), &out);
    use(log);
  }
  return out.str();
}

TEST(ServerLog, TextAccessLineHasEveryField) {
  EXPECT_EQ(format_access_text(record()),
            "access request_id=\"req-1\" tenant=\"acme\" method=\"GET\" "
            "path=\"/scim/v2/Users/2819c223\" status=200 duration_ms=1.250 bytes_in=0 "
            "bytes_out=321");
}

TEST(ServerLog, TextQuotesClientValuesSoALineFeedCannotForgeALine) {
  auto r = record();
  r.path = "/scim/v2/Users\nGET /forged";
  EXPECT_NE(format_access_text(r).find("path=\"/scim/v2/Users\\nGET /forged\""), std::string::npos);
}

// Found by fuzz_http (fuzz/regressions/http/): a request target with raw non-UTF-8 bytes made
// the text line's dump() throw, and the server terminated.
TEST(ServerLog, TextSurvivesInvalidUtf8) {
  auto r = record();
  r.path = "/scim/v2/\xff\xfe";
  EXPECT_NE(format_access_text(r).find("path=\"/scim/v2/\xEF\xBF\xBD\xEF\xBF\xBD\""),
            std::string::npos);
}

TEST(ServerLog, JsonAccessLineParses) {
  const auto line =
      format_access_json(record(), std::chrono::system_clock::time_point(std::chrono::seconds(0)));
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["time"], "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(j["level"], "info");
  EXPECT_EQ(j["msg"], "access");
  EXPECT_EQ(j["request_id"], "req-1");
  EXPECT_EQ(j["tenant"], "acme");
  EXPECT_EQ(j["status"], 200);
  EXPECT_DOUBLE_EQ(j["duration_ms"].get<double>(), 1.25);
  EXPECT_EQ(j["bytes_out"], 321);
}

TEST(ServerLog, JsonSurvivesInvalidUtf8) {
  auto r = record();
  r.path = "/scim/v2/Users/\xff\xfe";
  auto j = nlohmann::json::parse(format_access_json(r, std::chrono::system_clock::now()));
  EXPECT_EQ(j["path"], "/scim/v2/Users/\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(ServerLog, WritesAccessLinesThroughSpdlog) {
  LogOptions json;
  json.format = LogFormat::Json;
  const auto out = written(json, [](ServerLog& log) { log.access(record()); });
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(nlohmann::json::parse(out)["path"], "/scim/v2/Users/2819c223");

  const auto text = written({}, [](ServerLog& log) { log.access(record()); });
  EXPECT_NE(text.find(" info access request_id=\"req-1\""), std::string::npos) << text;
}

TEST(ServerLog, LevelWarnSilencesAccessLines) {
  LogOptions quiet;
  quiet.level = "warn";
  const auto out = written(quiet, [](ServerLog& log) {
    EXPECT_FALSE(log.access_enabled());
    log.access(record());
    log.info("not written");
    log.warn("written");
  });
  EXPECT_EQ(out.find("access"), std::string::npos);
  EXPECT_EQ(out.find("not written"), std::string::npos);
  EXPECT_NE(out.find("warning written"), std::string::npos) << out;
}

TEST(ServerLog, ParsesLevelNames) {
  EXPECT_EQ(parse_log_level("info"), 2);
  EXPECT_EQ(parse_log_level("off"), 6);
  EXPECT_EQ(parse_log_level("verbose"), std::nullopt);
  EXPECT_EQ(parse_log_level("INFO"), std::nullopt);
}

}  // namespace
}  // namespace scim::observe
