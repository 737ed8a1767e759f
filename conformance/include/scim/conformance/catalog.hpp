// The check catalog: an explicit tree spec -> section -> check, built by plain functions (no static
// self-registration). Suites expose `void register_rfc7644(Catalog&)` and friends.
#pragma once

#include <deque>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "scim/conformance/model.hpp"

namespace scim::conf {

class Context;
using CheckFn = std::function<void(Context&)>;

struct Check {
  CheckInfo info;
  CheckFn run;
};

struct Section {
  std::string id;     // "3.4.2.2"
  std::string title;  // "Filtering"
  std::vector<Check> checks;
};

struct Spec {
  std::string id;                // "rfc7644", "rfc7643", "events", "profile-entra"
  std::string title;             // "RFC 7644: SCIM Protocol"
  std::deque<Section> sections;  // deque: references stay valid as sections are added
  bool is_profile = false;       // profiles run only when selected with --profile
  // The name --profile selects this spec with: "entra" for "profile-entra" (a provider replay),
  // the spec id itself for a published profile ("interop", "ipsie-al1"). Empty for RFC specs.
  std::string profile;
};

// The profile name of spec `id` (see Spec::profile): "profile-entra" -> "entra", else `id`.
std::string profile_name_of(const std::string& id);

class Catalog {
 public:
  // Returns the spec/section, creating it on first use, so a suite file can add to its section.
  Spec& spec(const std::string& id, const std::string& title, bool is_profile = false);
  Section& section(Spec& spec, const std::string& id, const std::string& title);

  // Adds a check; the ID must start with "<spec>/<section>/".
  void add(Section& section, CheckInfo info, CheckFn run);

  const std::deque<Spec>& specs() const { return specs_; }
  // Problems with CheckInfo::depends_on across the whole catalog: a prerequisite ID that names
  // no check, or a cycle. Empty when every dependency resolves (the suites' tests require that).
  std::vector<std::string> dependency_problems() const;
  std::vector<const Check*> all() const;

 private:
  std::deque<Spec> specs_;
  std::set<std::string> ids_;  // every registered ID, for duplicate detection
};

}  // namespace scim::conf
