// The MCP conformance suite's fixture tools (@modelcontextprotocol/conformance server scenarios
// tools-call-simple-text, tools-call-error, tools-call-with-logging, tools-call-with-progress).
#include "scim/mcp/test_tools.hpp"

#include <chrono>
#include <thread>

namespace scim::mcp {
namespace {

ToolSpec fixture(std::string name, std::string description) {
  return {.name = std::move(name),
          .title = "MCP conformance fixture",
          .description = std::move(description) + " (present only with --mcp-test-tools)",
          .input_schema = {{"type", "object"}, {"properties", json::object()}},
          .hints = {.read_only = true, .idempotent = true, .open_world = false}};
}

void pause() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

std::shared_ptr<Tool> tool(ToolSpec spec, FunctionTool::CallFn call) {
  return std::make_shared<FunctionTool>([spec] { return spec; }, std::move(call));
}

}  // namespace

std::vector<std::shared_ptr<Tool>> make_test_tools() {
  return {
      tool(fixture("test_simple_text", "Returns a fixed text."),
           [](const json&, RequestContext&) {
             ToolResult r;
             r.text = "This is a simple text response for testing.";
             return r;
           }),
      tool(fixture("test_error_handling", "Always fails with a tool execution error."),
           [](const json&, RequestContext&) {
             return ToolResult::error("This tool intentionally returns an error for testing");
           }),
      tool(fixture("test_tool_with_logging", "Sends three log messages while it runs."),
           [](const json&, RequestContext& c) {
             c.log(LogLevel::Info, "test", "Tool execution started");
             pause();
             c.log(LogLevel::Info, "test", "Tool processing data");
             pause();
             c.log(LogLevel::Info, "test", "Tool execution completed");
             ToolResult r;
             r.text = "Tool with logging executed successfully";
             return r;
           }),
      tool(fixture("test_tool_with_progress", "Reports progress 0, 50 and 100 of 100."),
           [](const json&, RequestContext& c) {
             for (double p : {0.0, 50.0, 100.0}) {
               c.progress(p, 100.0, "");
               if (p < 100.0) pause();
             }
             ToolResult r;
             r.text = "Tool with progress executed successfully";
             return r;
           }),
  };
}

}  // namespace scim::mcp
