// Whether two JSON values are the same tree with the same types: nlohmann's operator== calls the
// unsigned 0, the integer 0 and the float 0.0 equal, and the request-body fast path
// (json_parsers.hpp) must build exactly the value of the reference path (json_text.hpp). For the
// tests and the differential fuzzer that hold the two paths to that.
#pragma once

#include <nlohmann/json.hpp>

namespace scim::server {

inline bool identical_json(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
      if (ia.key() != ib.key() || !identical_json(*ia, *ib)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!identical_json(a[i], b[i])) return false;
    }
    return true;
  }
  // Scalars of one type: == compares the value; dump() tells -0.0 from 0.0 (== does not).
  return a == b && a.dump() == b.dump();
}

}  // namespace scim::server
