// SCIMMY as a peer in ci/bench.sh (docs/performance.md "Peers"): the scimmy package's User and
// Group resource types (with the Enterprise User extension, RFC 7643 §4.3, which the bench's
// generated users carry), served by scimmy-routers on Express, over an in-memory Map per type.
// ci/bench.sh seeds it with `scim-bench-data seed` over its own /Bulk (RFC 7644 §3.7), then
// drives `GET /Users/{id}` (RFC 7644 §3.4.1) with the same wrk script as our server.
//
//   node server.js [--port N] [--token T]
//
// Prints "listening on http://127.0.0.1:PORT/scim/v2" once it accepts connections (the same line
// as scim-reference-server, so the bench starts both the same way); exits on SIGTERM.
import {randomUUID} from "node:crypto";
import {parseArgs} from "node:util";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const {values: args} = parseArgs({options: {
    port: {type: "string", default: "0"},
    token: {type: "string", default: "secret"},
}});
const basePath = "/scim/v2";

// Stores a resource written through SCIMMY: the service provider assigns id and meta (RFC 7643
// §3.1); SCIMMY formats the outbound representation from what this returns.
function ingress(store, resourceType) {
    return (resource, instance) => {
        const now = new Date().toISOString();
        const previous = resource.id ? store.get(resource.id) : undefined;
        if (resource.id && !previous) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        const id = resource.id ?? randomUUID();
        const stored = {...JSON.parse(JSON.stringify(instance)), id,
            meta: {resourceType, created: previous?.meta.created ?? now, lastModified: now}};
        store.set(id, stored);
        return stored;
    };
}

// One resource by id (a miss is SCIMMY's 404), or the list narrowed by the request's filter;
// SCIMMY sorts, pages and projects the list itself (constraints of the ListResponse).
function egress(store) {
    return (resource) => {
        if (resource.id) {
            const found = store.get(resource.id);
            if (!found) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            return found;
        }
        const all = [...store.values()];
        return resource.filter ? resource.filter.match(all) : all;
    };
}

function degress(store) {
    return (resource) => {
        if (!store.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
    };
}

function declare(Resource, resourceType) {
    const store = new Map();
    SCIMMY.Resources.declare(Resource)
        .ingress(ingress(store, resourceType)).egress(egress(store)).degress(degress(store));
}

SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
declare(SCIMMY.Resources.User, "User");
declare(SCIMMY.Resources.Group, "Group");

// The bench posts /Bulk batches of a few hundred users (about 1.2 KB each); set before the
// routers are built, as they size their JSON body limit from it.
SCIMMY.Config.set("bulk", {supported: true, maxOperations: 1000, maxPayloadSize: 4194304});

const app = express();
app.use(basePath, new SCIMMYRouters({
    type: "bearer",
    // Absolute meta.location, as RFC 7643 §3.1 describes it and our server answers it.
    baseUri: (request) => `http://${request.header("Host")}`,
    handler: (request) => {
        if (request.header("Authorization") !== `Bearer ${args.token}`) throw new Error("Unauthorized");
    },
}));

const server = app.listen(Number(args.port), "127.0.0.1", () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}${basePath}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
