// Walks a stored record's CBOR with libcbor's streaming decoder (see record_reader.hpp).
// cbor_stream_decode decodes one item head per call (a definite string with its bytes) and calls
// back with it; the walk keeps the open containers, each with the number of items it still
// holds, to know which item is a map key and when a container ends (RFC 8949 §3.2: definite
// lengths). libcbor's callbacks return nothing, so a failure is noted and ends the walk after the
// call.
#include "scim/server/store/record_reader.hpp"

#include <cbor/callbacks.h>
#include <cbor/streaming.h>

#include <limits>
#include <vector>

#include "scim/server/store/record_codec.hpp"

namespace scim::store {
namespace {

// An open map or array of the record.
struct OpenContainer {
  std::uint64_t left = 0;  // items still to come; a map's keys and values count apart
  bool map = false;
  bool schemas = false;  // the top-level "schemas" array: its strings are coded URNs
};

class CborWalk {
 public:
  explicit CborWalk(RecordVisitor& visitor) : visitor_(visitor) { open_.reserve(16); }

  bool failed() const { return failed_; }
  bool done() const { return done_; }
  // The bytes from the head being decoded to the end: no container can hold more items.
  void set_bytes_left(std::size_t n) { bytes_left_ = n; }

  void fail() { failed_ = true; }

  void unsigned_value(std::uint64_t v) {
    if (start_value()) finish(visitor_.number_unsigned(v));
  }
  // RFC 8949 §3.1 major type 1: the value is -1 - n. encode_record writes int64 values only.
  void negative_value(std::uint64_t n) {
    if (n > std::uint64_t(std::numeric_limits<std::int64_t>::max())) return fail();
    if (start_value()) finish(visitor_.number_integer(-1 - std::int64_t(n)));
  }
  void float_value(double v) {
    if (start_value()) finish(visitor_.number_float(v));
  }
  void bool_value(bool v) {
    if (start_value()) finish(visitor_.boolean(v));
  }
  void null_value() {
    if (start_value()) finish(visitor_.null());
  }

  void text(const unsigned char* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    if (at_key()) {
      const std::string_view name = expanded_name(s);
      if (!visitor_.key(name, name_code(s))) return fail();
      --open_.back().left;  // the value follows
      schemas_next_ = open_.size() == 1 && name == "schemas";
      return;
    }
    const bool in_schemas = !open_.empty() && open_.back().schemas;
    if (!start_value()) return;
    finish(visitor_.string(in_schemas ? expanded_name(s) : s));
  }

  void container(std::uint64_t n, bool map) {
    const bool schemas = schemas_next_ && !map;
    if (!start_value()) return;
    // Each item takes at least a byte, so a longer container is corrupt (this also bounds the
    // stack of open containers by the size of the record).
    if (n > bytes_left_ / (map ? 2 : 1)) return fail();
    if (!(map ? visitor_.start_object(n) : visitor_.start_array(n))) return fail();
    if (n == 0) return finish(map ? visitor_.end_object() : visitor_.end_array());
    open_.push_back({map ? 2 * n : n, map, schemas});
  }

 private:
  // Whether the next item is a map key (which must be text).
  bool at_key() const { return !open_.empty() && open_.back().map && open_.back().left % 2 == 0; }

  // Before a value: false (and failed) when a key was expected instead.
  bool start_value() {
    schemas_next_ = false;
    if (failed_ || done_ || at_key()) {
      fail();
      return false;
    }
    return true;
  }

  // After a whole value: closes every container it completes.
  void finish(bool visited) {
    if (!visited) return fail();
    while (!open_.empty()) {
      if (--open_.back().left > 0) return;
      const bool map = open_.back().map;
      open_.pop_back();
      if (!(map ? visitor_.end_object() : visitor_.end_array())) return fail();
    }
    done_ = true;
  }

  RecordVisitor& visitor_;
  std::vector<OpenContainer> open_;
  std::size_t bytes_left_ = 0;
  bool schemas_next_ = false;  // the last key read was the resource's own "schemas"
  bool failed_ = false;
  bool done_ = false;
};

CborWalk& walk_of(void* context) {
  return *static_cast<CborWalk*>(context);
}

void reject(void* context) {
  walk_of(context).fail();
}

// What encode_record never writes is rejected: byte strings, indefinite lengths, tags, undefined.
constexpr cbor_callbacks kWalkCallbacks = {
    .uint8 = [](void* c, std::uint8_t v) { walk_of(c).unsigned_value(v); },
    .uint16 = [](void* c, std::uint16_t v) { walk_of(c).unsigned_value(v); },
    .uint32 = [](void* c, std::uint32_t v) { walk_of(c).unsigned_value(v); },
    .uint64 = [](void* c, std::uint64_t v) { walk_of(c).unsigned_value(v); },
    .negint64 = [](void* c, std::uint64_t v) { walk_of(c).negative_value(v); },
    .negint32 = [](void* c, std::uint32_t v) { walk_of(c).negative_value(v); },
    .negint16 = [](void* c, std::uint16_t v) { walk_of(c).negative_value(v); },
    .negint8 = [](void* c, std::uint8_t v) { walk_of(c).negative_value(v); },
    .byte_string_start = reject,
    .byte_string = [](void* c, cbor_data, std::size_t) { walk_of(c).fail(); },
    .string = [](void* c, cbor_data data, std::size_t n) { walk_of(c).text(data, n); },
    .string_start = reject,
    .indef_array_start = reject,
    .array_start = [](void* c, std::size_t n) { walk_of(c).container(n, false); },
    .indef_map_start = reject,
    .map_start = [](void* c, std::size_t n) { walk_of(c).container(n, true); },
    .tag = [](void* c, std::uint64_t) { walk_of(c).fail(); },
    .float2 = [](void* c, float v) { walk_of(c).float_value(v); },
    .float4 = [](void* c, float v) { walk_of(c).float_value(v); },
    .float8 = [](void* c, double v) { walk_of(c).float_value(v); },
    .undefined = reject,
    .null = [](void* c) { walk_of(c).null_value(); },
    .boolean = [](void* c, bool v) { walk_of(c).bool_value(v); },
    .indef_break = reject,
};

}  // namespace

bool walk_record(std::span<const std::uint8_t> bytes, RecordVisitor& visitor) {
  CborWalk walk(visitor);
  std::size_t at = 0;
  while (!walk.done()) {
    if (at == bytes.size()) return false;  // truncated
    walk.set_bytes_left(bytes.size() - at);
    const cbor_decoder_result r =
        cbor_stream_decode(bytes.data() + at, bytes.size() - at, &kWalkCallbacks, &walk);
    if (r.status != CBOR_DECODER_FINISHED || walk.failed()) return false;
    at += r.read;
  }
  return at == bytes.size();  // one item, nothing after it
}

}  // namespace scim::store
