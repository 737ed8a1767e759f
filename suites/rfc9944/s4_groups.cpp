// RFC 9944 §4 Groups: a device is a member of a SCIM Group, and the member's "type", when set, is
// "Device".
#include "device_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9944 {
namespace s4_groups_local {

constexpr const char* kMemberType =
    "If set, the \"type\" subattribute of the \"members\" attribute MUST be set to \"Device\" for "
    "devices and \"EndpointApp\" for endpoint applications.";

void device_member_type(conf::Context& ctx) {
  const json device = created_device(ctx, device_body(ctx), "POST of a device");
  const std::string id = id_string(device);
  const json group = ctx.create_group({{"members", {{{"value", id}, {"type", "Device"}}}}});
  const json read = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET of the group");
  const json* members = member(read, "members");
  const json* found = nullptr;
  if (members != nullptr && members->is_array())
    for (const auto& m : *members)
      if (m.is_object() && m.value("value", "") == id) found = &m;
  if (found == nullptr) ctx.fail("the device is not a member", id, brief(read));
  const json* type = member(*found, "type");
  ctx.expect(type == nullptr || *type == "Device", "the member's type, when set, is \"Device\"",
             "\"Device\" or absent", brief(*found));
}

}  // namespace s4_groups_local

void register_s4(conf::Catalog& catalog) {
  using namespace s4_groups_local;
  SectionBuilder s(catalog, rfc9944_spec(catalog), "4", "Groups");
  s.add({.slug = "device-member-type",
         .title = "a device in a Group is a member of type Device",
         .level = kMust,
         .requirement = kMemberType,
         .tags = {conf::Tag{"devices"}, tag::kGroups},
         .needs = {cap::kDevices, cap::kGroups},
         .run = device_member_type});
}

}  // namespace scim::suites::rfc9944
