// Newline-delimited JSON-RPC over stdin/stdout.
#include "scim/mcp/stdio_transport.hpp"

#include <mutex>
#include <string>

namespace scim::mcp {
namespace {

// Reads one line of at most kMaxFrameBytes; `overflow` tells that a longer one was discarded.
bool read_line(std::istream& in, std::string& line, bool& overflow) {
  line.clear();
  overflow = false;
  auto* buffer = in.rdbuf();
  for (;;) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) return !line.empty() || overflow;
    if (c == '\n') break;
    if (overflow) continue;
    if (line.size() >= rpc::kMaxFrameBytes) {
      overflow = true;
      line.clear();
      continue;
    }
    line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace

void serve_stdio(Session& session, WorkerPool& workers, std::istream& in, std::ostream& out) {
  auto mutex = std::make_shared<std::mutex>();
  Send send = [mutex, &out](const json& message) {
    const auto text = message.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard lock(*mutex);
    out << text << '\n';
    out.flush();
  };
  std::string line;
  bool overflow = false;
  while (read_line(in, line, overflow)) {
    if (overflow) {
      send(rpc::make_error(
          nullptr, rpc::kParseError,
          "Parse error: message exceeds " + std::to_string(rpc::kMaxFrameBytes) + " bytes"));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    session.handle(line, send);
  }
  // stdin closed: the client is shutting the server down (lifecycle, "Shutdown").
  session.cancel_all();
  workers.drain();
}

}  // namespace scim::mcp
