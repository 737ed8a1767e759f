// Received-SET store and the RFC 8935 push request handling.
#include "scim/conformance/events/set_store.hpp"

#include <algorithm>

#include "scim/conformance/set_token.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::conf {

void SetStore::add(ReceivedSet set) {
  {
    std::lock_guard lock(mutex_);
    if (sets_.size() >= capacity_) {
      sets_.pop_front();
      ++dropped_;
    }
    sets_.push_back(std::move(set));
  }
  changed_.notify_all();
}

std::vector<ReceivedSet> SetStore::all() const {
  std::lock_guard lock(mutex_);
  return {sets_.begin(), sets_.end()};
}

std::size_t SetStore::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

std::size_t SetStore::total() const {
  std::lock_guard lock(mutex_);
  return sets_.size() + dropped_;
}

std::optional<ReceivedSet> SetStore::wait_for(const std::function<bool(const ReceivedSet&)>& match,
                                              std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  std::optional<ReceivedSet> found;
  changed_.wait_for(lock, timeout, [&] {
    const auto it = std::find_if(sets_.begin(), sets_.end(), match);
    if (it != sets_.end()) found = *it;
    return found.has_value();
  });
  return found;
}

namespace {

PushAnswer error_answer(std::string_view description) {
  // RFC 8935 §2.3: 400 with a JSON object carrying "err" and "description".
  nlohmann::json body = {{"err", "invalid_request"}, {"description", description}};
  return {400, "application/json", body.dump(), {}};
}

// Media types compare without case and without parameters (RFC 9110 §8.3.1).
std::string media_type_of(std::string_view value) {
  value = value.substr(0, value.find(';'));
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  std::string out(value);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

PushAnswer handle_push(std::string_view method, std::string_view target, std::string_view path,
                       const Headers& headers, std::string body, SetStore& store) {
  if (target.substr(0, target.find('?')) != path) return {404, "", "", {}};
  if (method != "POST") return {405, "", "", "POST"};
  ReceivedSet set;
  set.path = std::string(target);
  set.request_headers = headers;
  set.received_at = std::chrono::system_clock::now();
  PushAnswer answer;
  const auto* type = find_header(headers, "Content-Type");
  const auto decoded = decode_set(body);
  // RFC 8935 §2.1: "The 'Content-Type' header field of this request MUST be
  // 'application/secevent+jwt'".
  if (type == nullptr || media_type_of(*type) != urn::kSecEventMediaType) {
    answer = error_answer("Content-Type must be application/secevent+jwt");
  } else if (!decoded) {
    answer = error_answer("the body is not a JWT in compact serialization");
  }
  if (decoded) {
    set.header = decoded->header;
    set.claims = decoded->claims;
  }
  if (answer.status != 202) set.rejection = "invalid_request";
  set.token = std::move(body);
  store.add(std::move(set));
  return answer;
}

}  // namespace scim::conf
