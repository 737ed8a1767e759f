// Reading a request body as JSON under the server's rules, before any handler sees a value:
//   - the text is UTF-8 (RFC 8259 §8.1: "JSON text exchanged between systems that are not part
//     of a closed ecosystem MUST be encoded using UTF-8"), else 400 invalidSyntax;
//   - no object names a member twice, compared without ASCII case, else 400 invalidSyntax.
//     RFC 8259 §4 says names SHOULD be unique and leaves duplicates' meaning to the parser;
//     RFC 7643 §2.1 makes attribute names case-insensitive, so {"userName":..,"USERNAME":..}
//     is as ambiguous as an exact repeat. Refusing is the only rule that cannot silently pick
//     the value the client did not mean;
//   - arrays and objects nest at most `max_depth` levels, else 400 invalidSyntax. The check
//     stops at the first level too deep, so 10,000-deep input costs no more than the limit.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"

namespace scim::server {

class JsonParsers;  // api/json_parsers.hpp

//
// With `parsers`, the text is read by their fast path first (json_parsers.hpp), which answers
// only with the value this function would give without them; `readable` is how many bytes from
// text.data() may be read (a std::string's capacity(): spare bytes spare the fast path a copy).
Result<nlohmann::json> parse_json_text(std::string_view text, std::size_t max_depth,
                                       const JsonParsers* parsers = nullptr,
                                       std::size_t readable = 0);

// The nesting rule above for a value parsed already: the error parse_json_text gives its text
// when arrays and objects nest deeper than `max_depth` levels, else nullopt.
std::optional<ScimError> check_nesting(const nlohmann::json& value, std::size_t max_depth);

}  // namespace scim::server
