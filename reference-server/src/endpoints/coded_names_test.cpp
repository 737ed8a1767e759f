// The per-type tables of coded names (coded_names.hpp) against the lookups by name they replace:
// for every code, each table gives what Schema::find, Attribute::find_sub, find_common_attribute
// and the registry's extension lookup give for the code's name (RFC 7643 §2.1: case-insensitive),
// for the built-in types and for a custom type whose schema spells coded names otherwise.
#include "scim/server/endpoints/coded_names.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/engine/query/query.hpp"
#include "scim/server/store/record_codec.hpp"

namespace scim::server {
namespace {

constexpr const char* kEnterpriseExtensionUrn =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
constexpr const char* kWidgetUrn = "urn:example:scim:schemas:1.0:Widget";

Attribute simple(std::string name, Returned returned = Returned::Default) {
  Attribute a;
  a.name = std::move(name);
  a.returned = returned;
  return a;
}

Attribute complex(std::string name, std::vector<Attribute> subs, bool multi = false) {
  Attribute a = simple(std::move(name));
  a.type = AttributeType::Complex;
  a.multi_valued = multi;
  a.sub_attributes = std::move(subs);
  return a;
}

// A custom type, with the Enterprise User extension, whose schema holds coded names under other
// spellings ("UserName", "Emails" with "VALUE") beside exact ones ("displayName", "name").
Registry with_widgets() {
  Registry registry = Registry::with_builtin();
  Schema widget;
  widget.id = kWidgetUrn;
  widget.name = "Widget";
  widget.attributes = {simple("UserName"), simple("displayName"), simple("title", Returned::Never),
                       complex("Emails", {simple("VALUE"), simple("type")}, true),
                       complex("name", {simple("givenName")})};
  EXPECT_TRUE(registry.add_schema(std::move(widget)).ok());
  ResourceType type;
  type.id = type.name = "Widget";
  type.endpoint = "/Widgets";
  type.schema = kWidgetUrn;
  type.extensions = {{kEnterpriseExtensionUrn, false}};
  EXPECT_TRUE(registry.add_resource_type(std::move(type)).ok());
  return registry;
}

// Every code of `scope` gives what `lookup` gives for the code's name.
template <class Get, class Lookup>
void expect_by_code(Get get, Lookup lookup, const std::string& where) {
  for (unsigned c = 1; c <= store::name_codes(); ++c) {
    const auto code = static_cast<std::uint8_t>(c);
    EXPECT_EQ(get(code), lookup(store::coded_name(code)))
        << where << ": " << store::coded_name(code);
  }
  EXPECT_EQ(get(0), nullptr) << where;  // a name stored as text
  EXPECT_EQ(get(std::uint8_t(store::name_codes() + 1)), nullptr) << where;
}

void expect_sub_scope(const CodedNames::Scope* scope, const Attribute& complex,
                      const std::string& where) {
  ASSERT_NE(scope, nullptr) << where;
  expect_by_code([&](std::uint8_t c) { return scope->attribute_of(c); },
                 [&](std::string_view n) { return complex.find_sub(n); }, where);
  expect_by_code([&](std::uint8_t c) { return scope->inner_of(c); },
                 [](std::string_view) { return static_cast<const CodedNames::Scope*>(nullptr); },
                 where + " (inner)");
}

TEST(CodedNames, EveryCodeGivesWhatTheLookupsByNameGive) {
  const Registry registry = with_widgets();
  const CodedNames names(registry);
  std::size_t tops = 0, complex_members = 0, extensions = 0;
  for (const ResourceType* type : registry.resource_types()) {
    const CodedNames::Scope* top = names.top(*type);
    ASSERT_NE(top, nullptr) << type->id;
    ++tops;
    const Schema* core = registry.find_schema(type->schema);
    EXPECT_EQ(top->schema, core);
    expect_by_code([&](std::uint8_t c) { return top->common_of(c); },
                   [](std::string_view n) { return find_common_attribute(n); }, type->id);
    expect_by_code([&](std::uint8_t c) { return top->attribute_of(c); },
                   [&](std::string_view n) { return core ? core->find(n) : nullptr; }, type->id);
    expect_by_code([&](std::uint8_t c) { return top->extension_of(c); },
                   [&](std::string_view n) {
                     return istarts_with(n, "urn:") && type->has_extension(n)
                                ? registry.find_schema(n)
                                : nullptr;
                   },
                   type->id);
    for (unsigned c = 1; c <= store::name_codes(); ++c) {
      const auto code = static_cast<std::uint8_t>(c);
      const std::string where = type->id + "." + std::string(store::coded_name(code));
      const Attribute* held = top->common_of(code) ? top->common_of(code) : top->attribute_of(code);
      if (held) {
        if (!held->is_complex()) {
          EXPECT_EQ(top->inner_of(code), nullptr) << where;
          continue;
        }
        ++complex_members;
        expect_sub_scope(top->inner_of(code), *held, where);
      } else if (const Schema* ext = top->extension_of(code)) {
        ++extensions;
        const CodedNames::Scope* scope = top->inner_of(code);
        ASSERT_NE(scope, nullptr) << where;
        expect_by_code([&](std::uint8_t c2) { return scope->attribute_of(c2); },
                       [&](std::string_view n) { return ext->find(n); }, where);
        for (unsigned c2 = 1; c2 <= store::name_codes(); ++c2) {
          const Attribute* a = scope->attribute_of(std::uint8_t(c2));
          if (a && a->is_complex()) {
            expect_sub_scope(scope->inner_of(std::uint8_t(c2)), *a, where + "." + a->name);
          } else {
            EXPECT_EQ(scope->inner_of(std::uint8_t(c2)), nullptr) << where;
          }
        }
      } else {
        EXPECT_EQ(top->inner_of(code), nullptr) << where;
      }
    }
  }
  EXPECT_EQ(tops, registry.resource_types().size());
  EXPECT_GE(tops, 3u);
  EXPECT_GE(complex_members, 10u);  // meta, name, emails, ... of each type
  EXPECT_EQ(extensions, 2u);        // Enterprise User, on User and on Widget
  // The custom schema's other spellings are what its find gives: the writer declines them.
  const ResourceType& widget = *registry.find_resource_type("Widget");
  const auto user_name = store::name_code(std::string_view("\x01\x0a", 2));
  ASSERT_EQ(store::coded_name(user_name), "userName");
  ASSERT_NE(names.top(widget)->attribute_of(user_name), nullptr);
  EXPECT_EQ(names.top(widget)->attribute_of(user_name)->name, "UserName");
}

// Each code's facts are what the writer would learn by comparing the code's name: whether the
// attribute found is spelt so (RFC 7643 §2.1) and returned by default (§7), and at the top whether
// the name is "schemas" or a member only the tree path writes.
TEST(CodedNames, EveryCodesFactsAreWhatItsNameGives) {
  const Registry registry = with_widgets();
  const CodedNames names(registry);
  std::size_t spelt_otherwise = 0, not_returned = 0, checked = 0;
  const auto expect_attribute = [&](std::uint8_t facts, const Attribute* a, std::string_view name,
                                    bool returned, const std::string& where) {
    const bool spelt = a && a->name == name;
    EXPECT_EQ((facts & CodedNames::kSpelt) != 0, spelt) << where << "." << name;
    EXPECT_EQ((facts & CodedNames::kReturned) != 0, a && returned) << where << "." << name;
    spelt_otherwise += a && !spelt;
    not_returned += a && !returned;
    checked += a != nullptr;
  };
  // Every code of an object's scope, its attributes found by `find`, returned by `returned`.
  const auto expect_scope = [&](const CodedNames::Scope* scope, auto find, auto returned,
                                const std::string& where) {
    ASSERT_NE(scope, nullptr) << where;
    for (unsigned c = 1; c <= store::name_codes(); ++c) {
      const std::string_view name = store::coded_name(std::uint8_t(c));
      const Attribute* a = find(name);
      expect_attribute(scope->facts_of(std::uint8_t(c)), a, name, a && returned(*a), where);
    }
  };
  for (const ResourceType* type : registry.resource_types()) {
    const CodedNames::Scope* top = names.top(*type);
    ASSERT_NE(top, nullptr);
    EXPECT_EQ(top->facts_of(0), 0) << type->id;
    EXPECT_EQ(top->facts_of(std::uint8_t(store::name_codes() + 1)), 0) << type->id;
    for (unsigned c = 1; c <= store::name_codes(); ++c) {
      const auto code = static_cast<std::uint8_t>(c);
      const std::string_view name = store::coded_name(code);
      const std::string where = type->id;
      const std::uint8_t facts = top->facts_of(code);
      EXPECT_EQ((facts & CodedNames::kSchemas) != 0, name == "schemas") << name;
      EXPECT_EQ(
          (facts & CodedNames::kTreeOnly) != 0,
          name != "schemas" && (iequals(name, "schemas") || name == "members" || name == "groups"))
          << name;
      const Attribute* held = top->common_of(code) ? top->common_of(code) : top->attribute_of(code);
      if (held) {
        expect_attribute(facts, held, name, engine::returned_by_default(*held), where);
        if (!held->is_complex()) continue;
        expect_scope(
            top->inner_of(code), [&](std::string_view n) { return held->find_sub(n); },
            [&](const Attribute& sub) { return engine::sub_returned_by_default(*held, sub); },
            where + "." + held->name);
      } else if (const Schema* ext = top->extension_of(code)) {
        EXPECT_EQ((facts & CodedNames::kSpelt) != 0, ext->id == name) << where << "." << name;
        expect_scope(
            top->inner_of(code), [&](std::string_view n) { return ext->find(n); },
            [](const Attribute& a) { return engine::returned_by_default(a); },
            where + "." + ext->id);
      } else {
        EXPECT_EQ(facts & (CodedNames::kSpelt | CodedNames::kReturned), 0) << where << "." << name;
      }
    }
  }
  EXPECT_GE(checked, 100u);
  EXPECT_GE(spelt_otherwise, 3u);  // the Widget's UserName, Emails and its VALUE
  EXPECT_GE(not_returned, 2u);     // User's password, the Widget's title
}

// The default-view writer copies a coded name between quotes without looking at it: each must be
// text nlohmann's serializer writes as it is (printable ASCII but '"' and '\\').
TEST(CodedNames, EveryCodedNameIsPlainText) {
  for (unsigned c = 1; c <= store::name_codes(); ++c) {
    const std::string_view name = store::coded_name(std::uint8_t(c));
    ASSERT_FALSE(name.empty()) << c;
    for (const char ch : name) {
      const auto b = static_cast<unsigned char>(ch);
      EXPECT_TRUE(b >= 0x20 && b <= 0x7E && b != '"' && b != '\\') << name;
    }
  }
}

TEST(CodedNames, ATypeOfAnotherRegistryHasNoTables) {
  const Registry registry = Registry::with_builtin();
  const Registry other = Registry::with_builtin();
  const CodedNames names(registry);
  EXPECT_NE(names.top(*registry.find_resource_type("User")), nullptr);
  EXPECT_EQ(names.top(*other.find_resource_type("User")), nullptr);
}

}  // namespace
}  // namespace scim::server
