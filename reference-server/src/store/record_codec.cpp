// CBOR encoding of stored resources with short attribute names (see record_codec.hpp for why).
#include "scim/server/store/record_codec.hpp"

#include <cbor.h>

#include <algorithm>
#include <array>
#include <boost/container/small_vector.hpp>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string_view>

#include "scim/server/store/record_reader.hpp"

namespace scim::store {
namespace {

// The attribute names of RFC 7643's User, Group and Enterprise User schemas and the common
// attributes (§3.1, §4.1, §4.2, §4.3); a stored key that is one of them is written as
// "\x01" + (index + 1), three CBOR bytes instead of one plus its length. The list only grows at
// its end: records are never kept across processes, but tests pin codes through decoding.
constexpr std::string_view kKeyNames[] = {
    "schemas",
    "id",
    "externalId",
    "meta",
    "resourceType",
    "created",
    "lastModified",
    "location",
    "version",
    "userName",
    "name",
    "formatted",
    "familyName",
    "givenName",
    "middleName",
    "honorificPrefix",
    "honorificSuffix",
    "displayName",
    "nickName",
    "profileUrl",
    "title",
    "userType",
    "preferredLanguage",
    "locale",
    "timezone",
    "active",
    "password",
    "emails",
    "value",
    "display",
    "type",
    "primary",
    "phoneNumbers",
    "ims",
    "photos",
    "addresses",
    "streetAddress",
    "locality",
    "region",
    "postalCode",
    "country",
    "groups",
    "entitlements",
    "roles",
    "x509Certificates",
    "$ref",
    "members",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "employeeNumber",
    "costCenter",
    "organization",
    "division",
    "department",
    "manager",
    "urn:ietf:params:scim:schemas:core:2.0:User",
    "urn:ietf:params:scim:schemas:core:2.0:Group",
    "description",
    "owner",
    "subject",
    "expires"};
static_assert(std::size(kKeyNames) < 255, "a code is one byte, 0 is reserved");
constexpr char kCoded = '\x01';   // first byte of a coded key
constexpr char kVerbatim = '\0';  // after kCoded: the rest is a key that itself began with kCoded
constexpr std::size_t kCodes = std::size(kKeyNames);

// The stored form of every code, kCoded then the code, one after the other: a coded name's
// stored bytes are a view of two of them.
constexpr std::array<char, 2 * kCodes> kCodedForms = [] {
  std::array<char, 2 * kCodes> forms{};
  for (std::size_t i = 0; i < kCodes; ++i) {
    forms[2 * i] = kCoded;
    forms[2 * i + 1] = static_cast<char>(i + 1);
  }
  return forms;
}();

// The code of a member name, found in an open-addressed table of the names' codes built at
// compile time (a few byte loads and one comparison of the name, where a std::hash of the
// whole name and a bucket's division were paid before).
constexpr std::size_t kCodeSlots = 256;  // a power of two, over four times the names
constexpr std::size_t name_slot(std::string_view name) {
  const auto byte = [&](std::size_t i) {
    return static_cast<std::size_t>(static_cast<unsigned char>(name[i]));
  };
  return (name.size() * 31 + byte(0) * 7 + byte(name.size() / 2) * 131 + byte(name.size() - 1)) &
         (kCodeSlots - 1);
}
constexpr std::array<std::uint8_t, kCodeSlots> kCodeTable = [] {
  std::array<std::uint8_t, kCodeSlots> slots{};
  for (std::size_t i = 0; i < kCodes; ++i) {
    std::size_t slot = name_slot(kKeyNames[i]);
    while (slots[slot] != 0) slot = (slot + 1) & (kCodeSlots - 1);
    slots[slot] = static_cast<std::uint8_t>(i + 1);
  }
  return slots;
}();
std::uint8_t code_of(std::string_view name) {
  if (name.empty()) return 0;
  for (std::size_t slot = name_slot(name);; slot = (slot + 1) & (kCodeSlots - 1)) {
    const std::uint8_t code = kCodeTable[slot];
    if (code == 0) return 0;
    if (kKeyNames[code - 1] == name) return code;
  }
}

// The stored form of a member name (or top-level schemas URN): a known name becomes its code, a
// name that itself begins with kCoded is escaped (kCoded, kVerbatim, then the name), any other
// stays as it is. `bytes` is the stored form itself, except for an escaped name, where it is the
// name after the two escape bytes; expanded_name reads it back. `key` is the stored form's first
// eight bytes, big-endian and padded with zeros, so that two names whose keys differ compare as
// their keys do (a padding zero is never above a byte, and lies where the shorter name ended).
struct StoredName {
  std::uint64_t key = 0;
  std::string_view bytes;
  std::uint8_t code = 0;
  bool escaped = false;

  explicit StoredName(std::string_view full) {
    if ((code = code_of(full)) != 0) {
      bytes = std::string_view(&kCodedForms[2 * (code - 1)], 2);
      key = (std::uint64_t{0x01} << 56) | (std::uint64_t{code} << 48);
      return;
    }
    bytes = full;
    escaped = !full.empty() && full.front() == kCoded;
    std::size_t at = 0;
    if (escaped) {
      key = std::uint64_t{0x01} << 56;  // kCoded, then kVerbatim (0)
      at = 2;
    }
    for (std::size_t i = 0; at < 8 && i < full.size(); ++i, ++at) {
      key |= std::uint64_t{static_cast<unsigned char>(full[i])} << (56 - 8 * at);
    }
  }
  std::size_t size() const { return (escaped ? 2 : 0) + bytes.size(); }
  unsigned char at(std::size_t i) const {
    if (!escaped) return static_cast<unsigned char>(bytes[i]);
    return i == 0 ? kCoded : i == 1 ? kVerbatim : static_cast<unsigned char>(bytes[i - 2]);
  }
  // The order of std::map<std::string> of the stored forms (bytes compared unsigned, a prefix
  // first): the keys decide unless they are equal, then the bytes (one comparison of the two
  // views when neither is escaped, which is std::string's own).
  bool operator<(const StoredName& other) const {
    if (key != other.key) return key < other.key;
    if (!escaped && !other.escaped) return bytes < other.bytes;
    const std::size_t n = std::min(size(), other.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (at(i) != other.at(i)) return at(i) < other.at(i);
    }
    return size() < other.size();
  }
};

// Writes the stored bytes of a resource: what nlohmann's to_cbor writes for a copy of it whose
// member names (and top-level "schemas" URNs) are the stored ones, each object's members in the
// order of their stored names, as that copy's std::map would hold them. The item heads come from
// libcbor (RFC 8949 §3: the shortest form of every length and integer); floats as to_cbor writes
// them (single precision when exact, RFC 8949 §4.2.2 preferred serialisation; NaN and the
// infinities as half precision). The bytes go straight into `out`, which is sized up front and
// cut to what was written at the end; the members being ordered sit in a stack that lives in
// the writer for the usual resource (a directory user's objects hold at most about 20 members).
class RecordWriter {
 public:
  // Room for 2 KiB to start with (a directory user is about 700 bytes stored); only the bytes
  // past what the buffer held before are zeroed, whatever its capacity.
  explicit RecordWriter(std::vector<std::uint8_t>& out) : out_(out) {
    out_.resize(std::max<std::size_t>(out_.size(), 2048));
  }
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;
  ~RecordWriter() { out_.resize(used_); }  // also after a throw: out holds what was written

  void value(const nlohmann::json& v, bool top, bool coded_strings = false) {
    switch (v.type()) {
      case nlohmann::json::value_t::null:
        return put(cbor_encode_null);
      case nlohmann::json::value_t::boolean:
        return put(cbor_encode_bool, v.get<bool>());
      case nlohmann::json::value_t::number_integer: {
        const auto n = v.get<std::int64_t>();
        if (n >= 0) return put(cbor_encode_uint, static_cast<std::uint64_t>(n));
        // RFC 8949 §3.1 major type 1: the argument is -1 - n.
        return put(cbor_encode_negint, static_cast<std::uint64_t>(-(n + 1)));
      }
      case nlohmann::json::value_t::number_unsigned:
        return put(cbor_encode_uint, v.get<std::uint64_t>());
      case nlohmann::json::value_t::number_float:
        return number_float(v.get<double>());
      case nlohmann::json::value_t::string: {
        const auto& text = v.get_ref<const std::string&>();
        return coded_strings ? name(StoredName(text)) : string(text);
      }
      case nlohmann::json::value_t::array:
        put(cbor_encode_array_start, v.size());
        // Only the URNs directly in the top-level "schemas" are coded, not strings deeper down.
        for (const auto& item : v) value(item, false, coded_strings && item.is_string());
        return;
      case nlohmann::json::value_t::object:
        return object(v, top);
      default:  // binary and discarded: no request body or stored resource holds them
        throw std::invalid_argument("a stored resource holds only JSON values");
    }
  }

 private:
  struct Member {
    StoredName stored;
    const nlohmann::json* value;
  };
  static constexpr std::uint8_t kSchemasCode = 1;  // kKeyNames[0]
  static constexpr std::size_t kHead = 9;          // the longest CBOR item head

  // Room for n more bytes at the end of what was written.
  std::uint8_t* room(std::size_t n) {
    if (out_.size() - used_ < n) out_.resize(std::max(2 * out_.size(), used_ + n));
    std::uint8_t* at = out_.data() + used_;
    used_ += n;
    return at;
  }
  template <class Encode, class... Args>
  void put(Encode encode, Args... args) {
    std::uint8_t* at = room(kHead);
    used_ -= kHead - encode(args..., at, kHead);
  }
  void string(std::string_view text) {
    put(cbor_encode_string_start, text.size());
    if (!text.empty()) std::memcpy(room(text.size()), text.data(), text.size());
  }
  void name(const StoredName& stored) {
    put(cbor_encode_string_start, stored.size());
    std::uint8_t* at = room(stored.size());
    if (stored.escaped) {
      *at++ = static_cast<std::uint8_t>(kCoded);
      *at++ = static_cast<std::uint8_t>(kVerbatim);
    }
    if (!stored.bytes.empty()) std::memcpy(at, stored.bytes.data(), stored.bytes.size());
  }
  void number_float(double v) {
    if (std::isnan(v) || std::isinf(v)) return put(cbor_encode_half, static_cast<float>(v));
    const bool single = v >= static_cast<double>(std::numeric_limits<float>::lowest()) &&
                        v <= static_cast<double>(std::numeric_limits<float>::max()) &&
                        static_cast<double>(static_cast<float>(v)) == v;
    if (single) return put(cbor_encode_single, static_cast<float>(v));
    put(cbor_encode_double, v);
  }
  void object(const nlohmann::json& v, bool top) {
    const auto& members = v.get_ref<const nlohmann::json::object_t&>();
    put(cbor_encode_map_start, members.size());
    // members_ is a stack: this object's members sit at its end while they are written.
    const std::size_t base = members_.size();
    for (const auto& [key, member] : members) members_.push_back(Member{StoredName(key), &member});
    const auto first = members_.begin() + static_cast<std::ptrdiff_t>(base);
    std::sort(first, members_.end(),
              [](const Member& a, const Member& b) { return a.stored < b.stored; });
    for (std::size_t i = base; i < base + members.size(); ++i) {
      const Member m = members_[i];  // a copy: writing the value may grow members_
      name(m.stored);
      value(*m.value, false, top && m.stored.code == kSchemasCode && m.value->is_array());
    }
    members_.erase(members_.begin() + static_cast<std::ptrdiff_t>(base), members_.end());
  }

  std::vector<std::uint8_t>& out_;
  std::size_t used_ = 0;
  boost::container::small_vector<Member, 64> members_;
};

// Hands a record's events (record_reader.hpp) to a nlohmann SAX handler, which takes strings as
// std::string&: each view is assigned to one reused string (a copy, not nlohmann's byte loop).
template <class Sax>
class SaxForwarder final : public RecordVisitor {
 public:
  explicit SaxForwarder(Sax& to) : to_(to) {}

  bool null() override { return to_.null(); }
  bool boolean(bool v) override { return to_.boolean(v); }
  bool number_integer(std::int64_t v) override { return to_.number_integer(v); }
  bool number_unsigned(std::uint64_t v) override { return to_.number_unsigned(v); }
  bool number_float(double v) override { return to_.number_float(v, no_text_); }
  bool string(std::string_view v) override {
    text_.assign(v);
    return to_.string(text_);
  }
  bool key(std::string_view name, std::uint8_t) override {
    text_.assign(name);
    return to_.key(text_);
  }
  bool start_object(std::size_t n) override { return to_.start_object(n); }
  bool end_object() override { return to_.end_object(); }
  bool start_array(std::size_t n) override { return to_.start_array(n); }
  bool end_array() override { return to_.end_array(); }

 private:
  Sax& to_;
  std::string text_;
  const std::string no_text_;  // a float's source text: CBOR has none (nlohmann passes "")
};

}  // namespace

std::vector<std::uint8_t> encode_record(const nlohmann::json& resource) {
  std::vector<std::uint8_t> bytes;
  encode_record_into(resource, bytes);
  bytes.shrink_to_fit();
  return bytes;
}

void encode_record_into(const nlohmann::json& resource, std::vector<std::uint8_t>& out) {
  RecordWriter(out).value(resource, true);
}

nlohmann::json decode_record(std::span<const std::uint8_t> bytes) {
  nlohmann::json out;
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom(out);
  SaxForwarder forwarder(dom);
  if (!walk_record(bytes, forwarder)) {
    throw std::runtime_error("a stored record is not what encode_record writes");
  }
  return out;
}

bool visit_record(std::span<const std::uint8_t> bytes, nlohmann::json_sax<nlohmann::json>& sax) {
  SaxForwarder forwarder(sax);
  return walk_record(bytes, forwarder);
}

std::string_view expanded_name(std::string_view stored) {
  if (const std::uint8_t code = name_code(stored)) return coded_name(code);
  if (stored.size() >= 2 && stored.front() == kCoded && stored[1] == kVerbatim) {
    return stored.substr(2);  // the escape of a name that itself began with kCoded
  }
  return stored;
}

std::uint8_t name_code(std::string_view stored) {
  if (stored.size() < 2 || stored.front() != kCoded) return 0;
  const auto code = static_cast<unsigned char>(stored[1]);
  return code != kVerbatim && code <= kCodes ? code : 0;
}

std::uint8_t name_codes() {
  return static_cast<std::uint8_t>(std::size(kKeyNames));
}

std::string_view coded_name(std::uint8_t code) {
  return code >= 1 && code <= std::size(kKeyNames) ? kKeyNames[code - 1] : std::string_view();
}

}  // namespace scim::store
