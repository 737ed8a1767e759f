// The stored form: a resource comes back exactly as it went in, attribute names are stored
// short, and every string value but the top-level schemas URNs stays verbatim in the bytes (the
// scan pre-check relies on it).
#include "scim/server/store/record_codec.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace scim::store {
namespace {

const char* kEnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

nlohmann::json enterprise_user() {
  return {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User", kEnterpriseUrn}},
          {"id", "2819c223-7f76-453a-919d-413861904646"},
          {"externalId", "00u7x090123127888"},
          {"userName", "Margaret.Wirth.7@contoso.example"},
          {"name", {{"familyName", "Wirth"}, {"givenName", "Margaret"}, {"formatted", "M W"}}},
          {"displayName", "Margaret Wirth"},
          {"active", true},
          {"emails",
           {{{"value", "Margaret.Wirth.7@contoso.example"}, {"type", "work"}, {"primary", true}},
            {{"value", "Margaret7@home.example"}, {"type", "home"}}}},
          {"phoneNumbers", {{{"value", "+1 555 8729344"}, {"type", "work"}}}},
          {"addresses",
           {{{"streetAddress", "077 Main Street"}, {"locality", "Dublin"}, {"country", "IE"}}}},
          {kEnterpriseUrn, {{"employeeNumber", "7"}, {"costCenter", "CC-3417"}}},
          {"meta",
           {{"resourceType", "User"},
            {"created", "2026-12-05T22:20:01.123Z"},
            {"lastModified", "2026-12-05T22:20:01.123Z"},
            {"version", "W/\"42\""}}}};
}

// The bytes as lower-case hex, for pinning them in a test.
std::string hex_of(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  for (auto b : bytes) {
    constexpr const char* kDigits = "0123456789abcdef";
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

bool holds(const std::vector<std::uint8_t>& bytes, const std::string& text) {
  return std::search(bytes.begin(), bytes.end(), text.begin(), text.end()) != bytes.end();
}

TEST(RecordCodec, RoundTripsEveryKindOfValue) {
  nlohmann::json r = enterprise_user();
  r["x509Certificates"] = nlohmann::json::array();
  r["meta"]["count"] = -3;
  r["ratio"] = 0.25;
  r["nothing"] = nullptr;
  r["nested"] = {{"deep", {{"list", {1, "two", {{"value", false}}}}}}};
  EXPECT_EQ(decode_record(encode_record(r)), r);
  EXPECT_EQ(decode_record(encode_record(nlohmann::json::object())), nlohmann::json::object());
}

// The store writes every record through one reused buffer (memory_store.cpp, put_rest): what the
// buffer held before, a longer record included, never leaks into the next record's bytes.
TEST(RecordCodec, WritingIntoAReusedBufferGivesTheSameBytes) {
  std::vector<std::uint8_t> buffer;
  nlohmann::json big = enterprise_user();
  big["title"] = std::string(5000, 't');
  encode_record_into(big, buffer);
  EXPECT_EQ(buffer, encode_record(big));
  const nlohmann::json small = {{"id", "1"}, {"userName", "a"}};
  encode_record_into(small, buffer);
  EXPECT_EQ(buffer, encode_record(small));
  EXPECT_EQ(decode_record(buffer), small);
  encode_record_into(enterprise_user(), buffer);
  EXPECT_EQ(buffer, encode_record(enterprise_user()));
}

TEST(RecordCodec, StoresKnownAttributeNamesShortAndValuesVerbatim) {
  const nlohmann::json r = enterprise_user();
  const auto bytes = encode_record(r);
  // The names of RFC 7643's attributes are coded; the plain CBOR would spell each one out.
  EXPECT_LT(bytes.size() * 10, nlohmann::json::to_cbor(r).size() * 8);  // at least 20% smaller
  EXPECT_FALSE(holds(bytes, "phoneNumbers"));
  EXPECT_FALSE(holds(bytes, "employeeNumber"));
  for (const char* value : {"Margaret.Wirth.7@contoso.example", "Margaret7@home.example",
                            "077 Main Street", "CC-3417", "2026-12-05T22:20:01.123Z"}) {
    EXPECT_TRUE(holds(bytes, value)) << value;
  }
}

TEST(RecordCodec, CodesTheSchemasUrnsOnlyAtTheTop) {
  const std::string core = "urn:ietf:params:scim:schemas:core:2.0:User";
  nlohmann::json r = enterprise_user();
  EXPECT_FALSE(holds(encode_record(r), core));
  r["schemas"] = {core, "urn:example:custom:1.0:Thing", std::string("\x01\x05", 2),
                  std::string("\x01\x00y", 3), 7};
  r["nested"] = {{"schemas", {core}}};
  const auto bytes = encode_record(r);
  EXPECT_TRUE(holds(bytes, "urn:example:custom:1.0:Thing"));
  EXPECT_TRUE(holds(bytes, core));  // the nested one: only the resource's own list is coded
  EXPECT_EQ(decode_record(bytes), r);
  r["schemas"] = "not a list";
  EXPECT_EQ(decode_record(encode_record(r)), r);
}

TEST(RecordCodec, KeepsUnknownNamesAndNamesThatLookCoded) {
  const nlohmann::json r = {{"urn:example:ext:1.0:Thing", {{"colour", "red"}}},
                            {std::string("\x01\x05", 2), "looks coded"},
                            {std::string("\x01", 1), "just the marker"},
                            {std::string("\x01\x00x", 3), "looks escaped"},
                            {"", "empty name"}};
  EXPECT_EQ(decode_record(encode_record(r)), r);
}

// The bytes of a small resource as the first release of this codec wrote them (a tree copy with
// short names, then nlohmann's to_cbor): the writer must write the very same ones.
TEST(RecordCodec, WritesThePinnedBytes) {
  const std::string ent = kEnterpriseUrn;
  nlohmann::json r = {
      {"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User", ent, std::string("\x01\x05", 2)}},
      {"id", "7"},
      {"userName", "bjensen"},
      {"emails", nlohmann::json::array({{{"value", "b@x.example"}, {"primary", true}}})},
      {ent, {{"costCenter", "4130"}}},
      {std::string("\x01\x05", 2), 1},
      {"zeta", {{"schemas", {"urn:x"}}}}};
  const std::string pinned =
      "a7640100010501620101836201376201306401000105620102613762010a67626a656e73656e62011c81"
      "a262011d6b6240782e6578616d706c65620120f5620130a16201326434313330647a657461a162010181"
      "6575726e3a78";
  EXPECT_EQ(hex_of(encode_record(r)), pinned);
}

// Where no name is coded (no known attribute name, no top-level "schemas"), the stored bytes are
// nlohmann's to_cbor of the resource itself: every integer, float, string, array and map length
// in each of its CBOR forms (RFC 8949 §3), and names ordered as std::map orders them (bytes
// compared unsigned).
TEST(RecordCodec, WritesWhatToCborWritesWhenNoNameIsCoded) {
  using json = nlohmann::json;
  json ints = json::array();
  for (std::int64_t n :
       std::initializer_list<std::int64_t>{0,
                                           1,
                                           23,
                                           24,
                                           255,
                                           256,
                                           65535,
                                           65536,
                                           4294967295,
                                           4294967296,
                                           std::numeric_limits<std::int64_t>::max(),
                                           -1,
                                           -24,
                                           -25,
                                           -256,
                                           -257,
                                           -65536,
                                           -65537,
                                           -4294967296,
                                           -4294967297,
                                           std::numeric_limits<std::int64_t>::min()}) {
    ints.push_back(n);
  }
  ints.push_back(std::numeric_limits<std::uint64_t>::max());
  json floats = json::array();
  for (double d :
       {0.0, -0.0, 0.25, 0.1, -2.5, 1e300, -1e300, 3.4028234663852886e38, 3.4028235677973366e38,
        1.401298464324817e-45, 1e-320, std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    floats.push_back(d);
  }
  json r = {{"ints", ints}, {"floats", floats}, {"flags", {true, false, nullptr}}};
  for (std::size_t n : {0u, 23u, 24u, 255u, 256u, 65535u, 65536u}) {
    r["s" + std::to_string(n)] = std::string(n, 'x');
    r["a" + std::to_string(n)] = json::array();
    for (std::size_t i = 0; i < n && i < 300; ++i) r["a" + std::to_string(n)].push_back(i);
  }
  json wide = json::object();
  for (int i = 0; i < 300; ++i) wide["k" + std::to_string(i)] = i;
  r["wide"] = wide;
  // Names std::map orders by unsigned bytes: UTF-8, DEL, a NUL byte, the empty name.
  for (const char* name : {"\xc3\xa9", "z", "\x7f", "\x80", "A", ""}) r["names"][name] = name;
  r["names"][std::string("\0a", 2)] = 0;
  const auto plain = nlohmann::json::to_cbor(r);
  EXPECT_EQ(encode_record(r), plain);
  // URNs are coded only directly in the top-level "schemas": not under another name.
  json urns = {{"urns", {"urn:x", "urn:ietf:params:scim:schemas:core:2.0:User"}}};
  EXPECT_EQ(encode_record(urns), nlohmann::json::to_cbor(urns));
  // NaN equals nothing, so the round trip is compared by the bytes of a second encoding.
  EXPECT_EQ(encode_record(decode_record(plain)), plain);
}

// What the first release of this codec wrote (WritesThePinnedBytes): nlohmann's to_cbor of a copy
// whose member names, and the URNs directly in the top-level "schemas", are the stored ones: a
// name of the table as "\x01" + its code, a name that begins with "\x01" escaped as "\x01\x00" +
// the name, any other as it is. The copy's std::map orders the members by those stored names.
std::string stored_name(const std::string& name) {
  for (std::uint8_t code = 1; code <= name_codes(); ++code) {
    if (coded_name(code) == name) return std::string(1, '\x01') + static_cast<char>(code);
  }
  if (!name.empty() && name.front() == '\x01') return std::string("\x01\x00", 2) + name;
  return name;
}

nlohmann::json stored_copy(const nlohmann::json& v, bool top) {
  if (v.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, member] : v.items()) {
      nlohmann::json inner = stored_copy(member, false);
      if (top && key == "schemas" && member.is_array()) {
        for (auto& urn : inner) {
          if (urn.is_string()) urn = stored_name(urn.get<std::string>());
        }
      }
      out[stored_name(key)] = std::move(inner);
    }
    return out;
  }
  if (v.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : v) out.push_back(stored_copy(item, false));
    return out;
  }
  return v;
}

std::vector<std::uint8_t> shortened_copy_cbor(const nlohmann::json& resource) {
  return nlohmann::json::to_cbor(stored_copy(resource, true));
}

// A user as the bench's generator writes it (scim-bench-data user 1), with the id and meta the
// endpoint adds: every attribute a provisioned directory user has.
nlohmann::json generated_user() {
  return nlohmann::json::parse(R"({
    "active": true,
    "addresses": [{"country": "US", "locality": "Austin", "postalCode": "93708", "primary": true,
                   "region": "TX", "streetAddress": "354 Main Street", "type": "work"}],
    "displayName": "Margaret Torvalds",
    "emails": [{"primary": true, "type": "work", "value": "Margaret.Torvalds.1@contoso.example"},
               {"type": "home", "value": "Margaret1@home.example"}],
    "externalId": "00u1x935450354233",
    "id": "0f0d5d2c-58a4-4f0e-9b3e-3d6c1f3c5a11",
    "locale": "en-US",
    "meta": {"created": "2026-12-07T03:20:01.123Z", "lastModified": "2026-12-07T03:20:01.123Z",
             "location": "http://127.0.0.1:8080/Users/0f0d5d2c-58a4-4f0e-9b3e-3d6c1f3c5a11",
             "resourceType": "User", "version": "W/\"1\""},
    "name": {"familyName": "Torvalds", "formatted": "Margaret Torvalds", "givenName": "Margaret",
             "honorificPrefix": "Dr."},
    "nickName": "Margaret",
    "phoneNumbers": [{"type": "work", "value": "+1 555 0983376"},
                     {"type": "mobile", "value": "+1 555 1295376"}],
    "preferredLanguage": "en-US",
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    "timezone": "America/Chicago",
    "title": "Software Engineer",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "costCenter": "CC-2686", "department": "Legal", "division": "Legal Division",
      "employeeNumber": "1", "organization": "Contoso"},
    "userName": "Margaret.Torvalds.1@contoso.example",
    "userType": "Employee"})");
}

// The bytes of a whole generated user, as the writer of 95d17fe wrote them: a faster writer must
// write the very same ones (the readers, the scan pre-check and the ETags of stored bytes rely
// on them).
TEST(RecordCodec, WritesThePinnedBytesOfAGeneratedUser) {
  const nlohmann::json user = generated_user();
  const std::string pinned =
      "b262010182620137620130620102782430663064356432632d353861342d346630652d396233652d33643663"
      "3166336335613131620103713030753178393335343530333534323333620104a56201056455736572620106"
      "7818323032362d31322d30375430333a32303a30312e3132335a6201077818323032362d31322d3037543033"
      "3a32303a30312e3132335a6201087840687474703a2f2f3132372e302e302e313a383038302f55736572732f"
      "30663064356432632d353861342d346630652d396233652d33643663316633633561313162010965572f2231"
      "2262010a78234d617267617265742e546f7276616c64732e3140636f6e746f736f2e6578616d706c6562010b"
      "a462010c714d6172676172657420546f7276616c647362010d68546f7276616c647362010e684d6172676172"
      "65746201106344722e620112714d6172676172657420546f7276616c6473620113684d617267617265746201"
      "1571536f66747761726520456e67696e65657262011668456d706c6f79656562011765656e2d555362011865"
      "656e2d55536201196f416d65726963612f4368696361676f62011af562011c82a362011d78234d6172676172"
      "65742e546f7276616c64732e3140636f6e746f736f2e6578616d706c6562011f64776f726b620120f5a26201"
      "1d764d617267617265743140686f6d652e6578616d706c6562011f64686f6d6562012182a262011d6e2b3120"
      "353535203039383333373662011f64776f726ba262011d6e2b3120353535203132393533373662011f666d6f"
      "62696c6562012481a762011f64776f726b620120f56201256f333534204d61696e2053747265657462012666"
      "41757374696e620127625458620128653933373038620129625553620130a562013161316201326743432d32"
      "36383662013367436f6e746f736f6201346e4c6567616c204469766973696f6e620135654c6567616c";
  EXPECT_EQ(hex_of(encode_record(user)), pinned);
  EXPECT_EQ(encode_record(user), shortened_copy_cbor(user));
  EXPECT_EQ(decode_record(encode_record(user)), user);
}

// Coded names beside names that are not coded, that begin with "\x01" (escaped), that begin with
// "\0" or "\x02" (sorted before or right after every coded one), and that lie between coded names
// in the resource's own order ("userNamf" between "userName" and "userType"), at the top, nested,
// in arrays, in objects of one member and of hundreds (more than a writer keeps at hand), and the
// top-level "schemas" URNs among them: the bytes of the shortened copy every time.
TEST(RecordCodec, WritesWhatTheShortenedCopyWritesForEveryKindOfName) {
  using json = nlohmann::json;
  json mixed = json::object();
  for (const char* name : {"userName", "userNamf", "userType", "id", "ie", "ic", "emails", "zeta",
                           "value", "valuf", "$ref", "$reg", "", "A", "meta", "met", "metaa"}) {
    mixed[name] = name;
  }
  for (const std::string& name :
       {std::string("\x01", 1), std::string("\x01\x00", 2), std::string("\x01\x00x", 3),
        std::string("\x01\x05", 2), std::string("\x01\xff", 2), std::string("\x01\x01zz", 4),
        std::string("\0", 1), std::string("\0a", 2), std::string("\x02", 1),
        std::string("\x02type", 5)}) {
    mixed[name] = name.size();
  }
  json r = generated_user();
  r["schemas"].push_back(std::string("\x01\x00y", 3));
  r["schemas"].push_back(std::string("\x01", 1));
  r["schemas"].push_back("urn:ietf:params:scim:schemas:core:2.0:Group");
  r["schemas"].push_back("urn:example:not:coded");
  r["mixed"] = mixed;
  r["emails"].push_back(mixed);
  r["name"]["deeper"] = {{"list", json::array({mixed, json::array({mixed}), json::object()})}};
  r[std::string("\x01\x05", 2)] = mixed;
  r["userNamf"] = json::array({1, {{"display", "x"}}, {{std::string("\x01\x02", 2), nullptr}}});
  json wide = json::object();
  for (int i = 0; i < 300; ++i) {
    wide[i % 3 == 0 ? std::string(coded_name(static_cast<std::uint8_t>(1 + i % name_codes())))
                    : "k" + std::to_string(i)] = json::object({{"value", i}, {"k", mixed}});
  }
  r["wide"] = wide;
  json nested = json::object();
  json* at = &nested;
  for (int depth = 0; depth < 40; ++depth) {
    for (const char* name : {"value", "zz", "type", "display"}) (*at)[name] = depth;
    at = &((*at)["members"] = json::object());
  }
  r["nested"] = nested;
  EXPECT_EQ(encode_record(r), shortened_copy_cbor(r));
  EXPECT_EQ(decode_record(encode_record(r)), r);
  EXPECT_EQ(encode_record(mixed), shortened_copy_cbor(mixed));
  EXPECT_EQ(encode_record(wide), shortened_copy_cbor(wide));
  for (const auto& [name, value] : mixed.items()) {
    const json one = {{name, value}};
    EXPECT_EQ(encode_record(one), shortened_copy_cbor(one)) << hex_of({name.begin(), name.end()});
  }
  std::vector<std::uint8_t> reused;
  encode_record_into(r, reused);
  encode_record_into(generated_user(), reused);
  EXPECT_EQ(reused, shortened_copy_cbor(generated_user()));
}

// Names that look coded, coded names and unknown names in one object, at every depth, and the
// schemas URNs: the resource comes back as it went in.
TEST(RecordCodec, NamesThatLookCodedRoundTrip) {
  nlohmann::json r = enterprise_user();
  r["schemas"].push_back(std::string("\x01\x00y", 3));
  r["schemas"].push_back(std::string("\x01", 1));
  r[std::string("\x01\x05", 2)] = {{std::string("\x01", 1), "marker"}, {"value", 1}};
  r[std::string("\x01\x00x", 3)] = "looks escaped";
  r[std::string("\0z", 2)] = "sorts first";
  r["nested"] = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                 {"list", {1, {{"display", "x"}}, {{std::string("\x01\x02", 2), nullptr}}}}};
  EXPECT_EQ(decode_record(encode_record(r)), r);
  EXPECT_EQ(decode_record(encode_record(nlohmann::json("just a string"))), "just a string");
  EXPECT_THROW(encode_record(nlohmann::json::binary({1, 2})), std::invalid_argument);
}

// nlohmann's DOM builder behind the abstract SAX interface visit_record takes.
class DomSax final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit DomSax(nlohmann::json& out) : dom_(out) {}
  bool null() override { return dom_.null(); }
  bool boolean(bool v) override { return dom_.boolean(v); }
  bool number_integer(number_integer_t v) override { return dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) override { return dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) override {
    return dom_.number_float(v, s);
  }
  bool string(string_t& v) override { return dom_.string(v); }
  bool binary(binary_t& v) override { return dom_.binary(v); }
  bool start_object(std::size_t n) override { return dom_.start_object(n); }
  bool key(string_t& k) override { return dom_.key(k); }
  bool end_object() override { return dom_.end_object(); }
  bool start_array(std::size_t n) override { return dom_.start_array(n); }
  bool end_array() override { return dom_.end_array(); }
  bool parse_error(std::size_t at, const std::string& token,
                   const nlohmann::detail::exception& e) override {
    return dom_.parse_error(at, token, e);
  }

 private:
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom_;
};

// visit_record gives the events of the decoded resource: a DOM built from them is decode_record's
// answer, with the schemas URNs expanded at the top only (as CodesTheSchemasUrnsOnlyAtTheTop).
TEST(RecordCodec, VisitingGivesTheDecodedResourcesEvents) {
  const std::string core = "urn:ietf:params:scim:schemas:core:2.0:User";
  nlohmann::json r = enterprise_user();
  r["schemas"] = {core, "urn:example:custom:1.0:Thing", std::string("\x01\x05", 2), 7};
  r["nested"] = {{"schemas", {core}}, {"list", {1, -2, 2.5, nullptr, true, "x"}}};
  r[std::string("\x01\x00x", 3)] = "looks escaped";
  const auto bytes = encode_record(r);
  nlohmann::json built;
  DomSax dom(built);
  ASSERT_TRUE(visit_record(bytes, dom));
  EXPECT_EQ(built, r);
  EXPECT_EQ(built, decode_record(bytes));
}

}  // namespace
}  // namespace scim::store
