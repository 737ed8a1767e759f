// Non-negative integers in admin API documents. A parser stores 7 as unsigned, but a document
// built in C++ (tests, in-process callers of the ControlPlane) stores it as signed: both are
// the same JSON number and are accepted alike.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

namespace scim::admin {

// The value when `v` is an integer >= 0; nullopt for anything else (negative, fractional, text).
inline std::optional<std::uint64_t> non_negative_integer(const nlohmann::json& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) {
    return static_cast<std::uint64_t>(v.get<std::int64_t>());
  }
  return std::nullopt;
}

}  // namespace scim::admin
