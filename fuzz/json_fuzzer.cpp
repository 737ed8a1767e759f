// Fuzz target, differential: the request-body fast path (simdjson, api/json_parsers.hpp) against
// the reference path (nlohmann's SAX lexer under the server's rules, api/json_text.hpp). Any
// input gives the same tree with the same types on both, or the same error (status, scimType,
// detail) on both; anything else aborts. Both the copied (padded buffer) and the in-place
// (spare capacity) reads are checked, at a small depth limit so the limit itself is exercised.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "scim/server/api/json_identical.hpp"
#include "scim/server/api/json_parsers.hpp"
#include "scim/server/api/json_text.hpp"

namespace {

constexpr std::size_t kDepth = 6;

void expect_same(const scim::Result<nlohmann::json>& reference,
                 const scim::Result<nlohmann::json>& fast, const char* how) {
  const bool same = reference.ok() ? fast.ok() && scim::server::identical_json(*reference, *fast)
                                   : !fast.ok() && reference.error() == fast.error();
  if (same) return;
  std::fprintf(stderr, "json fuzzer (%s): reference %s, fast path %s\n", how,
               reference.ok() ? reference->dump().c_str() : reference.error().detail.c_str(),
               fast.ok() ? fast->dump().c_str() : fast.error().detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace scim::server;
  // Function-local, as the fixtures of fuzz_support: one pool across inputs, so state a parse
  // leaves behind (the parser's buffers, the member-name sets) meets the next input.
  static const JsonParsers parsers(1);
  const auto text = scim::fuzz::as_text(data, size);
  const auto reference = parse_json_text(text, kDepth);
  expect_same(reference, parse_json_text(text, kDepth, &parsers, text.size()), "copied");
  std::string spare(text);
  spare.reserve(text.size() + 64);  // SIMDJSON_PADDING spare bytes: parsed where it lies
  expect_same(reference, parse_json_text(spare, kDepth, &parsers, spare.capacity()), "in place");
  return 0;
}
