// The targets file of `run --targets FILE` (docs/ci.md), JSON or YAML (.yaml/.yml):
//   {"targets": [{"name": "acme", "baseUrl": "https://acme.example/scim/v2",
//                 "tokenEnv": "ACME_SCIM_TOKEN", "profile": "entra",
//                 "expect": "expect/acme.json"}]}
// "name" and "baseUrl" are required; the token is never in the file, only the name of the
// environment variable holding it. A relative "expect" path is relative to the targets file.
// Names become directory names, so they are 1-64 characters of [A-Za-z0-9._-], unique, and not
// "." or "..". Unknown members are errors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/result.hpp"

namespace scim::conf::cli {

inline constexpr std::size_t kMaxTargets = 1000;
inline constexpr std::size_t kMaxTargetsFileBytes = 1024 * 1024;

struct TargetSpec {
  std::string name;
  std::string base_url;
  std::string token_env;  // empty: the run's own credentials (flags, SCIM_TOKEN)
  std::string profile;    // empty: the run's --profile
  std::string expect;     // empty: the run's --expect
};

// `file` is the targets file's path, for resolving relative "expect" paths.
Result<std::vector<TargetSpec>, std::string> parse_targets(std::string_view text,
                                                           const std::string& file);

}  // namespace scim::conf::cli
