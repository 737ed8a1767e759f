// How validation reads an input it either keeps or is given (validate.cpp, value_shape.cpp): the
// normalising functions are templates over `Json`, `const nlohmann::json` for an input the caller
// keeps (each simple value is copied into the result) or `nlohmann::json` for one the caller gives
// up, such as a parsed request body (each is moved: a string keeps its buffer).
#pragma once

#include <nlohmann/json.hpp>
#include <type_traits>
#include <utility>

namespace scim::engine {

// `value` as the next function takes it: a const reference (copied there) or an rvalue (moved).
template <class Json>
decltype(auto) handed(Json& value) {
  if constexpr (std::is_const_v<Json>) {
    return static_cast<const nlohmann::json&>(value);
  } else {
    return std::move(value);
  }
}

// The members of an object `Json`, const when the input is kept.
template <class Json>
using MembersOf = std::conditional_t<std::is_const_v<Json>, const nlohmann::json::object_t,
                                     nlohmann::json::object_t>;

}  // namespace scim::engine
