// RFC 7644 §3.12 error model: Table 9 spellings and statuses, the error body with status as string.
#include "scim/protocol/error.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/urns.hpp"

namespace scim {
namespace {

TEST(ScimTypeTest, EveryTable9TypeRoundTrips) {
  const ScimType all[] = {ScimType::InvalidFilter, ScimType::TooMany,       ScimType::Uniqueness,
                          ScimType::Mutability,    ScimType::InvalidSyntax, ScimType::InvalidPath,
                          ScimType::NoTarget,      ScimType::InvalidValue,  ScimType::InvalidVers,
                          ScimType::Sensitive};
  for (ScimType t : all) {
    auto wire = to_string(t);
    ASSERT_FALSE(wire.empty());
    EXPECT_EQ(parse_scim_type(wire), t) << wire;
  }
  EXPECT_EQ(to_string(ScimType::None), "");
  EXPECT_EQ(parse_scim_type("InvalidFilter"), std::nullopt);  // wire spelling is case-sensitive
}

// RFC 9865 §2.1 "Pagination Errors": three more detail types, each for a 400 (Bad Request).
TEST(ScimTypeTest, Rfc9865_2_1_PaginationErrorsAre400) {
  EXPECT_EQ(to_string(ScimType::InvalidCursor), "invalidCursor");
  EXPECT_EQ(to_string(ScimType::ExpiredCursor), "expiredCursor");
  EXPECT_EQ(to_string(ScimType::InvalidCount), "invalidCount");
  EXPECT_EQ(parse_scim_type("expiredCursor"), ScimType::ExpiredCursor);
  EXPECT_EQ(invalid_cursor("x").status, 400);
  EXPECT_EQ(expired_cursor("x").scim_type, ScimType::ExpiredCursor);
  EXPECT_EQ(invalid_count("x").to_json()["scimType"], "invalidCount");
}

TEST(ScimTypeTest, Table9Statuses) {
  EXPECT_EQ(default_status(ScimType::InvalidFilter), 400);
  EXPECT_EQ(default_status(ScimType::TooMany), 400);
  EXPECT_EQ(default_status(ScimType::Uniqueness), 409);  // §3.3 wins over Table 9 (README)
  EXPECT_EQ(default_status(ScimType::Sensitive), 403);
  EXPECT_EQ(default_status(ScimType::InvalidVers), 400);
}

// RFC 7644 §3.12: "status" is a string; example body for a 400 invalidFilter.
TEST(ScimErrorTest, Section3_12_BodyHasStatusAsString) {
  auto body = invalid_filter("Request is unparsable").to_json();
  EXPECT_EQ(body["schemas"], nlohmann::json::array({std::string(urn::kError)}));
  EXPECT_EQ(body["status"], "400");
  EXPECT_EQ(body["scimType"], "invalidFilter");
  EXPECT_EQ(body["detail"], "Request is unparsable");
}

TEST(ScimErrorTest, NotFoundHasNoScimType) {
  auto body = not_found("Resource 2819c223 not found").to_json();
  EXPECT_EQ(body["status"], "404");
  EXPECT_FALSE(body.contains("scimType"));
}

TEST(ScimErrorTest, FromJsonAcceptsStringAndNumberStatus) {
  auto a = ScimError::from_json({{"status", "409"}, {"scimType", "uniqueness"}, {"detail", "x"}});
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, uniqueness("x"));
  auto b = ScimError::from_json({{"status", 412}});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 412);
  EXPECT_FALSE(ScimError::from_json({{"status", "four"}}));
  EXPECT_FALSE(ScimError::from_json(nlohmann::json::array()));
}

TEST(ResultTest, CarriesValueOrError) {
  Result<int> good = 5;
  Result<int> bad = invalid_value("nope");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 5);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
}

}  // namespace
}  // namespace scim
