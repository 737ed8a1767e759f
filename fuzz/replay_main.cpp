// Replays fuzz inputs without libFuzzer: every file named on the command line, or found in a
// directory named there, goes once through LLVMFuzzerTestOneInput. This is how the seed corpora
// and every crash input checked in under fuzz/regressions/ run as tests in the ordinary builds
// (and under AddressSanitizer in the asan pass). Prints "replayed N inputs".
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_support.hpp"

namespace {

int replay_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << file << "\n";
    return 1;
  }
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::uint8_t> copy(bytes.begin(), bytes.end());  // exact size, as libFuzzer
  LLVMFuzzerTestOneInput(copy.data(), copy.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg(argv[i]);
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
        if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
        if (replay_file(entry.path()) != 0) return 1;
        ++replayed;
      }
    } else if (std::filesystem::exists(arg)) {
      if (replay_file(arg) != 0) return 1;
      ++replayed;
    }
  }
  std::cout << "replayed " << replayed << " inputs\n";
  return replayed == 0 ? 1 : 0;  // a replay that found nothing to run proves nothing
}
