// The server features of a session: tools/list and tools/call (MCP 2025-11-25 server/tools),
// resources/list, resources/templates/list and resources/read (server/resources), prompts/list
// and prompts/get (server/prompts), with cursor pagination (server/utilities/pagination).
#include <charconv>
#include <exception>

#include "scim/mcp/schema_check.hpp"
#include "scim/mcp/session.hpp"

namespace scim::mcp {
namespace {

constexpr std::size_t kPageSize = 100;

// Cursors are opaque to clients; here they are the offset of the next page in decimal.
std::size_t page_start(const json& params) {
  const auto cursor = params.find("cursor");
  if (cursor == params.end() || cursor->is_null()) return 0;
  std::size_t offset = 0;
  if (cursor->is_string()) {
    const auto& text = cursor->get_ref<const std::string&>();
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), offset);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return offset;
  }
  throw RpcError{rpc::kInvalidParams, "invalid cursor: pass back a nextCursor exactly"};
}

// Fills result[key] with one page of `items` and sets nextCursor when more follow.
json paginate(const char* key, const std::vector<json>& items, const json& params) {
  const std::size_t start = page_start(params);
  if (start > items.size()) throw RpcError{rpc::kInvalidParams, "invalid cursor: past the end"};
  const std::size_t end = std::min(items.size(), start + kPageSize);
  json result{{key, json(std::vector<json>(items.begin() + static_cast<std::ptrdiff_t>(start),
                                           items.begin() + static_cast<std::ptrdiff_t>(end)))}};
  if (end < items.size()) result["nextCursor"] = std::to_string(end);
  return result;
}

json tool_json(const ToolSpec& spec) {
  json annotations{{"title", spec.title},
                   {"readOnlyHint", spec.hints.read_only},
                   {"openWorldHint", spec.hints.open_world}};
  if (!spec.hints.read_only) {  // the other hints are meaningful only for tools that write
    annotations["destructiveHint"] = spec.hints.destructive;
    annotations["idempotentHint"] = spec.hints.idempotent;
  }
  return json{{"name", spec.name},
              {"title", spec.title},
              {"description", spec.description},
              {"inputSchema", spec.input_schema},
              {"annotations", std::move(annotations)}};
}

json tool_result_json(const ToolResult& result) {
  json out{{"content", json::array({{{"type", "text"}, {"text", result.text}}})},
           {"isError", result.is_error}};
  if (!result.structured.empty()) out["structuredContent"] = result.structured;
  return out;
}

std::string require_string(const json& params, const char* name) {
  const auto it = params.find(name);
  if (it == params.end() || !it->is_string()) {
    throw RpcError{rpc::kInvalidParams, std::string("'") + name + "' must be a string"};
  }
  return it->get<std::string>();
}

}  // namespace

std::shared_ptr<Tool> Session::find_tool(const std::string& name) const {
  for (const auto& tool : offer_.tools) {
    const auto spec = tool->spec();
    if (spec.name == name) return (offer_.read_only && spec.writes) ? nullptr : tool;
  }
  return nullptr;
}

json Session::list_tools(const json& params) {
  std::vector<json> tools;
  for (const auto& tool : offer_.tools) {
    auto spec = tool->spec();
    if (offer_.read_only && spec.writes) continue;
    tools.push_back(tool_json(spec));
  }
  return paginate("tools", tools, params);
}

Handled Session::call_tool(const rpc::Message& message, const Send& out, Finished& finished) {
  const auto name = message.params.find("name");
  if (name == message.params.end() || !name->is_string()) {
    out(rpc::make_error(message.id, rpc::kInvalidParams, "tools/call needs a string 'name'"));
    return Handled::Answered;
  }
  if (!find_tool(name->get<std::string>())) {
    std::string why = offer_.read_only ? " (or hidden by --read-only)" : "";
    out(rpc::make_error(
        message.id, rpc::kInvalidParams,
        "Unknown tool: " + name->get<std::string>() + why + "; tools/list names the tools"));
    return Handled::Answered;
  }
  // Tracked before it is queued, so a cancellation that arrives while it waits still counts.
  auto flag = track(message.id);
  if (!flag) {
    out(rpc::make_error(message.id, rpc::kInvalidRequest,
                        "request id already in use by a call in flight"));
    return Handled::Answered;
  }
  auto self = shared_from_this();
  json id = message.id;
  json params = message.params;
  auto job = [self, id, params, out, flag, finished] {
    self->run_tool(id, params, out, flag);
    if (finished) finished();
  };
  if (!workers_.submit(std::move(job))) {
    untrack(message.id);
    out(rpc::make_error(message.id, -32000,
                        "server busy: too many tool calls in progress; retry shortly"));
    return Handled::Answered;
  }
  return Handled::Deferred;
}

void Session::run_tool(const json& id, const json& params, const Send& out,
                       const std::shared_ptr<conf::CancelFlag>& flag) {
  json token = nullptr;
  if (auto meta = params.find("_meta"); meta != params.end() && meta->is_object()) {
    token = meta->value("progressToken", json(nullptr));
  }
  RequestContext context(token, out, min_level_, flag);
  json response;
  try {
    auto tool = find_tool(params["name"].get<std::string>());
    json arguments = params.value("arguments", json::object());
    auto problems = arguments.is_object()
                        ? schema_violations(tool->spec().input_schema, arguments)
                        : std::vector<std::string>{"/: arguments must be an object"};
    ToolResult result;
    if (!problems.empty()) {
      // SEP-1303 (2025-11-25): input validation failures are tool execution errors, so the
      // model sees them and can correct its call.
      std::string text = "invalid arguments for " + params["name"].get<std::string>() + ":";
      for (const auto& p : problems) text += "\n- " + p;
      result = ToolResult::error(text, json{{"violations", problems}});
    } else {
      result = tool->call(arguments, context);
    }
    response = rpc::make_result(id, tool_result_json(result));
  } catch (const std::exception& e) {
    response = rpc::make_result(
        id, tool_result_json(ToolResult::error(std::string("the tool failed: ") + e.what())));
  }
  if (!untrack(id)) out(response);  // a cancelled request gets no response
}

json Session::list_resources(const json& params) {
  std::vector<json> items;
  for (const auto& provider : offer_.resources) {
    for (const auto& r : provider->list()) {
      json item{{"uri", r.uri}, {"name", r.name}, {"mimeType", r.mime_type}};
      if (!r.title.empty()) item["title"] = r.title;
      if (!r.description.empty()) item["description"] = r.description;
      items.push_back(std::move(item));
    }
  }
  return paginate("resources", items, params);
}

json Session::list_resource_templates(const json& params) {
  std::vector<json> items;
  for (const auto& provider : offer_.resources) {
    for (const auto& t : provider->templates()) {
      items.push_back({{"uriTemplate", t.uri_template},
                       {"name", t.name},
                       {"description", t.description},
                       {"mimeType", t.mime_type}});
    }
  }
  return paginate("resourceTemplates", items, params);
}

json Session::read_resource(const json& params) {
  const auto uri = require_string(params, "uri");
  for (const auto& provider : offer_.resources) {
    if (auto content = provider->read(uri)) {
      return json{{"contents", json::array({{{"uri", content->uri},
                                             {"mimeType", content->mime_type},
                                             {"text", content->text}}})}};
    }
  }
  throw RpcError{rpc::kResourceNotFound,
                 "Resource not found: " + uri + " (resources/list names what is available)"};
}

json Session::list_prompts(const json& params) {
  std::vector<json> items;
  for (const auto& prompt : offer_.prompts) {
    const auto info = prompt->info();
    json arguments = json::array();
    for (const auto& a : info.arguments) {
      arguments.push_back(
          {{"name", a.name}, {"description", a.description}, {"required", a.required}});
    }
    items.push_back({{"name", info.name},
                     {"title", info.title},
                     {"description", info.description},
                     {"arguments", std::move(arguments)}});
  }
  return paginate("prompts", items, params);
}

json Session::get_prompt(const json& params) {
  const auto name = require_string(params, "name");
  json arguments = params.value("arguments", json::object());
  if (!arguments.is_object()) throw RpcError{rpc::kInvalidParams, "'arguments' must be an object"};
  for (const auto& prompt : offer_.prompts) {
    const auto info = prompt->info();
    if (info.name != name) continue;
    for (const auto& a : info.arguments) {
      const auto value = arguments.find(a.name);
      if (a.required && (value == arguments.end() || !value->is_string() ||
                         value->get_ref<const std::string&>().empty())) {
        throw RpcError{rpc::kInvalidParams,
                       "prompt '" + name + "' needs the argument '" + a.name + "'"};
      }
    }
    return json{{"description", info.description}, {"messages", prompt->messages(arguments)}};
  }
  throw RpcError{rpc::kInvalidParams, "Unknown prompt: " + name + "; prompts/list names them"};
}

ToolResult ToolResult::error(std::string message, json details) {
  ToolResult r;
  r.is_error = true;
  r.text = std::move(message);
  r.structured = std::move(details);
  if (!r.structured.is_object()) r.structured = json{{"details", r.structured}};
  r.structured["error"] = r.text;
  return r;
}

}  // namespace scim::mcp
