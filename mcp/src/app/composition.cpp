// Builds the Offer: SCIM tools, conformance tools, the mock tools when an admin token is
// configured, the fixture tools when asked, resources and prompts.
#include "scim/mcp/composition.hpp"

#include "scim/mcp/conformance_tools.hpp"
#include "scim/mcp/content.hpp"
#include "scim/mcp/mock_tools.hpp"
#include "scim/mcp/scim_tools.hpp"
#include "scim/mcp/test_tools.hpp"
#include "scim/suites/suites.hpp"

namespace scim::mcp {
namespace {

// Queued calls beyond the running ones; more than this is "server busy".
constexpr std::size_t kMaxQueuedCalls = 64;

conf::Catalog build_catalog() {
  conf::Catalog catalog;
  suites::register_all(catalog);
  return catalog;
}

std::string instructions(const McpConfig& config) {
  std::string text =
      "scim-mcp operates a SCIM 2.0 endpoint (RFC 7643/7644) and judges it with the toolkit's "
      "conformance checks. Start with scim_discover. Tool results carry structured content and a "
      "readable summary; SCIM errors come back as tool errors with status, scimType and detail.";
  if (config.target.base_url.empty()) {
    text += " No target is configured (--base-url), so only the catalogue tools work.";
  }
  if (!config.admin_token.empty()) {
    text +=
        " The mock_* tools drive the reference server's control plane: tenants, faults and "
        "the request journal.";
  }
  if (config.read_only) text += " Read-only mode: tools that write are not offered.";
  return text;
}

}  // namespace

App::App(const McpConfig& config, std::unique_ptr<conf::Transport> transport)
    : catalog_(build_catalog()),
      target_(config.target, std::move(transport)),
      specs_(SpecLibrary::load(config.specs_dir)),
      workers_(config.workers, kMaxQueuedCalls) {
  offer_.instructions = instructions(config);
  offer_.read_only = config.read_only;
  auto add = [this](std::vector<std::shared_ptr<Tool>> tools) {
    for (auto& t : tools) offer_.tools.push_back(std::move(t));
  };
  add(make_scim_read_tools(target_));
  add(make_scim_write_tools(target_));
  add(make_conformance_tools({catalog_, target_, runs_, specs_, suites::profile_names()}));
  const std::string admin_url = admin_api_url(config.admin_url, config.target.base_url);
  if (!config.admin_token.empty() && !admin_url.empty()) {
    add(make_mock_tools({admin_url, config.admin_token, config.target.timeout}, target_));
  }
  if (config.test_tools) add(make_test_tools());
  offer_.resources = {make_catalog_resources(catalog_, specs_), make_report_resources(runs_)};
  offer_.prompts = make_prompts(false);
  session_ = std::make_shared<Session>(offer_, workers_);
}

}  // namespace scim::mcp
