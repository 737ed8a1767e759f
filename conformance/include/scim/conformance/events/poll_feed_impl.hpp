// The runner's PollFeed (poll_feed.hpp) over poll_client.hpp: one poll at a time, acknowledgements
// carried to the next poll, every SET kept in a bounded SetStore.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "scim/conformance/events/set_store.hpp"
#include "scim/conformance/poll_feed.hpp"

namespace scim::conf {

class RunPollFeed final : public PollFeed {
 public:
  // `url`: the poll endpoint, e.g. "https://host/scim/v2/Feeds/conformance/poll".
  explicit RunPollFeed(std::string url) : url_(std::move(url)) {}

  std::string url() const override { return url_; }
  std::optional<ReceivedSet> wait_for(Context& ctx,
                                      const std::function<bool(const ReceivedSet&)>& match,
                                      std::chrono::milliseconds timeout) override;
  std::vector<ReceivedSet> received() const override { return store_.all(); }

 private:
  // One poll: acknowledges what the previous poll returned, stores what this one returns. True
  // when more SETs are waiting (a full answer, or moreAvailable).
  bool poll_once(Context& ctx);

  std::string url_;
  std::mutex poll_mutex_;         // one poll in flight, so acknowledgements stay exact
  std::vector<std::string> ack_;  // jti values received and not yet acknowledged
  SetStore store_;
};

// The poll endpoint of feed `feed_id` from the advertised template ("{id}" replaced), or empty.
std::string poll_url(const std::string& advertised_template, const std::string& feed_id);

}  // namespace scim::conf
