// Entra/Okta-shaped users and groups for the benchmark (see directory_generator.hpp). The
// attribute set follows what the two providers send by default: Entra's attribute mappings
// (userPrincipalName -> userName, objectId -> externalId, the enterprise extension's department,
// employeeNumber, costCenter, organization, division) and Okta's profile (login, locale,
// timezone, userType, two emails, mobile and work phones).
#include "scim/bench/directory_generator.hpp"

#include <array>
#include <random>
#include <string_view>

namespace scim::bench {
namespace {

constexpr std::string_view kCoreUser = "urn:ietf:params:scim:schemas:core:2.0:User";
constexpr std::string_view kEnterprise =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

constexpr std::array<std::string_view, 16> kGiven = {
    "Ada",   "Grace", "Alan", "Barbara", "Edsger",  "Frances", "Donald", "Margaret",
    "Linus", "Radia", "Ken",  "Sophie",  "Niklaus", "Hedy",    "Tim",    "Katherine"};
constexpr std::array<std::string_view, 16> kFamily = {
    "Lovelace", "Hopper",  "Turing",   "Liskov", "Dijkstra", "Allen",  "Knuth",   "Hamilton",
    "Torvalds", "Perlman", "Thompson", "Wilson", "Wirth",    "Lamarr", "Berners", "Johnson"};
constexpr std::array<std::string_view, 8> kDepartment = {
    "Engineering", "Finance", "Sales", "Marketing", "Legal", "Support", "Research", "Operations"};
constexpr std::array<std::string_view, 8> kTitle = {
    "Software Engineer", "Senior Accountant",  "Account Executive",  "Product Marketing Manager",
    "Corporate Counsel", "Support Specialist", "Research Scientist", "Operations Analyst"};
constexpr std::array<std::string_view, 6> kCity = {"Seattle", "Austin",  "Dublin",
                                                   "Berlin",  "Toronto", "Singapore"};
constexpr std::array<std::string_view, 6> kRegion = {"WA", "TX", "Leinster", "BE", "ON", "SG"};
constexpr std::array<std::string_view, 6> kCountry = {"US", "US", "IE", "DE", "CA", "SG"};
constexpr std::array<std::string_view, 6> kTimezone = {"America/Los_Angeles", "America/Chicago",
                                                       "Europe/Dublin",       "Europe/Berlin",
                                                       "America/Toronto",     "Asia/Singapore"};
constexpr std::array<std::string_view, 6> kLocale = {"en-US", "en-US", "en-IE",
                                                     "de-DE", "en-CA", "en-SG"};

template <std::size_t N>
std::string pick(const std::array<std::string_view, N>& list, std::mt19937_64& rng) {
  return std::string(list[rng() % N]);
}

std::string digits(std::mt19937_64& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng() % 10);
  return out;
}

// The user of `index`, with `token` in every attribute that must be unique per user.
nlohmann::json user_with_token(std::size_t index, const std::string& token) {
  std::mt19937_64 rng(index * 0x9E3779B97F4A7C15ull + 1);
  const std::string given = pick(kGiven, rng);
  const std::string family = pick(kFamily, rng);
  const std::size_t site = rng() % kCity.size();
  const std::string dept = pick(kDepartment, rng);
  const std::string login = given + "." + family + "." + token;
  const std::string work_mail = login + "@contoso.example";
  nlohmann::json user = {
      {"schemas", {kCoreUser, kEnterprise}},
      {"externalId", "00u" + token + "x" + digits(rng, 12)},
      {"userName", work_mail},
      {"name",
       {{"formatted", given + " " + family},
        {"familyName", family},
        {"givenName", given},
        {"honorificPrefix", "Dr."}}},
      {"displayName", given + " " + family},
      {"nickName", given},
      {"title", pick(kTitle, rng)},
      {"userType", "Employee"},
      {"preferredLanguage", std::string(kLocale[site])},
      {"locale", std::string(kLocale[site])},
      {"timezone", std::string(kTimezone[site])},
      {"active", rng() % 20 != 0},
      {"emails",
       {{{"value", work_mail}, {"type", "work"}, {"primary", true}},
        {{"value", given + token + "@home.example"}, {"type", "home"}}}},
      {"phoneNumbers",
       {{{"value", "+1 555 " + digits(rng, 7)}, {"type", "work"}},
        {{"value", "+1 555 " + digits(rng, 7)}, {"type", "mobile"}}}},
      {"addresses",
       {{{"type", "work"},
         {"streetAddress", digits(rng, 3) + " Main Street"},
         {"locality", std::string(kCity[site])},
         {"region", std::string(kRegion[site])},
         {"postalCode", digits(rng, 5)},
         {"country", std::string(kCountry[site])},
         {"primary", true}}}},
  };
  user[std::string(kEnterprise)] = {{"employeeNumber", token},
                                    {"costCenter", "CC-" + digits(rng, 4)},
                                    {"organization", "Contoso"},
                                    {"division", dept + " Division"},
                                    {"department", dept}};
  return user;
}

}  // namespace

std::string user_name(std::size_t index) {
  return user_with_token(index, std::to_string(index))["userName"].get<std::string>();
}

nlohmann::json make_user(std::size_t index) {
  return user_with_token(index, std::to_string(index));
}

nlohmann::json make_group(std::size_t index, const std::vector<std::string>& member_ids) {
  const std::string n = std::to_string(index);
  nlohmann::json members = nlohmann::json::array();
  for (const auto& id : member_ids) members.push_back({{"value", id}, {"type", "User"}});
  return {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
          {"externalId", "00g" + n},
          {"displayName", "Contoso group " + n},
          {"members", std::move(members)}};
}

std::string user_template(const std::string& placeholder) {
  return user_with_token(7, placeholder).dump();
}

}  // namespace scim::bench
