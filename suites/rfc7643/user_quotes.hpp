// RFC 7643 §4.1.1 and §4.1.2 sentences quoted by checks in more than one file: the User checks of
// s4_user_group.cpp (behaviour) and the schema-characteristic checks of s4_1_user_schema.cpp.
#pragma once

namespace scim::suites::rfc7643 {

// RFC 7643 §4.1.1, "userName".
inline constexpr const char* kUserNameRule =
    "Each User MUST include a non-empty userName value.  This identifier MUST be unique across the "
    "service provider's entire set of Users.  This attribute is REQUIRED and is case insensitive.";
// RFC 7643 §4.1.2, "groups".
inline constexpr const char* kGroupsReadOnlyRule =
    "Since this attribute has a mutability of \"readOnly\", group membership changes MUST be "
    "applied via the \"Group\" Resource (Section 4.2).";

}  // namespace scim::suites::rfc7643
