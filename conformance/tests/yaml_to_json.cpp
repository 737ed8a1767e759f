// yaml_to_json FILE: prints a YAML file as JSON, read by the runner's own reader
// (parse_structured: yaml-cpp, scalars as strings). conformance/tests/ci_templates_e2e.sh uses it
// to take the GitHub Action (action.yml) and the GitLab template apart with jq, so their shell
// steps run here exactly as written. Test code only: never installed or packaged.
#include <fstream>
#include <iostream>
#include <sstream>

#include "scim/conformance/cli/structured_file.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: yaml_to_json FILE.yml\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "yaml_to_json: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const auto doc = scim::conf::cli::parse_structured(text.str(), argv[1]);
  if (!doc.ok()) {
    std::cerr << "yaml_to_json: " << argv[1] << ": " << doc.error() << "\n";
    return 1;
  }
  std::cout << doc->dump(2) << "\n";
  return 0;
}
