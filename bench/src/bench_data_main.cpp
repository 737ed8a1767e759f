// scim-bench-data: the benchmark's data tool (ci/bench.sh).
//   seed      generate users (and groups) and load them into a server over POST /Bulk; write
//             "<id>\t<userName>" per user to --ids, and the big group's id to --group-id-file
//   template  print one generated user as a JSON line with a placeholder for the unique token
//   user      print generated user N (to inspect the shape)
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "scim/bench/directory_generator.hpp"
#include "scim/bench/seeder.hpp"

namespace {

int write_seeded(const scim::bench::SeedResult& seeded, const std::string& ids_file,
                 const std::string& group_file) {
  std::ofstream ids(ids_file);
  for (const auto& u : seeded.users) ids << u.id << '\t' << u.user_name << '\n';
  if (!ids) {
    std::cerr << "scim-bench-data: cannot write " << ids_file << "\n";
    return 1;
  }
  if (!group_file.empty()) std::ofstream(group_file) << seeded.big_group_id << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("SCIM benchmark data: generate and seed Entra/Okta-shaped users and groups");
  app.require_subcommand(1);
  scim::bench::SeedOptions options;
  std::string ids_file = "ids.tsv";
  std::string group_file;
  auto* seed = app.add_subcommand("seed", "Load generated users and groups into a server");
  seed->add_option("--url", options.base_url, "SCIM base URL")->required();
  seed->add_option("--token", options.token, "Bearer token");
  seed->add_option("--users", options.users, "Users to create");
  seed->add_option("--first-index", options.first_index, "Generator index of the first user");
  seed->add_option("--batch", options.batch, "Operations per /Bulk request");
  seed->add_option("--groups", options.groups, "Small groups to create");
  seed->add_option("--group-size", options.group_size, "Members of each small group");
  seed->add_option("--big-group", options.big_group_members, "Members of the one big group");
  seed->add_option("--ids", ids_file, "Where to write <id> TAB <userName> per user");
  seed->add_option("--group-id-file", group_file, "Where to write the big group's id");
  std::string placeholder = "BENCHSEQ";
  auto* tmpl = app.add_subcommand("template", "Print a user with a placeholder token");
  tmpl->add_option("--placeholder", placeholder, "The token to substitute");
  std::size_t index = 0;
  auto* user = app.add_subcommand("user", "Print generated user N");
  user->add_option("index", index, "Generator index")->required();
  CLI11_PARSE(app, argc, argv);

  if (*tmpl) {
    std::cout << scim::bench::user_template(placeholder) << "\n";
    return 0;
  }
  if (*user) {
    std::cout << scim::bench::make_user(index).dump(2) << "\n";
    return 0;
  }
  auto seeded =
      scim::bench::seed(options, [](const std::string& line) { std::cerr << line << "\n"; });
  if (!seeded) {
    std::cerr << "scim-bench-data: " << seeded.error() << "\n";
    return 1;
  }
  return write_seeded(*seeded, ids_file, group_file);
}
