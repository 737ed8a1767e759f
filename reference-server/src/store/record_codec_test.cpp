// The stored form: a resource comes back exactly as it went in, attribute names are stored
// short, and every string value but the top-level schemas URNs stays verbatim in the bytes (the
// scan pre-check relies on it).
#include "scim/server/store/record_codec.hpp"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace scim::store
