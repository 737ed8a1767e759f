// Weak entity tags and precondition matching (RFC 7644 §3.14, RFC 7232 §2.3, §3.1, §3.2).
#include "scim/server/endpoints/etag.hpp"

namespace scim::server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The opaque part of one entity tag: W/"abc" and "abc" both give abc.
std::string_view opaque(std::string_view tag) {
  tag = trim(tag);
  if (tag.size() >= 2 && (tag[0] == 'W' || tag[0] == 'w') && tag[1] == '/') tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
  }
  return tag;
}

}  // namespace

bool etag_list_matches(std::string_view header, std::uint64_t version) {
  if (trim(header) == "*") return true;
  const std::string wanted = std::to_string(version);
  while (!header.empty()) {
    // Entity tags cannot contain commas (RFC 7232 §2.3 etagc), so a comma always separates.
    const auto comma = header.find(',');
    if (opaque(header.substr(0, comma)) == wanted) return true;
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
  }
  return false;
}

}  // namespace scim::server
