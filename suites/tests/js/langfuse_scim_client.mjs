// Drives a SCIM client nobody on this team wrote: the SCIM API of the Langfuse JS client
// (@langfuse/client, pinned in package-lock.json), against the reference server, so the server's
// client grading can judge the requests the library builds (docs/client-conformance.md,
// "A third-party client"). The calls are the ones an organisation admin's provisioning script
// makes with the library: discovery, create, look up by userName, read, list, delete; the
// request shapes (headers, bodies, query parameters, retries) are all the library's own.
//
// Usage: node langfuse_scim_client.mjs ROOT_URL PUBLIC_KEY SECRET_KEY
//   ROOT_URL is the server's origin; the library appends /api/public/scim/..., so the server is
//   started with --base-path /api/public/scim. Prints one JSON line per call: {call, ok, status}.
import { LangfuseClient } from "@langfuse/client";

const [root, publicKey, secretKey] = process.argv.slice(2);
if (!root || !publicKey || !secretKey) {
  console.error("usage: langfuse_scim_client.mjs ROOT_URL PUBLIC_KEY SECRET_KEY");
  process.exit(2);
}
const scim = new LangfuseClient({ baseUrl: root, publicKey, secretKey }).api.scim;

// Each call's outcome as a line; a refused call is an outcome too, not a crash of the driver.
async function call(name, fn) {
  try {
    const data = await fn();
    console.log(JSON.stringify({ call: name, ok: true }));
    return data;
  } catch (e) {
    console.log(JSON.stringify({ call: name, ok: false, status: e.statusCode ?? null }));
    return null;
  }
}

await call("getServiceProviderConfig", () => scim.getServiceProviderConfig());
await call("getResourceTypes", () => scim.getResourceTypes());
await call("getSchemas", () => scim.getSchemas());
const created = await call("createUser", () =>
  scim.createUser({
    userName: "langfuse-1",
    name: { formatted: "Lang Fuse" },
    emails: [{ primary: true, value: "langfuse-1@example.com", type: "work" }],
    active: true,
  }),
);
const found = await call("listUsers(filter)", () =>
  scim.listUsers({ filter: 'userName eq "langfuse-1"' }),
);
const id = created?.id ?? found?.Resources?.[0]?.id;
if (id) await call("getUser", () => scim.getUser(id));
// The harness throttles this one (429 with Retry-After): the library retries on its own.
await call("listUsers(page)", () => scim.listUsers({ startIndex: 1, count: 10 }));
if (id) await call("deleteUser", () => scim.deleteUser(id));
