// The structured log: access lines in text and JSON, levels, and what is never written.
#include "scim/server/observe/server_log.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

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

// The text line writes plain values between quotes itself and leaves everything else to
// nlohmann's serializer: either way a value reads exactly as the library's JSON string of it.
TEST(ServerLog, TextQuotesEveryValueAsTheJsonLibraryDoes) {
  std::vector<std::string> values = {"",
                                     "/scim/v2/Users",
                                     "a\"b",
                                     "back\\slash",
                                     "tab\there",
                                     "del\x7f",
                                     "caf\xc3\xa9",
                                     "\xe2\x82\xac sign",
                                     "\xff\xfe",
                                     "\xc3",
                                     std::string("nul\0byte", 8)};
  for (int c = 0; c < 256; ++c) values.push_back("/x" + std::string(1, static_cast<char>(c)) + "y");
  for (const auto& value : values) {
    auto r = record();
    r.path = value;
    const std::string expected =
        "path=" +
        nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
        " status=200";
    EXPECT_NE(format_access_text(r).find(expected), std::string::npos) << format_access_text(r);
  }
}

TEST(ServerLog, FormatsMillisecondsAsPrintfDoes) {
  std::vector<long long> samples = {
      0, 1, 9, 10, 999, 1000, 1001, 1250, 999'999, 1'000'000, 86'400'000'000LL, 123'456'789'012LL};
  for (long long us = 0; us < 20'000; us += 7) samples.push_back(us);
  for (long long us : samples) {
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.3f", static_cast<double>(us) / 1000);
    EXPECT_EQ(format_milliseconds(std::chrono::microseconds(us)), expected) << us;
  }
}

// The line as the field-by-field code wrote it before it had a one-piece path for plain texts:
// every text through nlohmann's dump(), every number through printf.
std::string model_line(const AccessRecord& r) {
  auto quoted = [](std::string_view s) {
    return nlohmann::json(std::string(s))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  char ms[64];
  std::snprintf(ms, sizeof ms, "%.3f", static_cast<double>(r.duration.count()) / 1000);
  return "access request_id=" + quoted(r.request_id) +
         " tenant=" + quoted(r.tenant.empty() ? "-" : r.tenant) + " method=" + quoted(r.method) +
         " path=" + quoted(r.path) + " status=" + std::to_string(r.status) + " duration_ms=" + ms +
         " bytes_in=" + std::to_string(r.bytes_in) + " bytes_out=" + std::to_string(r.bytes_out);
}

TEST(ServerLog, TextLineIsTheFieldByFieldOnesWhateverTheTexts) {
  const std::vector<std::string> texts = {"",
                                          "plain",
                                          "/scim/v2/Users/2819c223",
                                          "with \"quote\"",
                                          "back\\slash",
                                          "line\nfeed",
                                          "tab\t",
                                          "\x7F",
                                          "caf\xC3\xA9",
                                          "\xFF\xFE",
                                          std::string(300, 'p'),
                                          "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"};
  const std::vector<long long> durations = {0, 7, 1250, 86'400'000'000LL, -1, -1250};
  std::size_t checked = 0;
  for (std::size_t field = 0; field < 4; ++field) {
    for (const auto& text : texts) {
      for (const long long us : durations) {
        AccessRecord r = record();
        std::string_view* fields[] = {&r.request_id, &r.tenant, &r.method, &r.path};
        *fields[field] = text;
        r.duration = std::chrono::microseconds(us);
        r.status = us < 0 ? 599 : 200;
        r.bytes_in = static_cast<std::size_t>(us < 0 ? -us : us);
        r.bytes_out = us == 7 ? std::numeric_limits<std::size_t>::max() : 321;
        EXPECT_EQ(format_access_text(r), model_line(r)) << field << " " << text << " " << us;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 4 * texts.size() * durations.size());
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

// The whole text line: the pattern's UTC time with milliseconds, the level, the record, "\n";
// the same bytes spdlog's formatter wrote when the line went through the logger
// (BatchingSink.TextLinesAreThePatternsBytes).
TEST(ServerLog, TextAccessLineIsTheTimeTheLevelAndTheRecord) {
  const auto text = written({}, [](ServerLog& log) {
    log.access(record());
    log.info("an event");
  });
  const std::regex line(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info (.*)\n)");
  const auto first = text.substr(0, text.find('\n') + 1);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(first, m, line)) << text;
  EXPECT_EQ(m[1].str(), format_access_text(record()));
  const auto second = text.substr(first.size());
  ASSERT_TRUE(std::regex_match(second, m, line)) << text;
  EXPECT_EQ(m[1].str(), "an event");
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
