// Tags: free-form labels a check carries, selected on with `--tags` and shown in reports. The
// ones the suites use are named below, so that a misspelt tag fails to compile; Tag{"name"} makes
// a new one deliberately. A Tag only views its name: construct it from a string literal.
#pragma once

#include <string_view>

namespace scim::conf {

class Tag {
 public:
  constexpr explicit Tag(std::string_view name) : name_(name) {}
  constexpr std::string_view name() const { return name_; }
  friend constexpr bool operator==(Tag a, Tag b) { return a.name_ == b.name_; }

 private:
  std::string_view name_;
};

namespace tag {
// Resources.
inline constexpr Tag kUsers{"users"};
inline constexpr Tag kGroups{"groups"};
inline constexpr Tag kMe{"me"};
// Operations (RFC 7644 §3).
inline constexpr Tag kCreate{"create"};
inline constexpr Tag kRead{"read"};
inline constexpr Tag kPut{"put"};
inline constexpr Tag kPatch{"patch"};
inline constexpr Tag kDelete{"delete"};
inline constexpr Tag kBulk{"bulk"};
inline constexpr Tag kQuery{"query"};
inline constexpr Tag kSearch{"search"};
inline constexpr Tag kFilter{"filter"};
inline constexpr Tag kSort{"sort"};
inline constexpr Tag kPaging{"paging"};
inline constexpr Tag kProjection{"projection"};
inline constexpr Tag kEtag{"etag"};
// Schema and resource rules (RFC 7643).
inline constexpr Tag kAttributes{"attributes"};
inline constexpr Tag kResources{"resources"};
inline constexpr Tag kSchema{"schema"};
inline constexpr Tag kMeta{"meta"};
inline constexpr Tag kMutability{"mutability"};
inline constexpr Tag kExtensions{"extensions"};
inline constexpr Tag kPassword{"password"};
// Protocol-wide concerns.
inline constexpr Tag kDiscovery{"discovery"};
inline constexpr Tag kAuth{"auth"};
inline constexpr Tag kErrors{"errors"};
inline constexpr Tag kContentType{"content-type"};
// The sentence binds the client ("clients MUST", "the body of each request MUST contain"); no
// sentence obliges the provider to refuse, so the check grades the refusal as a SHOULD.
inline constexpr Tag kRobustness{"robustness"};
// Security events (draft-ietf-scim-events).
inline constexpr Tag kEvents{"events"};
inline constexpr Tag kAsync{"async"};
// Identity-provider profiles.
inline constexpr Tag kEntra{"entra"};
inline constexpr Tag kOkta{"okta"};
// Published profiles of SCIM (draft-zollner-scim-interop-profile, IPSIE AL1) and what they add.
inline constexpr Tag kInterop{"interop"};
inline constexpr Tag kIpsie{"ipsie-al1"};
inline constexpr Tag kRateLimit{"rate-limit"};
inline constexpr Tag kTls{"tls"};
}  // namespace tag

}  // namespace scim::conf
