// A tool an agent can call (MCP 2025-11-25 server/tools): its name, description, JSON Schema
// input and behaviour hints, and its result as structured content plus readable text.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "scim/mcp/request_context.hpp"

namespace scim::mcp {

// MCP ToolAnnotations: hints only, never a security boundary.
struct ToolHints {
  bool read_only = false;    // readOnlyHint: does not change its environment
  bool destructive = false;  // destructiveHint: may destroy or overwrite data
  bool idempotent = false;   // idempotentHint: repeating the call changes nothing more
  bool open_world = true;    // openWorldHint: talks to an outside system (the SCIM target)
};

struct ToolSpec {
  std::string name;  // [A-Za-z0-9_-], unique
  std::string title;
  std::string description;
  json input_schema;  // a JSON Schema object ("type": "object")
  ToolHints hints;
  bool writes = false;  // hidden in --read-only mode
};

struct ToolResult {
  json structured = json::object();  // structuredContent
  std::string text;                  // the readable content block
  bool is_error = false;             // a tool execution error the model can read and act on

  static ToolResult error(std::string message, json details = json::object());
};

class Tool {
 public:
  virtual ~Tool() = default;
  // May consult the target (schemas derived from its /Schemas), so it is computed per call.
  virtual ToolSpec spec() const = 0;
  // Called with arguments already validated against spec().input_schema.
  virtual ToolResult call(const json& arguments, RequestContext& context) = 0;
};

}  // namespace scim::mcp

namespace scim::mcp {

// A tool made of two functions, for tools whose spec depends on nothing but the target.
class FunctionTool final : public Tool {
 public:
  using SpecFn = std::function<ToolSpec()>;
  using CallFn = std::function<ToolResult(const json&, RequestContext&)>;
  FunctionTool(SpecFn spec, CallFn call) : spec_(std::move(spec)), call_(std::move(call)) {}
  ToolSpec spec() const override { return spec_(); }
  ToolResult call(const json& arguments, RequestContext& context) override {
    return call_(arguments, context);
  }

 private:
  SpecFn spec_;
  CallFn call_;
};

}  // namespace scim::mcp
