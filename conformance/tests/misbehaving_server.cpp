// The misbehaving SCIM endpoint of the robustness test (see misbehaving_server.hpp).
#include "misbehaving_server.hpp"

#include <sys/socket.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <nlohmann/json.hpp>

namespace scim::conf::test {
namespace {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Socket = std::shared_ptr<tcp::socket>;

// Just enough discovery for a run to start: Users and Groups with PATCH and filtering claimed.
std::string discovery(const std::string& path) {
  const std::string list = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  if (path.ends_with("/ServiceProviderConfig")) {
    return nlohmann::json{
        {"schemas", {"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"}},
        {"patch", {{"supported", true}}},
        {"bulk", {{"supported", false}, {"maxOperations", 0}, {"maxPayloadSize", 0}}},
        {"filter", {{"supported", true}, {"maxResults", 100}}},
        {"changePassword", {{"supported", false}}},
        {"sort", {{"supported", false}}},
        {"etag", {{"supported", false}}},
        {"authenticationSchemes", nlohmann::json::array()}}
        .dump();
  }
  auto type = [](const char* name, const char* endpoint, const char* schema) {
    return nlohmann::json{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:ResourceType"}},
                          {"id", name},
                          {"name", name},
                          {"endpoint", endpoint},
                          {"schema", schema}};
  };
  if (path.ends_with("/ResourceTypes")) {
    auto types = nlohmann::json::array(
        {type("User", "/Users", "urn:ietf:params:scim:schemas:core:2.0:User"),
         type("Group", "/Groups", "urn:ietf:params:scim:schemas:core:2.0:Group")});
    return nlohmann::json{{"schemas", {list}}, {"totalResults", 2}, {"Resources", types}}.dump();
  }
  if (path.ends_with("/Schemas")) {
    return nlohmann::json{
        {"schemas", {list}}, {"totalResults", 0}, {"Resources", nlohmann::json::array()}}
        .dump();
  }
  return {};
}

void answer(tcp::socket& socket, bhttp::status status, const std::string& type, std::string body,
            const std::string& location = "") {
  bhttp::response<bhttp::string_body> res{status, 11};
  res.set(bhttp::field::content_type, type);
  if (!location.empty()) res.set(bhttp::field::location, location);
  res.body() = std::move(body);
  res.prepare_payload();
  boost::system::error_code ec;
  bhttp::write(socket, res, ec);
}

// A 64 MiB JSON body streamed in 1 MiB writes of one shared buffer: no 64 MiB copy per
// connection, so eight at once stay cheap. Stops when the runner closes the connection.
void answer_gigantic(tcp::socket& socket) {
  constexpr std::size_t kChunk = 1 << 20;
  constexpr std::size_t kChunks = 64;
  const std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: application/scim+json\r\n"
      "Content-Length: " +
      std::to_string(kChunk * kChunks + 2) + "\r\n\r\n[";
  const std::string spaces(kChunk, ' ');
  boost::system::error_code ec;
  net::write(socket, net::buffer(head), ec);
  for (std::size_t i = 0; i < kChunks && !ec; ++i) net::write(socket, net::buffer(spaces), ec);
  if (!ec) net::write(socket, net::buffer("]", 1), ec);
}

}  // namespace

struct MisbehavingServer::State {
  net::io_context ioc;
  tcp::acceptor acceptor{ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)};
  std::mutex mutex;
  std::vector<Socket> sockets;
  unsigned short port = acceptor.local_endpoint().port();
};

MisbehavingServer::MisbehavingServer(Misbehaviour how)
    : how_(how), state_(std::make_unique<State>()) {
  acceptor_thread_ = std::thread([this] { accept_loop(); });
}

MisbehavingServer::~MisbehavingServer() {
  stopping_ = true;
  stopped_.notify_all();
  ::shutdown(state_->acceptor.native_handle(), SHUT_RDWR);  // wakes the blocking accept()
  acceptor_thread_.join();
  {
    // Unblocks reads and writes in the connection threads; each closes its own socket.
    std::lock_guard lock(state_->mutex);
    for (auto& s : state_->sockets) ::shutdown(s->native_handle(), SHUT_RDWR);
  }
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(connections_);
  }
  for (auto& t : threads) t.join();
}

std::string MisbehavingServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(state_->port) + "/scim/v2";
}

void MisbehavingServer::accept_loop() {
  while (!stopping_) {
    auto socket = std::make_shared<tcp::socket>(state_->ioc);
    boost::system::error_code ec;
    state_->acceptor.accept(*socket, ec);
    if (ec) return;
    {
      std::lock_guard lock(state_->mutex);
      state_->sockets.push_back(socket);
    }
    std::lock_guard lock(mutex_);
    connections_.emplace_back([this, socket] {
      boost::beast::flat_buffer buffer;
      while (!stopping_) {
        bhttp::request<bhttp::string_body> req;
        boost::system::error_code rec;
        bhttp::read(*socket, buffer, req, rec);
        if (rec) return;
        const std::string target(req.target());
        const std::string doc = discovery(target.substr(0, target.find('?')));
        if (!doc.empty()) {
          answer(*socket, bhttp::status::ok, "application/scim+json", doc);
          continue;
        }
        ++misbehaved_;
        switch (how_) {
          case Misbehaviour::Hang: {
            std::unique_lock lock(mutex_);
            stopped_.wait(lock, [this] { return stopping_.load(); });
            return;
          }
          case Misbehaviour::Reset: {
            // Under the sockets' mutex: the destructor shuts the sockets down through their
            // handles, and a handle read while this thread closes it is a data race (and could
            // name a descriptor another connection has reused). ThreadSanitizer found it.
            std::lock_guard sockets_lock(state_->mutex);
            boost::system::error_code ignored;
            socket->set_option(net::socket_base::linger(true, 0), ignored);
            socket->close(ignored);
            return;
          }
          case Misbehaviour::Html:
            answer(*socket, bhttp::status::ok, "text/html",
                   "<!DOCTYPE html><html><body><form>Sign in</form></body></html>");
            break;
          case Misbehaviour::InvalidJson:
            answer(*socket, bhttp::status::ok, "application/scim+json",
                   R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userNa)");
            break;
          case Misbehaviour::Gigantic:
            answer_gigantic(*socket);
            return;  // the runner gives up part-way: the connection is done
          case Misbehaviour::RedirectLoop:
            answer(*socket, bhttp::status::temporary_redirect, "text/plain", "", target);
            break;
          case Misbehaviour::Tarpit: {
            const std::string head =
                "HTTP/1.1 200 OK\r\nContent-Type: application/scim+json\r\n"
                "Content-Length: 1000000\r\n\r\n{";
            boost::system::error_code wec;
            net::write(*socket, net::buffer(head), wec);
            while (!wec && !stopping_) {
              std::this_thread::sleep_for(std::chrono::milliseconds(100));
              net::write(*socket, net::buffer(" ", 1), wec);
            }
            return;
          }
        }
      }
    });
  }
}

}  // namespace scim::conf::test
