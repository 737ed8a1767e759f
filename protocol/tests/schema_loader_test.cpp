// Custom schema and resource-type files (RFC 7643 §6, §7): valid files load; malformed ones are
// rejected with a message naming the file, the attribute and the problem.
#include "scim/protocol/schema_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace scim {
namespace {

using nlohmann::json;
const std::filesystem::path kData = SCIM_PROTOCOL_TEST_DATA;

json base_schema(json attribute) {
  return {{"id", "urn:example:scim:schemas:Device"},
          {"name", "Device"},
          {"attributes", json::array({std::move(attribute)})}};
}

std::string error_for(json attribute) {
  auto r = parse_schema(base_schema(std::move(attribute)), "device.json");
  return r ? std::string("(accepted)") : r.error();
}

TEST(SchemaLoaderTest, LoadsCustomSchemaFile) {
  auto r = load_schema_file(kData / "hr-schema.json");
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->size(), 1u);
  const Schema& s = r->front();
  EXPECT_EQ(s.find("age")->type, AttributeType::Integer);
  const Attribute* kind = s.find("badges")->find_sub("kind");
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->canonical_values.size(), 2u);
  EXPECT_EQ(kind->mutability, Mutability::ReadWrite);  // RFC 7643 §2.2 default
}

TEST(SchemaLoaderTest, LoadsResourceTypeFile) {
  auto r = load_resource_type_file(kData / "device-type.json");
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->front().endpoint, "/Devices");
  EXPECT_EQ(r->front().schema, "urn:example:scim:schemas:Device");
}

TEST(SchemaLoaderTest, RejectsUnknownTypeNamingFileAndAttribute) {
  auto e = error_for({{"name", "serial"}, {"type", "strnig"}});
  EXPECT_NE(e.find("device.json"), std::string::npos) << e;
  EXPECT_NE(e.find("'serial'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown type \"strnig\""), std::string::npos) << e;
}

TEST(SchemaLoaderTest, RejectsMalformedCharacteristics) {
  EXPECT_NE(error_for({{"name", "a"}, {"required", "yes"}}).find("\"required\" must be a boolean"),
            std::string::npos);
  EXPECT_NE(error_for({{"name", "a"}, {"mutability", "readwrite"}}).find("unknown mutability"),
            std::string::npos);
  EXPECT_NE(error_for({{"name", "a"}, {"mutabilty", "readOnly"}}).find("unknown characteristic"),
            std::string::npos);
  EXPECT_NE(error_for({{"name", "1a"}}).find("invalid attribute name"), std::string::npos);
  EXPECT_NE(error_for({{"type", "string"}}).find("\"name\" is required"), std::string::npos);
  EXPECT_NE(error_for({{"name", "c"}, {"type", "complex"}}).find("subAttributes"),
            std::string::npos);
  EXPECT_NE(
      error_for({{"name", "s"}, {"subAttributes", json::array()}}).find("only allowed on complex"),
      std::string::npos);
  EXPECT_NE(error_for({{"name", "r"}, {"referenceTypes", {"User"}}}).find("referenceTypes"),
            std::string::npos);
}

TEST(SchemaLoaderTest, RejectsNestedComplexPerSection2_3_8) {
  json nested{{"name", "outer"},
              {"type", "complex"},
              {"subAttributes",
               {{{"name", "inner"}, {"type", "complex"}, {"subAttributes", {{{"name", "x"}}}}}}}};
  auto e = error_for(nested);
  EXPECT_NE(e.find("'outer.inner'"), std::string::npos) << e;
  EXPECT_NE(e.find("2.3.8"), std::string::npos) << e;
}

TEST(SchemaLoaderTest, RejectsDuplicateNamesCaseInsensitively) {
  json schema = base_schema({{"name", "serial"}});
  schema["attributes"].push_back({{"name", "SERIAL"}});
  auto r = parse_schema(schema, "device.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("defined twice"), std::string::npos);
}

TEST(SchemaLoaderTest, RejectsNonUrnIdAndBadFiles) {
  auto r = parse_schema({{"id", "Device"}, {"attributes", json::array()}}, "x.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("must be a URN"), std::string::npos);
  auto missing = load_schema_file(kData / "does-not-exist.json");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("cannot open"), std::string::npos);
  auto tmp = std::filesystem::temp_directory_path() / "scim-bad-schema.json";
  std::ofstream(tmp) << "{ not json";
  auto invalid = load_schema_file(tmp);
  ASSERT_FALSE(invalid);
  EXPECT_NE(invalid.error().find("invalid JSON"), std::string::npos);
  std::filesystem::remove(tmp);
}

TEST(SchemaLoaderTest, ResourceTypeRequiresEndpointAndSchema) {
  auto r = parse_resource_type({{"name", "Device"}, {"schema", "urn:x"}}, "rt.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("\"endpoint\" is required"), std::string::npos);
  EXPECT_NE(r.error().find("rt.json"), std::string::npos);
}

}  // namespace
}  // namespace scim
