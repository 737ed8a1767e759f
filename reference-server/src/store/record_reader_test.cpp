// Reading stored records in place (record_reader.hpp): the walk over encode_record's bytes gives
// the events nlohmann's own CBOR reader gives for the same resource with its full names (RFC 8949:
// every kind of item the encoder writes, each length form), and malformed bytes end it cleanly.
#include "scim/server/store/record_reader.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <functional>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "scim/server/store/record_codec.hpp"

namespace scim::store {
namespace {

using json = nlohmann::json;
using Bytes = std::vector<std::uint8_t>;

std::string float_event(double v) {
  return "float:" + std::to_string(std::bit_cast<std::uint64_t>(v));
}

// A string in an event: long ones by their length and hash, to keep a failure's message short.
std::string shown(std::string_view s) {
  if (s.size() <= 64) return std::string(s);
  return "<" + std::to_string(s.size()) + " bytes #" +
         std::to_string(std::hash<std::string_view>{}(s)) + ">";
}

// The walk's events as text, one line each.
class EventLog final : public RecordVisitor {
 public:
  std::string log;
  std::string codes;            // the codes of coded keys, with their names
  std::size_t wrong_codes = 0;  // keys whose code names another name
  std::size_t stop_at = std::numeric_limits<std::size_t>::max();  // events before refusing one

  bool null() override { return add("null"); }
  bool boolean(bool v) override { return add(v ? "true" : "false"); }
  bool number_integer(std::int64_t v) override { return add("int:" + std::to_string(v)); }
  bool number_unsigned(std::uint64_t v) override { return add("uint:" + std::to_string(v)); }
  bool number_float(double v) override { return add(float_event(v)); }
  bool string(std::string_view v) override { return add("string:" + shown(v)); }
  bool key(std::string_view k, std::uint8_t code) override {
    if (code != 0) codes += std::to_string(code) + "=" + std::string(coded_name(code)) + "\n";
    if (code != 0 && k != coded_name(code)) ++wrong_codes;
    return add("key:" + shown(k));
  }
  bool start_object(std::size_t n) override { return add("{" + std::to_string(n)); }
  bool end_object() override { return add("}"); }
  bool start_array(std::size_t n) override { return add("[" + std::to_string(n)); }
  bool end_array() override { return add("]"); }

 private:
  bool add(const std::string& event) {
    if (events_++ == stop_at) return false;
    log += event + "\n";
    return true;
  }
  std::size_t events_ = 0;
};

// nlohmann's own CBOR reader over the same bytes, its events in the same text, with the stored
// names expanded as the walk expands them: every key, and the strings of the top-level
// "schemas" array (what decode_record did with nlohmann's reader before record_reader.cpp).
class NlohmannLog final : public nlohmann::json_sax<json> {
 public:
  std::string log;
  bool expand = true;  // false: the names come expanded already (visit_record)
  bool null() override { return add("null"); }
  bool boolean(bool v) override { return add(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return add("int:" + std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add("uint:" + std::to_string(v)); }
  bool number_float(number_float_t v, const string_t&) override { return add(float_event(v)); }
  bool string(string_t& v) override {
    return add("string:" + shown(expand && depth_ == 2 && in_schemas_ ? expanded_name(v) : v));
  }
  bool binary(binary_t&) override { return add("binary"); }
  bool start_object(std::size_t n) override {
    ++depth_;
    return add("{" + std::to_string(n));
  }
  bool key(string_t& k) override {
    const std::string_view name = expand ? expanded_name(k) : k;
    schemas_next_ = depth_ == 1 && name == "schemas";
    return add("key:" + shown(name));
  }
  bool end_object() override {
    --depth_;
    return add("}");
  }
  bool start_array(std::size_t n) override {
    ++depth_;
    in_schemas_ = depth_ == 2 && schemas_next_;
    return add("[" + std::to_string(n));
  }
  bool end_array() override {
    if (depth_ == 2) in_schemas_ = false;
    --depth_;
    return add("]");
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool add(const std::string& event) {
    log += event + "\n";
    return true;
  }
  int depth_ = 0;
  bool schemas_next_ = false;
  bool in_schemas_ = false;
};

std::string walked(const Bytes& bytes) {
  EventLog events;
  EXPECT_TRUE(walk_record(bytes, events));
  return events.log;
}

std::string nlohmann_events(const Bytes& bytes) {
  NlohmannLog events;
  EXPECT_TRUE(json::sax_parse(bytes.begin(), bytes.end(), &events, json::input_format_t::cbor));
  return events.log;
}

// Every kind of value encode_record writes, in each of its CBOR length forms (RFC 8949 §3).
json every_kind() {
  json ints = json::array();
  for (std::uint64_t v : std::initializer_list<std::uint64_t>{
           0, 23, 24, 255, 256, 65535, 65536, 4294967295, 4294967296, 18446744073709551615u}) {
    ints.push_back(v);
  }
  for (std::int64_t v :
       std::initializer_list<std::int64_t>{-1, -24, -25, -256, -257, -65536, -65537, -4294967296,
                                           -4294967297, std::numeric_limits<std::int64_t>::min()}) {
    ints.push_back(v);
  }
  json strings = json::array();
  for (std::size_t n : {0, 1, 23, 24, 255, 256, 65535, 65536, 70000}) {
    strings.push_back(std::string(n, char('a' + n % 26)));
  }
  strings.push_back("caf\u00e9 \u4e2d\u6587 \U0001F600");  // UTF-8 of 2, 3 and 4 bytes
  strings.push_back(std::string("nul\0inside", 10));
  return {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User", "urn:example:custom:1.0:X"}},
          {"id", "2819c223"},
          {"userName", "bjensen"},
          {"ints", ints},
          {"floats", {0.25, 0.1, -1.5e300, 3.0, 1e-320}},  // float32 and float64 forms
          {"flags", {true, false, nullptr}},
          {"strings", strings},
          {"empty", {{"object", json::object()}, {"array", json::array()}, {"string", ""}}},
          {"emails", {{{"value", "b@example.com"}, {"type", "work"}, {"primary", true}}}},
          {"nested", {{"deep", {{"list", {1, {{"value", {json::array(), json::object()}}}}}}}}},
          {std::string("\x01\x05", 2), "a name that looks coded"},
          {std::string("\x01", 1), "just the code byte"},
          {std::string("\x01\x00x", 3), "looks escaped"},
          {std::string(300, 'k'), "a long name"},
          {"", "an empty name"}};
}

TEST(RecordReader, WalksEveryKindOfValueAsNlohmannsReaderDoes) {
  const Bytes bytes = encode_record(every_kind());
  EXPECT_EQ(walked(bytes), nlohmann_events(bytes));
  // A record of the server's usual shape and a scalar root.
  EXPECT_EQ(walked(encode_record(json::object())), "{0\n}\n");
  EXPECT_EQ(walked(encode_record(json("just a string"))), "string:just a string\n");
}

// A key stored coded comes with its code, which names the same text (CodedNames looks names up
// by it); a name stored as text, escaped or looking coded, comes with 0.
TEST(RecordReader, ReportsTheCodeOfEveryCodedName) {
  ASSERT_GT(name_codes(), 50);
  EXPECT_EQ(coded_name(0), "");
  EXPECT_EQ(coded_name(name_codes() + 1), "");
  for (unsigned c = 1; c <= name_codes(); ++c) {
    const std::string name(coded_name(std::uint8_t(c)));
    ASSERT_FALSE(name.empty()) << c;
    // Top level and nested: the code does not depend on where the name is.
    const json r = {{name, 1},
                    {"nested", {{name, {{name, true}}}}},
                    {"notACodedName", 2},
                    {std::string("\x01", 1) + name, 3}};
    EventLog events;
    ASSERT_TRUE(walk_record(encode_record(r), events)) << name;
    EXPECT_EQ(events.wrong_codes, 0u) << name;
    const std::string one = std::to_string(c) + "=" + name + "\n";
    EXPECT_EQ(events.codes, one + one + one) << name;
    EXPECT_EQ(events.log, nlohmann_events(encode_record(r))) << name;
  }
  EventLog plain;
  ASSERT_TRUE(walk_record(encode_record(every_kind()), plain));
  EXPECT_EQ(plain.wrong_codes, 0u);
  // Its names that look coded ("\x01\x05", "\x01") are stored escaped: only real names are coded.
  EXPECT_EQ(plain.codes.find("=\n"), std::string::npos);
  EXPECT_NE(plain.codes.find("=userName\n"), std::string::npos);
  for (std::string_view stored :
       {std::string_view("\x01\x05", 2), std::string_view("\x01\x05x", 3)}) {
    EXPECT_EQ(coded_name(name_code(stored)), expanded_name(stored));
  }
  EXPECT_EQ(name_code("userName"), 0);
  EXPECT_EQ(name_code(std::string_view("\x01", 1)), 0);
  EXPECT_EQ(name_code(std::string_view("\x01\x00x", 3)), 0);  // an escaped name
  EXPECT_EQ(name_code(std::string_view("\x01\xff", 2)), 0);   // no such code
}

TEST(RecordReader, ExpandsTheSchemasUrnsOnlyAtTheTop) {
  const std::string core = "urn:ietf:params:scim:schemas:core:2.0:User";
  json r = {{"schemas", {core, 7, {core}}}, {"nested", {{"schemas", {core}}}}};
  EXPECT_EQ(walked(encode_record(r)), nlohmann_events(encode_record(r)));
  const std::string events = walked(encode_record(r));
  EXPECT_NE(events.find("key:schemas\n[3\nstring:" + core + "\nuint:7\n[1\nstring:" + core),
            std::string::npos)
      << events;
  EXPECT_NE(events.find("key:nested\n{1\nkey:schemas\n[1\nstring:" + core), std::string::npos);
  r["schemas"] = core;  // not a list: nothing was coded
  EXPECT_EQ(walked(encode_record(r)), nlohmann_events(encode_record(r)));
}

TEST(RecordReader, DecodeAndVisitGiveTheResourceBack) {
  const json r = every_kind();
  const Bytes bytes = encode_record(r);
  EXPECT_EQ(decode_record(bytes), r);
  NlohmannLog log;
  log.expand = false;
  ASSERT_TRUE(visit_record(bytes, log));
  EXPECT_EQ(log.log, nlohmann_events(bytes));
}

TEST(RecordReader, NestingIsBoundedOnlyByTheBytes) {
  json deep = json::array();
  for (int i = 0; i < 2000; ++i) deep = json::array({deep, i});
  const json r = {{"deep", deep}};
  EXPECT_EQ(decode_record(encode_record(r)), r);
}

TEST(RecordReader, AVisitorThatStopsEndsTheWalk) {
  const Bytes bytes = encode_record(every_kind());
  for (std::size_t stop : {0, 1, 2, 5, 40}) {
    EventLog events;
    events.stop_at = stop;
    EXPECT_FALSE(walk_record(bytes, events)) << stop;
  }
}

// Bytes encode_record never writes: each is refused, by walk_record (false), visit_record
// (false) and decode_record (an exception), never read past or trusted.
void expect_refused(const Bytes& bytes, const std::string& why) {
  EventLog events;
  EXPECT_FALSE(walk_record(bytes, events)) << why;
  NlohmannLog log;
  EXPECT_FALSE(visit_record(bytes, log)) << why;
  EXPECT_THROW(decode_record(bytes), std::runtime_error) << why;
}

TEST(RecordReader, RefusesMalformedBytes) {
  expect_refused({}, "empty");
  expect_refused({0xa1, 0x61, 'a'}, "a map missing its last value");
  expect_refused({0xa1, 0x01, 0x02}, "a map key that is not text");
  expect_refused({0xa1, 0xa0, 0x02}, "a map key that is a map");
  expect_refused({0x82, 0x01}, "an array missing an element");
  expect_refused({0x01, 0x02}, "bytes after the item");
  expect_refused({0xa0, 0xa0}, "two items");
  expect_refused({0x63, 'a', 'b'}, "a string longer than the bytes");
  expect_refused({0x7b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 'a'}, "a huge string");
  expect_refused({0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
                 "an array claiming 2^64-1 elements");
  expect_refused({0xbb, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x61, 'a', 0x01},
                 "a map claiming 2^63 members (twice that many items)");
  expect_refused({0x83, 0x01, 0x02}, "an array claiming more elements than bytes");
  expect_refused({0x3b, 0x80, 0, 0, 0, 0, 0, 0, 0}, "a negative integer below int64");
  expect_refused({0x41, 'a'}, "a byte string");
  expect_refused({0x5f, 0x41, 'a', 0xff}, "an indefinite byte string");
  expect_refused({0x7f, 0x61, 'a', 0xff}, "an indefinite text string");
  expect_refused({0x9f, 0x01, 0xff}, "an indefinite array");
  expect_refused({0xbf, 0x61, 'a', 0x01, 0xff}, "an indefinite map");
  expect_refused({0xc1, 0x01}, "a tag");
  expect_refused({0xf7}, "undefined");
  expect_refused({0xf8, 0x20}, "a one-byte simple value");
  expect_refused({0xff}, "a break outside an indefinite item");
  expect_refused({0x1c}, "a reserved additional information");
  expect_refused({0x19, 0x01}, "a truncated integer");
  expect_refused({0xfb, 0x01, 0x02}, "a truncated float");
}

TEST(RecordReader, RefusesEveryTruncationOfARecord) {
  const Bytes bytes = encode_record(every_kind());
  for (std::size_t n = 0; n < bytes.size(); n += (n < 4096 ? 1 : 97)) {
    expect_refused(Bytes(bytes.begin(), bytes.begin() + std::ptrdiff_t(n)),
                   "the first " + std::to_string(n) + " bytes");
  }
}

// Any byte changed to any value: the walk ends cleanly (under the sanitizers: never reads out of
// bounds); when the bytes still form a record, decoding gives a value without throwing.
TEST(RecordReader, SurvivesCorruptBytes) {
  const json r = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                  {"userName", "bjensen"},
                  {"emails", {{{"value", "b@example.com"}, {"primary", true}}}},
                  {"n", -300},
                  {"x", 0.5}};
  const Bytes good = encode_record(r);
  for (std::size_t at = 0; at < good.size(); ++at) {
    for (int value = 0; value < 256; ++value) {
      Bytes bad = good;
      bad[at] = std::uint8_t(value);
      EventLog events;
      if (walk_record(bad, events)) {
        EXPECT_NO_THROW(decode_record(bad)) << at << " " << value;
      } else {
        EXPECT_THROW(decode_record(bad), std::runtime_error) << at << " " << value;
      }
    }
  }
}

}  // namespace
}  // namespace scim::store
