// Drives scim-mcp with the official MCP TypeScript SDK client (pinned in package-lock.json), over
// stdio and over Streamable HTTP, against a running reference server: lists tools, creates,
// patches and deletes a user, checks the error paths, runs a small conformance selection with
// progress, reads the report resources, and drives the mock (a tenant, a fault a real client
// meets, the journal that shows it). Exits non-zero with a message on the first failure.
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [mode, mcpBinary, baseUrl, httpUrl] = process.argv.slice(2);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The SDK runs a notification's handler in a microtask but a response's at once, and drops a
// request's progress handler with its response. When the last progress notification and the
// response come in one read (stdio on a busy machine), the SDK reports that notification through
// onerror ("unknown token") instead of onprogress. Those are collected here so the count stays
// exact; progressOrderStdio proves on the raw stream that every one precedes the response.
function lateProgress(client) {
  const late = [];
  client.onerror = (e) => {
    const m = /progress notification for an unknown token: (.*)$/s.exec(String(e?.message));
    if (m) late.push(JSON.parse(m[1]).params);
  };
  return late;
}

async function session(client, label) {
  const tools = (await client.listTools()).tools;
  const names = tools.map((t) => t.name);
  for (const n of ['scim_discover', 'scim_search', 'scim_get', 'scim_create', 'scim_replace',
                   'scim_patch', 'scim_delete', 'scim_bulk', 'conformance_list',
                   'conformance_run', 'conformance_explain']) {
    check(names.includes(n), `${label}: tools/list lacks ${n}: ${names}`);
  }
  const del = tools.find((t) => t.name === 'scim_delete');
  check(del.annotations.destructiveHint === true, `${label}: scim_delete is not destructive`);
  await client.ping();

  const discover = await client.callTool({ name: 'scim_discover', arguments: {} });
  check(!discover.isError, `${label}: scim_discover failed: ${discover.content[0].text}`);
  const create = (await client.listTools()).tools.find((t) => t.name === 'scim_create');
  check(create.inputSchema.definitions?.User?.required?.includes('userName'),
        `${label}: scim_create's schema is not derived from /Schemas`);

  const userName = `mcp-e2e-${label}-${Date.now()}`;
  const created = await client.callTool({
    name: 'scim_create', arguments: { resourceType: 'User', resource: { userName, active: true } },
  });
  check(!created.isError, `${label}: create failed: ${created.content[0].text}`);
  const id = created.structuredContent.resource.id;
  check(created.structuredContent.status === 201 && created.structuredContent.etag,
        `${label}: create lacks 201 or ETag: ${JSON.stringify(created.structuredContent)}`);

  const patched = await client.callTool({
    name: 'scim_patch',
    arguments: { resourceType: 'User', id, operations: [{ op: 'replace', path: 'active', value: false }] },
  });
  check(!patched.isError && patched.structuredContent.resource.active === false,
        `${label}: patch failed: ${patched.content[0].text}`);

  const deleted = await client.callTool({ name: 'scim_delete', arguments: { resourceType: 'User', id } });
  check(!deleted.isError && deleted.structuredContent.status === 204, `${label}: delete failed`);
  const gone = await client.callTool({ name: 'scim_get', arguments: { resourceType: 'User', id } });
  check(gone.isError && gone.content[0].text.includes('HTTP 404'), `${label}: deleted user still there`);

  const badFilter = await client.callTool({
    name: 'scim_search', arguments: { resourceType: 'User', filter: 'userName eq' },
  });
  check(badFilter.isError && badFilter.content[0].text.includes('invalidFilter'),
        `${label}: bad filter not reported: ${badFilter.content[0].text}`);
  const badArgs = await client.callTool({ name: 'scim_get', arguments: { resourceType: 'User' } });
  check(badArgs.isError && badArgs.content[0].text.includes('invalid arguments'),
        `${label}: schema violation not reported`);
  let unknown = null;
  try {
    await client.callTool({ name: 'no_such_tool', arguments: {} });
  } catch (e) {
    unknown = e;
  }
  check(unknown && unknown.code === -32602, `${label}: unknown tool did not give -32602`);

  const progress = [];
  const late = lateProgress(client);
  const run = await client.callTool(
    { name: 'conformance_run', arguments: { only: ['rfc7644/3.4.1/*'] } },
    undefined, { onprogress: (p) => progress.push(p), timeout: 120000 });
  check(!run.isError, `${label}: conformance_run failed: ${run.content[0].text}`);
  const summary = run.structuredContent;
  check(summary.counts.passed >= 2 && summary.counts.failed === 0 && summary.counts.error === 0,
        `${label}: unexpected run result ${JSON.stringify(summary.counts)}`);
  const got = progress.length + late.length;
  check(got === summary.total,
        `${label}: ${progress.length} progress (+${late.length} after the response) for ${summary.total}`);

  const report = await client.readResource({ uri: 'scim-conformance://runs/last/report.json' });
  const parsed = JSON.parse(report.contents[0].text);
  check(JSON.stringify(parsed).includes('rfc7644/3.4.1/get-user-200'), `${label}: report lacks the check`);
  const md = await client.readResource({ uri: 'scim-conformance://runs/last/report.md' });
  check(md.contents[0].text.length > 0, `${label}: empty Markdown report`);
  const explained = await client.callTool({
    name: 'conformance_explain', arguments: { id: 'rfc7644/3.4.1/get-user-200' },
  });
  check(!explained.isError && explained.structuredContent.lastRunRequests.length > 0,
        `${label}: explain lacks the requests`);

  const prompts = (await client.listPrompts()).prompts.map((p) => p.name);
  check(prompts.includes('diagnose_provisioning') && prompts.includes('pass_entra_profile'),
        `${label}: prompts ${prompts}`);
  const prompt = await client.getPrompt({ name: 'diagnose_provisioning', arguments: { user: 'bjensen' } });
  check(prompt.messages[0].content.text.includes('bjensen'), `${label}: prompt lacks the user`);
  await mockSession(client, label, names);
  console.log(`${label}: ok (${tools.length} tools, ${summary.total} checks, ${progress.length} progress, ${late.length} after the response)`);
}

// The mock tools against the reference server's admin API (docs/mock.md): a tenant, a 503 its
// client meets once, the journal entry naming the fault, the fault removed, the tenant reset.
async function mockSession(client, label, names) {
  for (const n of ['mock_tenant_create', 'mock_tenant_reset', 'mock_fault_set', 'mock_fault_clear',
                   'mock_journal']) {
    check(names.includes(n), `${label}: tools/list lacks ${n}`);
  }
  const tenant = `mcp-${label}-${Date.now()}`;
  const tenantToken = `tok-${tenant}`;
  const created = await client.callTool({
    name: 'mock_tenant_create', arguments: { name: tenant, tokens: [tenantToken] },
  });
  check(!created.isError, `${label}: mock_tenant_create failed: ${created.content[0].text}`);
  check(!created.content[0].text.includes(process.env.SCIM_E2E_ADMIN_TOKEN),
        `${label}: the admin token shows in a tool result`);
  const fault = await client.callTool({
    name: 'mock_fault_set',
    arguments: { tenant, fault: { id: 'once', type: 'error', status: 503, method: 'GET', path: '/Users', times: 1 } },
  });
  check(!fault.isError, `${label}: mock_fault_set failed: ${fault.content[0].text}`);
  const tenantUsers = `${baseUrl.replace(/\/scim\/v2$/, '')}/tenants/${tenant}/scim/v2/Users`;
  const get = () => fetch(tenantUsers, { headers: { Authorization: `Bearer ${tenantToken}` } });
  const first = await get();
  const second = await get();
  check(first.status === 503 && second.status === 200,
        `${label}: fault gave ${first.status} then ${second.status}, expected 503 then 200`);
  const journal = await client.callTool({
    name: 'mock_journal', arguments: { tenant, method: 'GET', status: '503' },
  });
  check(!journal.isError && journal.structuredContent.entries.length === 1 &&
        journal.content[0].text.includes('fault'),
        `${label}: journal lacks the 503: ${journal.content[0].text}`);
  const clear = await client.callTool({ name: 'mock_fault_clear', arguments: { tenant } });
  check(!clear.isError, `${label}: mock_fault_clear failed: ${clear.content[0].text}`);
  const reset = await client.callTool({ name: 'mock_tenant_reset', arguments: { tenant } });
  check(!reset.isError, `${label}: mock_tenant_reset failed: ${reset.content[0].text}`);
  const unknown = await client.callTool({ name: 'mock_tenant_reset', arguments: { tenant: 'no-such-tenant' } });
  check(unknown.isError && unknown.content[0].text.includes('HTTP 404'),
        `${label}: unknown tenant not reported: ${unknown.content[0].text}`);
}

async function overStdio() {
  const transport = new StdioClientTransport({
    command: mcpBinary,
    args: ['--base-url', baseUrl, '--token-env', 'SCIM_E2E_TOKEN', '--admin-token-env', 'SCIM_E2E_ADMIN_TOKEN'],
    env: { ...process.env }, stderr: 'inherit',
  });
  const client = new Client({ name: 'scim-mcp-e2e', version: '1.0.0' });
  await client.connect(transport);
  await session(client, 'stdio');
  await client.close();
}

// scim-mcp on stdio without the SDK: every line it writes, parsed, in order.
function rawStdio(args) {
  const child = spawn(mcpBinary, args, { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env } });
  const lines = [];
  let buffer = '';
  child.stdout.on('data', (d) => {
    buffer += d;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buffer.slice(0, i)));
      buffer = buffer.slice(i + 1);
    }
  });
  return { child, lines };
}

// A malformed line gets -32700 and the server keeps serving (raw stdio, no SDK in between).
async function malformedStdio() {
  const { child, lines } = rawStdio(['--base-url', baseUrl]);
  child.stdin.write('{this is not json\n');
  child.stdin.write('{"jsonrpc":"2.0","id":1,"method":"ping"}\n');
  const deadline = Date.now() + 10000;
  while (lines.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.stdin.end();
  check(lines[0]?.error?.code === -32700, `stdio: malformed line gave ${JSON.stringify(lines[0])}`);
  check(lines[1]?.id === 1 && lines[1].result, `stdio: no ping answer after the bad line`);
  console.log('stdio: malformed frame -> -32700, server kept serving');
}

// Raw stdio (no SDK): a tools/call with a progressToken gets one progress notification per check,
// every one written before the response.
async function progressOrderStdio() {
  const { child, lines } = rawStdio(['--base-url', baseUrl, '--token-env', 'SCIM_E2E_TOKEN']);
  const send = (m) => child.stdin.write(`${JSON.stringify(m)}\n`);
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25',
         capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'conformance_run',
         arguments: { only: ['rfc7644/3.4.1/*'] }, _meta: { progressToken: 'p1' } } });
  const deadline = Date.now() + 120000;
  const answered = () => lines.some((l) => l.id === 2);
  while (!answered() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  // End of input stops the server; everything it wrote is read before the lines are judged.
  const closed = new Promise((r) => child.on('close', r));
  child.stdin.end();
  await Promise.race([closed, new Promise((r) => setTimeout(r, 10000))]);
  const at = lines.findIndex((l) => l.id === 2);
  check(at >= 0, 'stdio: no answer to the conformance_run call');
  const total = lines[at].result.structuredContent.total;
  const isProgress = (l) => l.method === 'notifications/progress' && l.params.progressToken === 'p1';
  const before = lines.slice(0, at).filter(isProgress).map((l) => l.params.progress);
  const after = lines.slice(at + 1).filter(isProgress).length;
  check(before.length === total && after === 0,
        `stdio: ${before.length} progress before and ${after} after the response, for ${total}`);
  check(before.every((v, i) => v === i + 1), `stdio: progress values ${before}`);
  console.log(`stdio: ${total} progress notifications, all before the response`);
}

async function overHttp() {
  const client = new Client({ name: 'scim-mcp-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(httpUrl), {
    requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_E2E_HTTP_TOKEN}` } },
  });
  await client.connect(transport);
  await session(client, 'http');
  await client.close();
  const post = (headers, body) => fetch(httpUrl, {
    method: 'POST', body,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
               Authorization: `Bearer ${process.env.MCP_E2E_HTTP_TOKEN}`, ...headers },
  });
  const init = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}';
  const bad = await post({}, '{"jsonrpc": "2.0", "method"');
  check(bad.status === 400 && (await bad.json()).error.code === -32700, 'http: malformed JSON not 400/-32700');
  const evil = await post({ Origin: 'http://evil.example.com' }, init);
  check(evil.status === 403, `http: foreign Origin gave ${evil.status}`);
  const noToken = await fetch(httpUrl, { method: 'POST', body: init,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' } });
  check(noToken.status === 401, `http: missing token gave ${noToken.status}`);
  const again = await post({}, init);
  check(again.status === 200, 'http: server stopped serving after bad requests');
  console.log('http: malformed -> 400/-32700, Origin -> 403, no token -> 401, still serving');
}

try {
  if (mode === 'stdio') {
    await overStdio();
    await malformedStdio();
    await progressOrderStdio();
  } else {
    await overHttp();
  }
} catch (e) {
  console.error(`FAIL: ${e.stack || e}`);
  process.exit(1);
}
