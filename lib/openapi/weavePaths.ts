// The Weave panels' read-only API (lib/weave/), kept beside document.ts like clusterPanelPaths.

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const maxAge = [{ name: "maxAgeS", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 3600 }, description: "Wait for a reading at most this old (one shared read, within the poller's backoff); without it the cache is answered at once and refreshed in the background" }];
const freshness = {
  fetchedAt: { type: ["string", "null"], format: "date-time", description: "When the poller read Weave on the nodes" },
  ageMs: { type: ["number", "null"], description: "How old the reading was when served" },
};
const notReadable = {
  type: "object",
  description: "An adopted cluster (or one without nodes): Weave is read over SSH on the cluster's nodes, so there is nothing to read; the reason in words",
  properties: { readable: { const: false }, reason: { type: "string" } },
  required: ["readable", "reason"],
};
const sshError = {
  type: "object",
  properties: {
    error: { type: "object", properties: { code: { type: "string", examples: ["upstream_pending", "upstream_error"] }, message: { type: "string" }, upstream: { const: "ssh" } }, required: ["code", "message", "upstream"] },
    stale: { type: ["object", "null"], description: "The last good reply with its age; null before any" },
  },
};
const failures = {
  "401": { description: "Not signed in" },
  "404": { description: "No such cluster" },
  "502": { description: "Reading Weave failed as a whole; the last good reading with its age", ...json(sshError) },
  "503": { description: "Weave has not been read yet (the first poll is running)", ...json(sshError) },
};
const connection = {
  type: "object",
  properties: {
    address: { type: "string", examples: ["192.0.2.2:6783"] },
    outbound: { type: "boolean" },
    state: { enum: ["established", "pending", "retrying", "failed", "connecting", "waiting"] },
    info: { type: "string" },
    node: { type: ["string", "null"], description: "The node at the other end" },
  },
};
const router = {
  type: "object",
  properties: {
    node: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
    hostname: { type: ["string", "null"] },
    state: { enum: ["up", "down", "unreadable", "unreachable"], description: "down: nothing answers on 127.0.0.1:6784; unreachable: Armdeck cannot reach the node over SSH" },
    readAt: { type: "string", format: "date-time" },
    error: { type: ["string", "null"] },
    version: { type: ["string", "null"], examples: ["2.8.1"] },
    peer: { type: ["object", "null"], properties: { name: { type: "string", description: "The peer name (MAC form)" }, nickname: { type: "string" } } },
    encryption: { type: ["boolean", "null"] },
    peers: { type: "array", items: { type: "object", properties: { name: { type: "string" }, nickname: { type: "string" }, node: { type: ["string", "null"] }, establishedConnections: { type: "integer" } } } },
    connections: { type: "array", items: connection },
    ipam: { type: ["object", "null"], properties: { status: { type: "string" }, range: { type: "string", examples: ["10.32.0.0/12"] }, rangeIps: { type: "integer" }, ownedIps: { type: "integer" }, activeIps: { type: "integer" } } },
    dnsEntries: { type: ["integer", "null"], description: "Live WeaveDNS entries this router holds (cluster-wide)" },
    problems: { type: "array", items: { type: "string" }, description: "What is wrong with this router, in words, with what to check (TCP 6783, UDP 6783/6784)" },
  },
};
const ip = {
  type: "object",
  properties: {
    ip: { type: "string", description: "The container's Weave IP (not the Docker bridge IP Mesos reports)" },
    node: { type: ["string", "null"], description: "The node of the registering peer (Origin)" },
    container: { type: "string", description: "The Docker container (mesos-<Mesos container id>)" },
    containerId: { type: "string" },
    app: { type: ["string", "null"], description: "The Marathon app" },
    task: { type: ["string", "null"], description: "The Mesos/Marathon task id" },
  },
};

export function weavePaths() {
  return {
    "/clusters/{id}/weave": {
      parameters: idParam,
      get: {
        parameters: maxAge,
        summary: "Each node's Weave router, read over SSH from its local API (127.0.0.1:6784 /report) through the runner's pinned connections: version, peers, connections with their state, IPAM range and use; routers down and connections not established flagged in words",
        responses: {
          "200": { description: "The routers, or why Weave cannot be read", ...json({ oneOf: [{ type: "object", properties: { readable: { const: true }, routers: { type: "array", items: router }, problems: { type: "array", items: { type: "string" } }, ...freshness } }, notReadable] }) },
          ...failures,
        },
      },
    },
    "/clusters/{id}/weave/dns": {
      parameters: idParam,
      get: {
        parameters: maxAge,
        summary: "The cluster-wide WeaveDNS table grouped by name (as written, without .weave.local.), each live IP with its node, container, Marathon app and task; callouts for names on one node only, tombstoned entries and apps whose containers registered no name",
        responses: {
          "200": {
            description: "The table, or why Weave cannot be read",
            ...json({
              oneOf: [
                {
                  type: "object",
                  properties: {
                    readable: { const: true },
                    domain: { type: "string", examples: ["weave.local."] },
                    readFrom: { type: "array", items: { type: "string" }, description: "The nodes whose routers answered" },
                    entries: { type: "array", items: { type: "object", properties: { name: { type: "string", examples: ["ubuntu1"] }, ips: { type: "array", items: ip } } } },
                    tombstoned: { type: "array", items: { ...ip, properties: { ...ip.properties, name: { type: "string" }, deletedAt: { type: "string", format: "date-time" } } } },
                    callouts: { type: "array", items: { type: "object", properties: { kind: { enum: ["one-node", "tombstoned", "no-name"] }, name: { type: "string" }, app: { type: "string" }, message: { type: "string" } } } },
                    ...freshness,
                  },
                },
                notReadable,
              ],
            }),
          },
          ...failures,
        },
      },
    },
  };
}
