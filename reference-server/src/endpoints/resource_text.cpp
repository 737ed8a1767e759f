// The default view of a stored resource written as JSON text straight from its stored bytes
// (see resource_view.hpp): the store's CBOR is read in place as events (store::walk_record) and
// each member is copied, dropped or completed as present() and engine::project would, so a GET pays
// for neither a decoded tree, nor its projection, nor its destruction.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/plain_text.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/coded_names.hpp"
#include "scim/server/endpoints/device_types.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/store/record_reader.hpp"

namespace scim::server {
namespace {

using engine::returned_by_default;
using engine::sub_returned_by_default;
using nlohmann::json;
using NameScope = CodedNames::Scope;

// What an open container of the stored resource is, and so what happens to its members.
enum class Kind {
  Top,        // the resource: members by the core schema, the common attributes, extensions
  Extension,  // an extension's object: members by its schema; vanishes when empty
  Values,     // the array of a multi-valued complex attribute: objects kept, others dropped
  Complex,    // a complex value: sub-attributes by the default rules; vanishes when empty
  Copy,       // inside a kept value: everything copied
  Skip,       // inside a dropped value: nothing written
};

struct Frame {
  Kind kind = Kind::Skip;
  bool array = false;
  std::size_t mark = 0;  // the text's length before this value (and its separator and key)
  std::size_t kept = 0;  // members or elements written
  const Attribute* attribute = nullptr;  // Values, Complex: the complex attribute
  const Schema* schema = nullptr;        // Extension
  // The looked-up attributes of the object's coded member names (Top, Extension, Complex; null
  // when the context has no tables or the object was met under a name stored as text).
  const NameScope* scope = nullptr;
  bool meta = false;  // Complex: the resource's "meta"
};

// What key() decided about the member that follows it.
struct Next {
  Kind kind = Kind::Skip;  // Copy for a kept simple value; Complex or Values by its shape
  const Attribute* attribute = nullptr;
  const Schema* schema = nullptr;
  const NameScope* scope = nullptr;  // for the object the member holds
  bool meta = false;
  bool complex = false;    // the attribute is complex: its value's shape decides
  bool keep_null = false;  // "schemas": returned whatever it holds
  std::size_t mark = 0;
};

class DefaultViewWriter final : public store::RecordVisitor {
 public:
  // `id` is the record's, for meta.location (the stored members come in the codec's order, so
  // "meta" may be read before "id"); `groups` the computed "groups" the store attached (empty
  // when none), written at the end of the resource.
  // `capture`, when given, receives one top-level member's stored value (MemberCapture).
  DefaultViewWriter(const Context& ctx, const ResourceType& type, std::string& out,
                    std::string_view id, const std::vector<store::GroupRef>& groups,
                    MemberCapture* capture)
      : ctx_(ctx),
        type_(type),
        top_(ctx.names ? ctx.names->top(type) : nullptr),
        core_(top_ ? top_->schema : ctx.registry.find_schema(type.schema)),
        out_(out),
        groups_(groups),
        id_(id),
        capture_(capture) {
    frames_.reserve(8);
  }

  // Set when the record holds what only the tree path presents; the caller then uses it.
  bool declined() const { return declined_; }
  bool meta_seen() const { return meta_seen_; }
  bool id_seen() const { return id_seen_; }

  bool null() override {
    if (capturing()) capture_->value = nullptr;
    return scalar([&] { out_ += "null"; }, true);
  }
  bool boolean(bool v) override {
    if (capturing()) capture_->value = v;
    return scalar([&] { out_ += v ? "true" : "false"; }, false);
  }
  bool number_integer(std::int64_t v) override {
    if (capturing()) capture_->value = v;
    return scalar([&] { write(json(v)); }, false);
  }
  bool number_unsigned(std::uint64_t v) override {
    if (capturing()) capture_->value = v;
    return scalar([&] { write(json(v)); }, false);
  }
  bool number_float(double v) override {
    if (capturing()) capture_->value = v;
    return scalar([&] { write(json(v)); }, false);
  }
  bool string(std::string_view v) override {
    if (capturing()) capture_->value = std::string(v);
    return scalar([&] { write_string(v); }, false);
  }
  bool start_object(std::size_t) override {
    if (capturing()) capture_->scalar = false;
    return open(false);
  }
  bool start_array(std::size_t) override {
    if (capturing()) capture_->scalar = false;
    return open(true);
  }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  // `code`: the name's code when it was stored coded; the frame's scope then gives what the
  // lookups by name would (CodedNames), in one load.
  bool key(std::string_view k, std::uint8_t code) override {
    Frame& f = frames_.back();
    if (capture_ && frames_.size() == 1) note_capture(k);
    next_ = Next{};
    next_.mark = out_.size();
    const NameScope* scope = code != 0 ? f.scope : nullptr;
    switch (f.kind) {
      case Kind::Top:
        if (!top_member(k, code, scope)) return !declined_;
        break;
      case Kind::Extension: {
        const Attribute* a = scope ? scope->attribute_of(code) : f.schema->find(k);
        const std::uint8_t facts =
            scope ? scope->facts_of(code)
                  : CodedNames::attribute_facts(a, k, a && returned_by_default(*a));
        if (!(facts & CodedNames::kReturned)) return true;    // Skip (also when there is none)
        if (!(facts & CodedNames::kSpelt)) return decline();  // RFC 7643 §2.1: the schema's
        attribute(*a);
        if (scope) next_.scope = scope->inner_of(code);
        break;
      }
      case Kind::Complex: {
        // present() sets meta.location itself; a stored one (never written by the endpoints)
        // is left to the tree path.
        if (f.meta && k == "location") return decline();
        const Attribute* sub = scope ? scope->attribute_of(code) : f.attribute->find_sub(k);
        const std::uint8_t facts =
            scope ? scope->facts_of(code)
                  : CodedNames::attribute_facts(sub, k,
                                                sub && sub_returned_by_default(*f.attribute, *sub));
        if (!(facts & CodedNames::kReturned)) return true;
        if (!(facts & CodedNames::kSpelt)) return decline();
        next_.kind = Kind::Copy;
        break;
      }
      case Kind::Copy:
        next_.kind = Kind::Copy;
        write_key(separator_of(f), k, code);
        return true;
      case Kind::Values:
      case Kind::Skip:
        return true;
    }
    write_key(separator_of(f), k, code);
    return true;
  }

 private:
  bool decline() {
    declined_ = true;
    return false;
  }

  // A top-level key: whether its value is the captured member's. The filter engine reads a
  // member by its exact spelling first, then case-insensitively (engine::find_member): a member
  // met twice under two spellings is not captured.
  void note_capture(std::string_view k) {
    capturing_ = iequals(k, capture_->name);
    if (!capturing_) return;
    if (capture_->found) capture_->scalar = false;
    capture_->found = true;
  }
  // Whether the value that starts now is the captured member's (top level only).
  bool capturing() const { return capturing_ && frames_.size() == 1; }

  // A member of the resource itself; false when it is dropped (or the writer declined). `scope`
  // (the resource's, for a coded name) answers the lookups and the comparisons of the name.
  bool top_member(std::string_view k, std::uint8_t code, const NameScope* scope) {
    const std::uint8_t names = scope ? scope->facts_of(code) : CodedNames::top_name_facts(k);
    if (names & CodedNames::kSchemas) {  // always returned: it tells the client what it is reading
      next_.kind = Kind::Copy;
      next_.keep_null = true;
      return true;
    }
    // Another spelling of "schemas" is renamed by the tree path; "members" (kept beside the bytes
    // by the store) and "groups" (computed) get their $ref from present() (RFC 7643 §4.1.2,
    // §4.2): bytes that hold either are left to the tree path.
    if (names & CodedNames::kTreeOnly) return decline();
    if (scope) next_.scope = scope->inner_of(code);
    const Attribute* common = scope ? scope->common_of(code) : find_common_attribute(k);
    if (common) {
      const std::uint8_t found = facts(scope, names, common, k);
      if (!(found & CodedNames::kSpelt)) return decline();
      if (k == "id") id_seen_ = true;  // the location's id is the record's (id_)
      if (k == "meta") {
        meta_seen_ = true;
        next_.meta = true;
      }
      if (!(found & CodedNames::kReturned)) return false;
      attribute(*common);
      return true;
    }
    const Attribute* a = scope ? scope->attribute_of(code) : core_ ? core_->find(k) : nullptr;
    if (a) {
      const std::uint8_t found = facts(scope, names, a, k);
      if (!(found & CodedNames::kSpelt)) return decline();
      if (!(found & CodedNames::kReturned)) return false;
      attribute(*a);
      return true;
    }
    if (istarts_with(k, "urn:")) {
      if (k == kEndpointAppsExtension) return decline();  // its $refs: the tree path
      const Schema* ext = scope                     ? scope->extension_of(code)
                          : !type_.has_extension(k) ? nullptr
                                                    : ctx_.registry.find_schema(k);
      if (!ext) return false;
      if (scope ? !(names & CodedNames::kSpelt) : ext->id != k) return decline();
      next_.kind = Kind::Extension;
      next_.schema = ext;
      return true;
    }
    return false;
  }

  // The kSpelt and kReturned facts of the attribute found for a top-level name: the scope's for
  // a coded name, else from the name's text.
  static std::uint8_t facts(const NameScope* scope, std::uint8_t names, const Attribute* a,
                            std::string_view k) {
    return scope ? names : CodedNames::attribute_facts(a, k, returned_by_default(*a));
  }

  void attribute(const Attribute& a) {
    next_.attribute = &a;
    next_.complex = a.is_complex();
    next_.kind = Kind::Copy;
  }

  void separator(const Frame& f) {
    if (f.kept > 0) out_ += ',';
  }
  static char separator_of(const Frame& f) { return f.kept > 0 ? ',' : 0; }

  // nlohmann's serializer, made on first use: its construction allocates (a 512-byte indent
  // string, the output adapter) and reads the locale, and most records need it for no value
  // (plain strings and booleans are written directly).
  nlohmann::detail::serializer<json>& serializer() {
    if (!serializer_) {
      serializer_.emplace(nlohmann::detail::output_adapter<char, std::string>(out_), ' ',
                          json::error_handler_t::replace);
    }
    return *serializer_;
  }

  void write(const json& v) { serializer().dump(v, false, false, 0); }
  // `before` (unless 0), `"s"` and `after` (unless 0) when `s` is text the serializer copies as
  // it is (checked unless `known_plain`); false, with nothing written, when it is not. A short
  // string is checked as it is copied into a buffer, which is then appended in one step.
  bool append_plain(char before, std::string_view s, char after, bool known_plain) {
    constexpr std::size_t kShort = 56;
    if (s.size() > kShort) {
      if (!known_plain && !plain_text::is_plain(s)) return false;
      if (before) out_ += before;
      out_ += '"';
      out_ += s;
      out_ += '"';
      if (after) out_ += after;
      return true;
    }
    char buf[kShort + 4];
    char* p = buf;
    if (before) *p++ = before;
    *p++ = '"';
    if (!plain_text::copy_plain(s.data(), s.size(), p, known_plain)) return false;
    p += s.size();
    *p++ = '"';
    if (after) *p++ = after;
    out_.append(buf, static_cast<std::size_t>(p - buf));
    return true;
  }
  // `"s"` and `after` (unless 0) for text known to be plain.
  void append_quoted(std::string_view s, char after) { append_plain(0, s, after, true); }
  // `before` (unless 0), a member's name and its colon. A coded name is one of the names
  // table's, all plain ASCII (CodedNames.EveryCodedNameIsPlainText).
  void write_key(char before, std::string_view k, std::uint8_t code) {
    if (append_plain(before, k, ':', code != 0)) return;
    if (before) out_ += before;
    serialize_string(k);
    out_ += ':';
  }
  // A string as the serializer writes it: text it would copy as it is goes straight to the
  // output, printable ASCII with quotes or backslashes (meta.version's W/"n") with those two
  // escaped, anything else (control characters, UTF-8 to check) through it.
  void write_string(std::string_view s) {
    if (!append_plain(0, s, 0, false) && !append_escaped(s)) serialize_string(s);
  }
  // `"s"` with each '"' and '\\' written as the serializer writes them, \" and \\ (RFC 8259
  // §7), when every other byte is printable ASCII; false, with nothing written, otherwise.
  bool append_escaped(std::string_view s) {
    for (const char c : s) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) {
        return false;
      }
    }
    out_ += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '"' && s[i] != '\\') continue;
      out_.append(s.data() + from, i - from);
      out_ += '\\';
      out_ += s[i];
      from = i + 1;
    }
    out_.append(s.data() + from, s.size() - from);
    out_ += '"';
    return true;
  }
  void serialize_string(std::string_view s) {
    if (!text_.is_string()) text_ = std::string();
    text_.get_ref<std::string&>().assign(s);
    serializer().dump(text_, false, false, 0);
  }

  // The kind of the value that starts now, from its parent and what key() decided.
  Kind child_kind(bool container, bool array) {
    if (frames_.empty()) return array ? Kind::Skip : Kind::Top;
    const Frame& parent = frames_.back();
    switch (parent.kind) {
      case Kind::Copy:
        return Kind::Copy;
      case Kind::Skip:
        return Kind::Skip;
      case Kind::Values:  // an element of a complex attribute: only objects are values
        next_ = Next{};
        next_.mark = out_.size();
        if (!container || array) return Kind::Skip;
        next_.attribute = parent.attribute;
        next_.scope = parent.scope;  // each value's object has the attribute's sub-attributes
        return Kind::Complex;
      default:
        break;
    }
    if (next_.kind == Kind::Skip) return Kind::Skip;
    if (next_.kind == Kind::Extension) return container && !array ? Kind::Extension : Kind::Skip;
    if (!next_.complex) return Kind::Copy;
    if (!container) return Kind::Skip;  // a complex attribute's value is an object or array
    return array ? Kind::Values : Kind::Complex;
  }

  template <class Write>
  bool scalar(Write write_value, bool is_null) {
    if (frames_.empty()) return decline();
    Frame& parent = frames_.back();
    const Kind kind = child_kind(false, false);
    if (kind == Kind::Skip) {
      undo_key(parent);
      return true;
    }
    // A null member is never returned (copied values are copied as they are).
    if (is_null && parent.kind != Kind::Copy && !next_.keep_null) {
      undo_key(parent);
      return true;
    }
    if (parent.array) separator(parent);
    write_value();
    ++parent.kept;
    return true;
  }

  // Drops the separator and key written for a member whose value is not returned (nothing was
  // written for an array's element, or for a member key() dropped: the mark is the end then).
  void undo_key(const Frame& parent) {
    if (!parent.array) out_.resize(next_.mark);
  }

  bool open(bool array) {
    Frame f;
    f.kind = child_kind(true, array);
    f.array = array;
    f.mark = frames_.empty() ? out_.size() : next_.mark;
    if (!frames_.empty() && frames_.back().array) f.mark = out_.size();
    if (f.kind == Kind::Skip) {
      if (!frames_.empty()) undo_key(frames_.back());
    } else {
      if (!frames_.empty() && frames_.back().array) separator(frames_.back());
      f.attribute = next_.attribute;
      f.schema = next_.schema;
      f.scope = f.kind == Kind::Top ? top_ : next_.scope;
      f.meta = next_.meta;
      out_ += array ? '[' : '{';
    }
    next_ = Next{};
    frames_.push_back(std::move(f));
    return true;
  }

  bool close() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (f.kind == Kind::Skip) return true;
    if (f.kind == Kind::Complex) complete(f);
    if (f.kind == Kind::Top) finish(f);
    const bool vanishes = f.kept == 0 && (f.kind == Kind::Extension || f.kind == Kind::Values ||
                                          f.kind == Kind::Complex);
    if (vanishes) {
      out_.resize(f.mark);
      return true;
    }
    out_ += f.array ? ']' : '}';
    if (!frames_.empty()) ++frames_.back().kept;
    return true;
  }

  // meta.location (RFC 7643 §3.1), which present() sets from the request's base URL, when the
  // schema defines it and the default view returns it.
  void complete(Frame& f) {
    if (!f.meta || id_.empty()) return;
    const Attribute* sub = f.attribute->find_sub("location");
    if (!sub || !sub_returned_by_default(*f.attribute, *sub)) return;
    separator(f);
    append_quoted("location", ':');
    write_location(type_, id_);
    ++f.kept;
  }

  // Context::location(type, id) as write_string writes it: put together in the output when its
  // parts are text the serializer copies as it is (then so is the whole), else built and escaped.
  void write_location(const ResourceType& type, std::string_view id) {
    const std::string& base = ctx_.request.base_url;
    if (!base_plain_) base_plain_ = plain_text::is_plain(base);
    if (!*base_plain_ || !plain_text::is_plain(type.endpoint) || !plain_text::is_plain(id)) {
      return write_string(ctx_.location(type, id));
    }
    out_ += '"';
    out_ += base;
    out_ += type.endpoint;
    out_ += '/';
    out_ += id;
    out_ += '"';
  }

  // The end of the resource: the computed "groups", presented and projected as the tree path
  // does: written directly when the schema's "groups" has the shape RFC 7643 §4.1.2 gives it,
  // else through a small tree (the memberships only).
  void finish(Frame& f) {
    if (groups_.empty() || write_groups(f)) return;
    json holder = json::object();
    holder["groups"] = store::groups_json(groups_);
    holder = engine::project(present(ctx_, type_, std::move(holder)), engine::Projection{},
                             ctx_.registry, type_);
    for (const auto& [name, value] : holder.items()) {  // spelt as the schema spells it
      separator(f);
      write_string(name);
      out_ += ':';
      write(value);
      ++f.kept;
    }
  }

  // The computed "groups" as present() and the default projection give them, written without a
  // tree: RFC 7643 §4.1.2's sub-attributes that the schema returns by default, each entry with
  // the "$ref" of its Group, and an entry's members in the serializer's (byte) order: "$ref",
  // "display", "type", "value" (groups_json gives an entry "display" when it is not empty).
  // False, with nothing written, for a schema whose "groups" is spelt otherwise or not complex:
  // the tree path decides those.
  bool write_groups(Frame& f) {
    static constexpr std::string_view kNames[] = {"$ref", "display", "type", "value"};
    const Attribute* a = core_ ? core_->find("groups") : nullptr;
    if (!a || a->name != "groups" || !a->is_complex()) return false;
    bool kept[std::size(kNames)] = {};
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
      const Attribute* sub = a->find_sub(kNames[i]);
      if (sub && sub->name != kNames[i]) return false;  // renamed by the projection
      kept[i] = sub && sub_returned_by_default(*a, *sub);
    }
    if (!returned_by_default(*a)) return true;
    // present() gives each entry the $ref of the Group resource type, when one is registered.
    const ResourceType* group_type = ctx_.registry.find_resource_type("Group");
    const std::size_t mark = out_.size();
    separator(f);
    out_ += "\"groups\":[";
    std::size_t entries = 0;
    for (const auto& g : groups_) {
      const std::size_t entry_mark = out_.size();
      if (entries > 0) out_ += ',';
      out_ += '{';
      std::size_t members = 0;
      auto name = [&](std::size_t i) {
        if (members++ > 0) out_ += ',';
        append_quoted(kNames[i], ':');
      };
      if (kept[0] && group_type) {
        name(0);
        write_location(*group_type, g.id);
      }
      if (kept[1] && !g.display.empty()) {
        name(1);
        write_string(g.display);
      }
      if (kept[2]) {
        name(2);
        append_quoted(g.direct ? "direct" : "indirect", 0);
      }
      if (kept[3]) {
        name(3);
        write_string(g.id);
      }
      if (members == 0) {  // nothing of it returned: the projection drops the entry
        out_.resize(entry_mark);
        continue;
      }
      out_ += '}';
      ++entries;
    }
    if (entries == 0) {  // and then the attribute
      out_.resize(mark);
      return true;
    }
    out_ += ']';
    ++f.kept;
    return true;
  }

  const Context& ctx_;
  const ResourceType& type_;
  const NameScope* top_;  // the type's coded names (null: every name is looked up by its text)
  const Schema* core_;
  std::string& out_;
  std::optional<nlohmann::detail::serializer<json>> serializer_;
  json text_;  // a string value, for the serializer's escaping (made on first use)
  std::vector<Frame> frames_;
  Next next_;
  const std::vector<store::GroupRef>& groups_;
  std::string_view id_;
  std::optional<bool> base_plain_;  // whether the request's base URL is plain text (made on use)
  MemberCapture* capture_;
  bool capturing_ = false;
  bool declined_ = false;
  bool meta_seen_ = false;
  bool id_seen_ = false;
};

}  // namespace

bool append_default_view_text(const Context& ctx, const ResourceType& type,
                              const store::StoredRecord& record, std::string& out,
                              MemberCapture* capture) {
  const std::size_t mark = out.size();
  // Room for the text (about the record's size again for its longer names and meta.location),
  // grown geometrically: a list page appends many.
  const std::size_t room = mark + record.bytes.size() * 2 + 256;
  if (out.capacity() < room) out.reserve(std::max(room, out.capacity() * 2));
  DefaultViewWriter writer(ctx, type, out, record.id, record.groups, capture);
  // present() gives every resource with an id a meta.location; a record without "meta" (never
  // stored by this server's writes) is left to the tree path.
  if (store::walk_record(record.bytes, writer) && !writer.declined() && writer.meta_seen() &&
      writer.id_seen()) {
    return true;
  }
  out.resize(mark);
  return false;
}

std::optional<std::string> default_view_text(const Context& ctx, const ResourceType& type,
                                             const store::StoredRecord& record,
                                             MemberCapture* capture) {
  std::string out;
  if (!append_default_view_text(ctx, type, record, out, capture)) return std::nullopt;
  return out;
}

}  // namespace scim::server
