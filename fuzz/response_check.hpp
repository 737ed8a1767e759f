// The contract every answer of the reference server keeps, whatever the request: a status in
// 100..599 and never a 500 (a 500 means a handler threw: a bug). Shared by the endpoint and
// HTTP fuzz targets; a broken contract aborts so libFuzzer keeps the input.
#pragma once

#include <cstdlib>
#include <iostream>

#include "scim/server/api/request.hpp"

namespace scim::fuzz {

inline void check_response(const server::Response& r) {
  if (r.status < 100 || r.status > 599 || r.status == 500) {
    std::cerr << "broken answer: status " << r.status << ": " << r.body << "\n";
    std::abort();
  }
}

}  // namespace scim::fuzz
