// What scim-mcp offers every session: tools, resources and prompts (MCP 2025-11-25 server
// features), with the server's name and instructions. Built once by the composition root and
// shared read-only by all sessions; the providers synchronise their own state.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/mcp/tool.hpp"

namespace scim::mcp {

struct ResourceInfo {
  std::string uri;
  std::string name;
  std::string title;
  std::string description;
  std::string mime_type;
};

struct ResourceContent {
  std::string uri;
  std::string mime_type;
  std::string text;
};

struct ResourceTemplate {
  std::string uri_template;  // RFC 6570, e.g. "scim-rfc://{spec}/{section}"
  std::string name;
  std::string description;
  std::string mime_type;
};

// A family of resources: the check catalogue, the RFC sections, the last run's reports.
class ResourceProvider {
 public:
  virtual ~ResourceProvider() = default;
  virtual std::vector<ResourceInfo> list() const = 0;
  // nullopt when this provider does not know `uri` (the next provider is asked).
  virtual std::optional<ResourceContent> read(const std::string& uri) const = 0;
  virtual std::vector<ResourceTemplate> templates() const { return {}; }
};

struct PromptArgument {
  std::string name;
  std::string description;
  bool required = false;
};

struct PromptInfo {
  std::string name;
  std::string title;
  std::string description;
  std::vector<PromptArgument> arguments;
};

class Prompt {
 public:
  virtual ~Prompt() = default;
  virtual PromptInfo info() const = 0;
  // The messages ([{role, content}]) for arguments already checked for the required ones.
  virtual nlohmann::json messages(const nlohmann::json& arguments) const = 0;
};

struct Offer {
  std::string name = "scim-mcp";
  std::string title = "SCIM 2.0 conformance toolkit";
  std::string version = "0.1.0";
  std::string instructions;
  std::vector<std::shared_ptr<Tool>> tools;
  std::vector<std::shared_ptr<ResourceProvider>> resources;
  std::vector<std::shared_ptr<Prompt>> prompts;
  bool read_only = false;  // write tools are neither listed nor callable
};

}  // namespace scim::mcp
