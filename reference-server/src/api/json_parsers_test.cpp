// The request-body fast path (json_parsers.hpp) against the reference path (json_text.hpp): on
// every edge case the two give the same tree with the same types, or the same error (status,
// scimType, detail); and the fast path answers itself where it should, so these cases cannot
// pass by always deferring. RFC 8259 (JSON), RFC 7643 §2.1 (names without case).
#include "scim/server/api/json_parsers.hpp"

#include <gtest/gtest.h>

#include <string>

#include "scim/server/api/json_identical.hpp"
#include "scim/server/api/json_text.hpp"

namespace scim::server {
namespace {

enum class Fast { Answers, Defers };

struct Case {
  const char* name;
  std::string text;
  Fast fast;
};

constexpr std::size_t kDepth = 8;

// The fast path's answer (through parse_json_text, as the server calls it) equals the reference
// path's, and the fast path itself answered or deferred as `c.fast` says.
void expect_same(const JsonParsers& parsers, const Case& c, std::size_t readable) {
  SCOPED_TRACE(c.name);
  const auto reference = parse_json_text(c.text, kDepth);
  const auto fast = parse_json_text(c.text, kDepth, &parsers, readable);
  ASSERT_EQ(reference.ok(), fast.ok());
  if (reference.ok()) {
    EXPECT_TRUE(identical_json(*reference, *fast)) << reference->dump() << " vs " << fast->dump();
  } else {
    EXPECT_EQ(reference.error(), fast.error());
  }
  const auto own = parsers.try_parse(c.text, readable, kDepth);
  EXPECT_EQ(own.has_value(), c.fast == Fast::Answers);
  if (own && reference.ok()) {
    EXPECT_TRUE(identical_json(*reference, *own));
  }
}

std::vector<Case> edge_cases() {
  using namespace std::string_literals;
  return {
      {"ordinary create body",
       R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen",)"
       R"("name":{"givenName":"Bärbel 日本","familyName":"J"},"active":true,"x":null,)"
       R"("emails":[{"value":"b@example.com","primary":true}],"meta":{"created":"2024-01-05"}})",
       Fast::Answers},
      {"scalar at the top", "\"text\"", Fast::Answers},
      {"unsigned integer", "[0, 1, 9223372036854775807, 9223372036854775808]", Fast::Answers},
      {"largest unsigned", "[18446744073709551615]", Fast::Answers},
      {"negative integer", "[-1, -9223372036854775808]", Fast::Answers},
      {"minus zero integer", "[-0]", Fast::Defers},
      {"minus zero at the top", "-0", Fast::Defers},
      {"minus zero float", "[-0.0, -0e1, 0.0]", Fast::Answers},
      {"integer past 64 bits", "[18446744073709551616]", Fast::Defers},
      {"negative integer past 64 bits", "[-9223372036854775809]", Fast::Defers},
      {"floats", "[1.5, 1e2, 2.2250738585072014e-308, 4.9e-324, 1e-400, 0.1]", Fast::Answers},
      {"float overflow", "[1e400]", Fast::Defers},
      {"unescaped control character", "[\"a\x01b\"]", Fast::Defers},
      {"unescaped newline", "[\"a\nb\"]", Fast::Defers},
      {"escapes", R"(["\"\\\/\b\f\n\r\t\u00e9\u20ac"])", Fast::Answers},
      {"escaped NUL", R"(["a\u0000b"])", Fast::Answers},
      {"surrogate pair", R"(["\ud83d\ude00", "\uDBFF\uDFFF"])", Fast::Answers},
      {"high surrogate then a non-low escape", R"(["\ud800\u0041"])", Fast::Defers},
      {"two high surrogates", R"(["\ud800\ud800"])", Fast::Defers},
      {"low then high surrogate", R"(["\udc00\ud800"])", Fast::Defers},
      {"lone high surrogate", R"(["\ud800"])", Fast::Defers},
      {"lone low surrogate", R"(["\udc00"])", Fast::Defers},
      {"high surrogate then letter", R"(["\ud800x"])", Fast::Defers},
      {"broken \\u escape", R"(["\u12"])", Fast::Defers},
      {"invalid UTF-8 byte", "[\"\xff\"]", Fast::Defers},
      {"overlong UTF-8", "[\"\xc0\xaf\"]", Fast::Defers},
      {"UTF-8 surrogate", "[\"\xed\xa0\x80\"]", Fast::Defers},
      {"UTF-8 past U+10FFFF", "[\"\xf4\x90\x80\x80\"]", Fast::Defers},
      {"UTF-8 four bytes", "[\"\xf0\x9f\x98\x80\"]", Fast::Answers},
      {"UTF-8 BOM", "\xef\xbb\xbf{\"a\":1}", Fast::Defers},
      {"trailing content", "{\"a\":1} x", Fast::Defers},
      {"second value", "{\"a\":1}{}", Fast::Defers},
      {"trailing whitespace", "{\"a\":1} \n", Fast::Answers},
      {"duplicate key", R"({"a":1,"a":2})", Fast::Defers},
      {"duplicate key without case", R"({"userName":1,"USERNAME":2})", Fast::Defers},
      {"same key in sibling objects", R"([{"a":1},{"A":2}])", Fast::Answers},
      {"same key nested", R"({"a":{"a":{"a":1}}})", Fast::Answers},
      {"duplicate key after a nested object", R"({"a":{"b":1},"b":2,"A":3})", Fast::Defers},
      {"at the depth limit", "[[[[[[[[1]]]]]]]]", Fast::Answers},
      {"past the depth limit", "[[[[[[[[[1]]]]]]]]]", Fast::Defers},
      {"very deep", std::string(5000, '[') + std::string(5000, ']'), Fast::Defers},
      {"empty", "", Fast::Defers},
      {"whitespace only", " \t\r\n", Fast::Defers},
      {"NUL byte in the text", "{\"a\":1}\0"s, Fast::Defers},
      {"bad literal", "[tru]", Fast::Defers},
      {"leading zero", "[01]", Fast::Defers},
      {"a date is no minus zero", R"({"d":"2024-01-05","e":1e-0})", Fast::Answers},
  };
}

TEST(JsonParsers, EdgeCasesGiveTheReferenceAnswerFromACopy) {
  const JsonParsers parsers;
  for (const auto& c : edge_cases()) expect_same(parsers, c, c.text.size());
}

TEST(JsonParsers, EdgeCasesGiveTheReferenceAnswerInPlace) {
  const JsonParsers parsers;
  for (auto c : edge_cases()) {
    const std::size_t size = c.text.size();
    c.text.reserve(size + 64);  // SIMDJSON_PADDING spare bytes: parsed where it lies
    expect_same(parsers, c, c.text.capacity());
  }
}

TEST(JsonParsers, ManyMembersAndAHugeBody) {
  std::string many = "{";
  for (int i = 0; i < 200; ++i) many += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  const std::string dup = many + "\"K7\":0}";
  many.back() = '}';
  std::string huge = "[";
  for (int i = 0; i < 100000; ++i) huge += R"({"value":"x","n":-12.5},)";
  huge.back() = ']';
  const JsonParsers parsers(1);
  for (const auto& c : {Case{"200 members", many, Fast::Answers},
                        Case{"a repeat among 200 members", dup, Fast::Defers},
                        Case{"2.4 MB", huge, Fast::Answers}}) {
    expect_same(parsers, c, c.text.size());
  }
}

}  // namespace
}  // namespace scim::server
