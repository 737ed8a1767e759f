// list_page(): the paging members of a ListResponse, found after a long "Resources" too; nothing
// for other bodies, nested look-alikes or text that is not JSON.
#include <gtest/gtest.h>

#include "scim/server/admin/journal.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;

TEST(ListPage, FindsThePagingMembersAfterTheResources) {
  json resources = json::array();
  for (int i = 0; i < 500; ++i)
    resources.push_back({{"id", std::to_string(i)}, {"totalResults", 7}});
  const json body = {
      {"Resources", resources}, {"itemsPerPage", 500},
      {"nextCursor", "abc"},    {"schemas", {"urn:ietf:params:scim:api:messages:2.0:ListResponse"}},
      {"startIndex", 1},        {"totalResults", 1200}};
  EXPECT_EQ(list_page(body.dump()), json({{"totalResults", 1200},
                                          {"startIndex", 1},
                                          {"itemsPerPage", 500},
                                          {"nextCursor", "abc"}}));
}

TEST(ListPage, OtherBodiesHaveNoPage) {
  EXPECT_TRUE(list_page(R"({"id": "1", "meta": {"totalResults": 3}})").is_null());
  EXPECT_TRUE(list_page(R"({"totalResults": 3, "Resources": [)").is_null()) << "cut short";
  EXPECT_TRUE(list_page("[1, 2]").is_null());
  EXPECT_TRUE(list_page("").is_null());
}

}  // namespace
}  // namespace scim::admin
