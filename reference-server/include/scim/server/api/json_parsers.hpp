// JsonParsers: the reusable simdjson parsers of the request-body fast path (json_text.hpp). A
// simdjson parser allocates buffers sized to the largest document it has seen, so parsers are
// kept and reused, not made per request; they are owned here, by whoever composes the server
// (the Service), never held in static or thread_local state. simdjson stays out of this header.
//
// The pool is bounded: at most `max_idle` parsers wait for reuse, and a parser grown past
// kMaxKeptBytes (a body that large is rare) is dropped after its parse rather than kept.
// Thread-safe: each parse takes a parser out of the pool (or makes one) and puts it back.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace scim::server {

class JsonParsers {
 public:
  static constexpr std::size_t kMaxKeptBytes = std::size_t{4} << 20;

  explicit JsonParsers(std::size_t max_idle = 8);
  ~JsonParsers();
  JsonParsers(const JsonParsers&) = delete;
  JsonParsers& operator=(const JsonParsers&) = delete;

  // The value of `text` under the rules of json_text.hpp, or nullopt when the fast path cannot
  // vouch for the answer (any error, any broken rule, any literal whose nlohmann reading it does
  // not reproduce): the caller then parses with the reference path, which gives the answer.
  // `readable` is how many bytes from text.data() may be read (>= text.size()); with enough
  // spare bytes past the text the parse needs no padded copy.
  std::optional<nlohmann::json> try_parse(std::string_view text, std::size_t readable,
                                          std::size_t max_depth) const;

 private:
  struct Pool;
  std::unique_ptr<Pool> pool_;
};

}  // namespace scim::server
